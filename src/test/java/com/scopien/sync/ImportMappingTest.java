package com.scopien.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImportMappingTest {

  @Test
  void aGoodFileKeepsItsColumnsInOrder() {
    ImportMapping m =
        ImportMapping.parse(
            """
            {"object": "Lead", "columns": {"B": "Company", "A": "LastName"},
             "constants": {"LeadSource": "Web", "Score__c": 5, "IsUnreadByOwner": true},
             "externalIdField": "External_ID__c", "dateFormat": "dd.MM.yyyy",
             "timeZone": "Europe/Berlin"}
            """);

    assertThat(m.object()).isEqualTo("Lead");
    assertThat(m.columns())
        .containsExactly(java.util.Map.entry("B", "Company"), java.util.Map.entry("A", "LastName"));
    assertThat(m.constants())
        .containsEntry("Score__c", "5")
        .containsEntry("IsUnreadByOwner", "true");
    assertThat(m.withObject("Contact").object()).isEqualTo("Contact");
  }

  @Test
  void everyProblemOfTheFileIsListedAtOnce() {
    assertThatThrownBy(
            () ->
                ImportMapping.parse(
                    """
                    {"object": 7, "colums": {}, "columns": {"A": "Email", "B": "email", "C": ""},
                     "constants": {"Email": "x@y.z", "Bad": [1]},
                     "dateFormat": "qqqq-bb", "timeZone": "Mars/Olympus"}
                    """))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_mapping");
              assertThat(e.summary()).isEqualTo("The mapping file has 8 problems");
              assertThat(e.problems())
                  .containsExactly(
                      "unknown key 'colums'; the keys are object, columns, externalIdField,"
                          + " constants, dateFormat, dateTimeFormat and timeZone",
                      "'object' must be non-empty text",
                      "columns: 'A' and 'B' both map to email",
                      "columns.C: give the field's API name as text",
                      "constants.Email: the field is also mapped from a column",
                      "constants.Bad: give a text, number or boolean",
                      "dateFormat: 'qqqq-bb' is not a date pattern (such as dd/MM/yyyy)",
                      "timeZone: 'Mars/Olympus' is not a time zone (try UTC or Europe/Paris)");
            });
  }

  @Test
  void aFileThatIsNotJsonOrHasNoColumnsSaysSo() {
    assertThatThrownBy(() -> ImportMapping.parse("{\"columns\": {\"A\": \"B\"},,}"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("the mapping file is not valid JSON (line 1, column"));
    assertThatThrownBy(() -> ImportMapping.parse("[]"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly("the mapping file must be one JSON object {...}"));
    assertThatThrownBy(() -> ImportMapping.parse("{\"object\": \"Lead\"}"))
        .isInstanceOfSatisfying(
            ValidationProblems.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "'columns' must map at least one CSV column to a field:"
                            + " {\"Column\": \"Field\"}"));
  }
}
