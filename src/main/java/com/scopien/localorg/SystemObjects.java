package com.scopien.localorg;

import static com.scopien.localorg.FieldSpec.of;
import static com.scopien.localorg.FieldSpec.picklist;
import static com.scopien.localorg.FieldSpec.text;
import static com.scopien.localorg.ObjectSpec.object;

import java.util.List;

/** User and the singleton Organization: read-only through this org's API. */
final class SystemObjects {

  private SystemObjects() {}

  static List<ObjectDef> all() {
    return List.of(user(), organization());
  }

  private static ObjectDef user() {
    return object("User", "User", "Users", "005")
        .unowned()
        .readOnlyObject()
        .fields(
            text("Username", "Username", 80).required().unique(),
            text("LastName", "Last Name", 80).required(),
            text("FirstName", "First Name", 40),
            text("Name", "Full Name", 121).calculated().nameField(),
            text("CompanyName", "Company Name", 80),
            text("Title", "Title", 80),
            of("Email", "Email", FieldType.EMAIL).length(128).required(),
            text("Alias", "Alias", 8).required(),
            of("IsActive", "Active", FieldType.BOOLEAN),
            FieldSpec.lookup("ManagerId", "Manager ID", "Manager", "User"),
            picklist("TimeZoneSidKey", "Time Zone", "GMT", "America/Los_Angeles", "Europe/London")
                .required(),
            picklist("LocaleSidKey", "Locale", "en_US", "en_GB").required(),
            picklist("LanguageLocaleKey", "Language", "en_US").required(),
            picklist("UserType", "User Type", "Standard", "AutomatedProcess").readOnly())
        .build();
  }

  private static ObjectDef organization() {
    return object("Organization", "Organization", "Organizations", "00D")
        .unowned()
        .readOnlyObject()
        .fields(
            text("Name", "Name", 80).required().nameField(),
            text("Division", "Division", 80),
            text("City", "City", 40),
            text("Country", "Country", 80),
            of("Phone", "Phone", FieldType.PHONE).length(40),
            text("PrimaryContact", "Primary Contact", 80),
            picklist("DefaultLocaleSidKey", "Locale", "en_US").required(),
            picklist("LanguageLocaleKey", "Language", "en_US").required(),
            picklist("TimeZoneSidKey", "Time Zone", "GMT", "America/Los_Angeles").required(),
            of("FiscalYearStartMonth", "Fiscal Year Starts In", FieldType.INT).readOnly(),
            picklist(
                    "OrganizationType",
                    "Edition",
                    "Team Edition",
                    "Professional Edition",
                    "Enterprise Edition",
                    "Developer Edition",
                    "Unlimited Edition")
                .readOnly(),
            text("NamespacePrefix", "Namespace Prefix", 15).readOnly(),
            text("InstanceName", "Instance Name", 5).readOnly(),
            of("IsSandbox", "Is Sandbox", FieldType.BOOLEAN).readOnly(),
            of("TrialExpirationDate", "Trial Expiration Date", FieldType.DATETIME).readOnly())
        .build();
  }
}
