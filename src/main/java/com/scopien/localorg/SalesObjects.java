package com.scopien.localorg;

import static com.scopien.localorg.FieldSpec.lookup;
import static com.scopien.localorg.FieldSpec.number;
import static com.scopien.localorg.FieldSpec.of;
import static com.scopien.localorg.FieldSpec.picklist;
import static com.scopien.localorg.FieldSpec.text;
import static com.scopien.localorg.FieldSpec.textArea;
import static com.scopien.localorg.ObjectSpec.object;

import java.util.List;

/** Account, Contact, Lead, Opportunity, Campaign and Product2 with the fields a CRM demo uses. */
final class SalesObjects {

  static final String[] INDUSTRIES = {
    "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications",
    "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
    "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare",
    "Hospitality", "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit",
    "Recreation", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation",
    "Utilities", "Other"
  };
  static final String[] ACCOUNT_TYPES = {
    "Prospect",
    "Customer - Direct",
    "Customer - Channel",
    "Channel Partner / Reseller",
    "Installation Partner",
    "Technology Partner",
    "Other"
  };
  static final String[] RATINGS = {"Hot", "Warm", "Cold"};
  static final String[] LEAD_SOURCES = {
    "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"
  };
  static final String[] SALUTATIONS = {"Mr.", "Ms.", "Mrs.", "Dr.", "Prof."};
  static final String[] LEAD_STATUSES = {
    "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"
  };
  static final String[] OPPORTUNITY_TYPES = {
    "Existing Customer - Upgrade", "Existing Customer - Replacement",
    "Existing Customer - Downgrade", "New Customer"
  };
  static final String[] CAMPAIGN_TYPES = {
    "Conference", "Webinar", "Trade Show", "Public Relations", "Partners", "Referral Program",
    "Advertisement", "Banner Ads", "Direct Mail", "Email", "Telemarketing", "Other"
  };
  static final String[] CAMPAIGN_STATUSES = {"Planned", "In Progress", "Completed", "Aborted"};
  static final String[] PRODUCT_FAMILIES = {"Hardware", "Software", "Services"};

  private SalesObjects() {}

  static List<ObjectDef> all() {
    return List.of(account(), contact(), lead(), opportunity(), campaign(), product());
  }

  private static ObjectDef account() {
    return object("Account", "Account", "Accounts", "001")
        .fields(
            text("Name", "Account Name", 255).required().nameField(),
            picklist("Type", "Account Type", ACCOUNT_TYPES),
            lookup("ParentId", "Parent Account ID", "Parent", "Account").children("ChildAccounts"),
            textArea("BillingStreet", "Billing Street", 255),
            text("BillingCity", "Billing City", 40),
            text("BillingState", "Billing State/Province", 80),
            text("BillingPostalCode", "Billing Zip/Postal Code", 20),
            text("BillingCountry", "Billing Country", 80),
            of("Phone", "Account Phone", FieldType.PHONE).length(40),
            of("Website", "Website", FieldType.URL),
            text("AccountNumber", "Account Number", 40),
            picklist("Industry", "Industry", INDUSTRIES),
            of("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY).digits(18, 0),
            of("NumberOfEmployees", "Employees", FieldType.INT).digits(8, 0),
            picklist("Rating", "Account Rating", RATINGS),
            picklist("AccountSource", "Account Source", LEAD_SOURCES),
            textArea("Description", "Account Description", 32000))
        .build();
  }

  private static ObjectDef contact() {
    return object("Contact", "Contact", "Contacts", "003")
        .fields(
            lookup("AccountId", "Account ID", "Account", "Account").children("Contacts"),
            text("LastName", "Last Name", 80).required(),
            text("FirstName", "First Name", 40),
            picklist("Salutation", "Salutation", SALUTATIONS),
            text("Name", "Full Name", 121).calculated().nameField(),
            text("MailingCity", "Mailing City", 40),
            text("MailingState", "Mailing State/Province", 80),
            text("MailingCountry", "Mailing Country", 80),
            of("Phone", "Business Phone", FieldType.PHONE).length(40),
            of("MobilePhone", "Mobile Phone", FieldType.PHONE).length(40),
            of("Email", "Email", FieldType.EMAIL).length(80),
            text("Title", "Title", 128),
            text("Department", "Department", 80),
            picklist("LeadSource", "Lead Source", LEAD_SOURCES),
            of("Birthdate", "Birthdate", FieldType.DATE),
            textArea("Description", "Contact Description", 32000),
            text("SSN__c", "SSN", 11),
            text("Bank_Account__c", "Bank Account", 34),
            of("Salary__c", "Salary", FieldType.CURRENCY))
        .build();
  }

  private static ObjectDef lead() {
    return object("Lead", "Lead", "Leads", "00Q")
        .fields(
            text("LastName", "Last Name", 80).required(),
            text("FirstName", "First Name", 40),
            picklist("Salutation", "Salutation", SALUTATIONS),
            text("Name", "Full Name", 121).calculated().nameField(),
            text("Title", "Title", 128),
            text("Company", "Company", 255).required(),
            text("City", "City", 40),
            text("State", "State/Province", 80),
            text("Country", "Country", 80),
            of("Phone", "Phone", FieldType.PHONE).length(40),
            of("MobilePhone", "Mobile Phone", FieldType.PHONE).length(40),
            of("Email", "Email", FieldType.EMAIL).length(80),
            of("Website", "Website", FieldType.URL),
            textArea("Description", "Description", 32000),
            picklist("LeadSource", "Lead Source", LEAD_SOURCES),
            picklist("Status", "Status", LEAD_STATUSES)
                .required()
                .restricted()
                .defaulted(LEAD_STATUSES[0]),
            picklist("Industry", "Industry", INDUSTRIES),
            picklist("Rating", "Rating", RATINGS),
            of("AnnualRevenue", "Annual Revenue", FieldType.CURRENCY).digits(18, 0),
            of("NumberOfEmployees", "Employees", FieldType.INT).digits(8, 0),
            of("IsConverted", "Converted", FieldType.BOOLEAN).readOnly(),
            of("ConvertedDate", "Converted Date", FieldType.DATE).readOnly(),
            of("IsUnreadByOwner", "Unread By Owner", FieldType.BOOLEAN),
            text("Custom_Field__c", "Custom Field", 255),
            text("External_ID__c", "External ID", 50).externalId(),
            number("Score__c", "Score", 3, 0))
        .build();
  }

  private static ObjectDef opportunity() {
    return object("Opportunity", "Opportunity", "Opportunities", "006")
        .fields(
            lookup("AccountId", "Account ID", "Account", "Account").children("Opportunities"),
            text("Name", "Name", 120).required().nameField(),
            textArea("Description", "Description", 32000),
            picklist("StageName", "Stage", OpportunityStages.names()).required().restricted(),
            of("Amount", "Amount", FieldType.CURRENCY),
            of("Probability", "Probability (%)", FieldType.PERCENT).defaulted(null),
            of("ExpectedRevenue", "Expected Amount", FieldType.CURRENCY).calculated(),
            of("CloseDate", "Close Date", FieldType.DATE).required(),
            picklist("Type", "Opportunity Type", OPPORTUNITY_TYPES),
            text("NextStep", "Next Step", 255),
            picklist("LeadSource", "Lead Source", LEAD_SOURCES),
            of("IsClosed", "Closed", FieldType.BOOLEAN).calculated(),
            of("IsWon", "Won", FieldType.BOOLEAN).calculated(),
            picklist("ForecastCategoryName", "Forecast Category", OpportunityStages.FORECASTS)
                .defaulted(null),
            lookup("CampaignId", "Campaign ID", "Campaign", "Campaign").children("Opportunities"))
        .build();
  }

  private static ObjectDef campaign() {
    return object("Campaign", "Campaign", "Campaigns", "701")
        .fields(
            text("Name", "Name", 80).required().nameField(),
            picklist("Type", "Type", CAMPAIGN_TYPES),
            picklist("Status", "Status", CAMPAIGN_STATUSES),
            of("StartDate", "Start Date", FieldType.DATE),
            of("EndDate", "End Date", FieldType.DATE),
            of("ExpectedRevenue", "Expected Revenue in Campaign", FieldType.CURRENCY).digits(18, 0),
            of("BudgetedCost", "Budgeted Cost in Campaign", FieldType.CURRENCY).digits(18, 0),
            of("ActualCost", "Actual Cost in Campaign", FieldType.CURRENCY).digits(18, 0),
            of("IsActive", "Active", FieldType.BOOLEAN),
            textArea("Description", "Description", 32000))
        .build();
  }

  private static ObjectDef product() {
    return object("Product2", "Product", "Products", "01t")
        .unowned()
        .fields(
            text("Name", "Product Name", 255).required().nameField(),
            text("ProductCode", "Product Code", 255),
            textArea("Description", "Product Description", 4000),
            of("IsActive", "Active", FieldType.BOOLEAN),
            picklist("Family", "Product Family", PRODUCT_FAMILIES))
        .build();
  }
}
