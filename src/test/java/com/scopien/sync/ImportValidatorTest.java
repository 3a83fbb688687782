package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scopien.salesforce.FieldDescribe;
import com.scopien.salesforce.ObjectDescribe;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every row checked against a Lead-like describe, with the CSV file's own line numbers. */
class ImportValidatorTest {
  private static final ObjectDescribe LEAD =
      new ObjectDescribe(
          "Lead",
          "Lead",
          "Leads",
          "00Q",
          false,
          true,
          true,
          true,
          List.of(
              field("Id", "id", 18, false, false, false, false),
              field("LastName", "string", 80, true, true, false, false),
              field("FirstName", "string", 40, true, true, true, false),
              field("Company", "string", 255, true, true, false, false),
              field("Email", "email", 80, true, true, true, false),
              field("Name", "string", 121, false, false, true, false),
              field("AnnualRevenue", "currency", 0, true, true, true, false),
              field("NumberOfEmployees", "int", 0, true, true, true, false),
              field("IsUnreadByOwner", "boolean", 0, true, true, false, false),
              field("ConvertedDate", "date", 0, false, false, true, false),
              field("Follow_Up__c", "datetime", 0, true, true, true, false),
              field("Due__c", "date", 0, true, true, true, false),
              field("External_ID__c", "string", 50, true, true, true, true),
              picklist("Status", false, "Open - Not Contacted", "Working - Contacted"),
              picklist("LeadSource", true, "Web", "Phone Inquiry")));

  private static FieldDescribe field(
      String name,
      String type,
      int length,
      boolean createable,
      boolean updateable,
      boolean nillable,
      boolean externalId) {
    return new FieldDescribe(
        name,
        name,
        type,
        length,
        name.endsWith("__c"),
        createable,
        updateable,
        nillable,
        type.equals("boolean"),
        externalId,
        false,
        List.of(),
        List.of(),
        null);
  }

  private static FieldDescribe picklist(String name, boolean nillable, String... values) {
    List<FieldDescribe.PicklistValue> list =
        java.util.Arrays.stream(values)
            .map(v -> new FieldDescribe.PicklistValue(v, v, true, false))
            .toList();
    return new FieldDescribe(
        name,
        name,
        "picklist",
        255,
        false,
        true,
        true,
        nillable,
        !nillable,
        false,
        false,
        list,
        List.of(),
        null);
  }

  private static ImportValidator.Checked check(ImportMapping mapping, String csv) {
    return new ImportValidator(LEAD, mapping, f -> true)
        .check(CsvTable.read(new StringReader(csv)));
  }

  private static final ImportMapping MAPPING =
      ImportMapping.parse(
          """
          {"object": "Lead",
           "columns": {"Last": "LastName", "First": "FirstName", "Company": "Company",
                       "E-mail": "Email", "Revenue": "AnnualRevenue", "Staff": "NumberOfEmployees",
                       "Unread": "IsUnreadByOwner", "Follow up": "Follow_Up__c", "Due": "Due__c",
                       "Source": "LeadSource", "Ref": "External_ID__c"},
           "externalIdField": "External_ID__c",
           "constants": {"Status": "working - contacted"},
           "dateFormat": "dd/MM/yyyy",
           "dateTimeFormat": "dd/MM/yyyy HH:mm",
           "timeZone": "Europe/Paris"}
          """);

  private static final String HEADER =
      "Last,First,Company,E-mail,Revenue,Staff,Unread,Follow up,Due,Source,Ref,Notes\n";

  @Test
  void goodRowsBecomeTypedRecordsInTheOrgsSpelling() {
    ImportValidator.Checked checked =
        check(
            MAPPING,
            HEADER
                + "Roe,Jane,\"Acme, Inc.\",jane@acme.com,\"75,000.50\",12,yes,31/01/2026 09:30,"
                + "01/02/2026,web,R-1,\"a note\nover two lines\"\n"
                + "Smith,,Globex,,,,no,,,,R-2,\n");

    assertThat(checked.ignoredColumns()).containsExactly("Notes");
    assertThat(checked.records()).hasSize(2);
    PendingCreateStore.NewRecord first = checked.records().get(0);
    assertThat(first.localKey()).isEqualTo("line 2");
    assertThat(first.externalIdField()).isEqualTo("External_ID__c");
    assertThat(first.externalId()).isEqualTo("R-1");
    assertThat(first.fields())
        .containsEntry("Status", "Working - Contacted")
        .containsEntry("Company", "Acme, Inc.")
        .containsEntry("AnnualRevenue", new BigDecimal("75000.50"))
        .containsEntry("NumberOfEmployees", new BigDecimal("12"))
        .containsEntry("IsUnreadByOwner", true)
        .containsEntry("Follow_Up__c", "2026-01-31T08:30:00.000+0000")
        .containsEntry("Due__c", "2026-02-01")
        .containsEntry("LeadSource", "Web");
    assertThat(checked.records().get(1).localKey()).isEqualTo("line 4");
    assertThat(checked.records().get(1).fields())
        .containsOnlyKeys("Status", "LastName", "Company", "IsUnreadByOwner", "External_ID__c");
  }

  @Test
  void everyBadRowIsReportedWithItsLineAndFieldAndNothingIsReturned() {
    String csv =
        HEADER
            + "Roe,Jane,Acme,jane@acme.com,100,1,yes,,,Web,R-1,\"multi\nline\nnote\"\n"
            + ",Bob,Acme,bob@,lots,2.5,maybe,2026-01-31,31/02/2026,Fax,R-2,\n"
            + "Doe,Ann,Acme,,,,,,,,r-1,\n"
            + "Lee,Al,Acme,,,,,,,\n"
            + "\n"
            + "Kim,"
            + "x".repeat(41)
            + ",Acme,,,,,,,,,\n";

    assertThatThrownBy(() -> check(MAPPING, csv))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_rows");
              assertThat(e.summary()).isEqualTo("4 rows have problems; nothing was queued");
              assertThat(e.problems())
                  .containsExactly(
                      "line 5: LastName: required, but empty",
                      "line 5: Email: 'bob@' is not an email address",
                      "line 5: AnnualRevenue: 'lots' is not a number",
                      "line 5: NumberOfEmployees: '2.5' is not a whole number",
                      "line 5: IsUnreadByOwner: 'maybe' is not true or false",
                      "line 5: Follow_Up__c: '2026-01-31' is not a date-time in the format the"
                          + " mapping gives",
                      "line 5: Due__c: '31/02/2026' is not a date in the format the mapping gives",
                      "line 5: LeadSource: 'Fax' is not a value of this picklist",
                      "line 6: External_ID__c: 'r-1' is also on line 2",
                      "line 7: has 10 values, the header has 12 columns",
                      "line 9: FirstName: too long: 41 characters, at most 40 allowed",
                      "line 9: External_ID__c: empty; rows are matched by this field");
            });
  }

  @Test
  void aMappingThatDoesNotFitTheObjectOrTheFileListsEveryProblem() {
    ImportMapping bad =
        ImportMapping.parse(
            """
            {"columns": {"Last": "LastName", "Mail": "Emial", "Full": "Name", "Gone": "FirstName"},
             "externalIdField": "Company",
             "constants": {"Status": "Closed", "LeadSource": "Web"}}
            """);

    assertThatThrownBy(() -> check(bad, "Last,Mail,Full\nRoe,x,y\n"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_mapping");
              assertThat(e.problems())
                  .containsExactly(
                      "columns.Mail: Lead has no field 'Emial'",
                      "columns.Full: Lead.Name cannot be set on new records",
                      "columns.Gone: no such column on line 1 (the file has Last, Mail, Full)",
                      "constants.Status: 'Closed' is not a value of this picklist",
                      "externalIdField: Lead.Company is not an External Id field",
                      "Company: required by Lead; map a column to it or give it in 'constants'");
            });
  }

  @Test
  void withoutAnExternalIdEveryRowIsACreate() {
    ImportMapping plain =
        ImportMapping.parse(
            "{\"object\":\"Lead\",\"columns\":{\"Last\":\"LastName\",\"Company\":\"Company\"}}");

    ImportValidator.Checked checked = check(plain, "Last,Company\nRoe,Acme\nRoe,Acme\n");

    assertThat(checked.records())
        .extracting(PendingCreateStore.NewRecord::externalIdField)
        .containsOnlyNulls();
    assertThat(checked.records().get(1).fields())
        .isEqualTo(Map.of("LastName", "Roe", "Company", "Acme"));
  }
}
