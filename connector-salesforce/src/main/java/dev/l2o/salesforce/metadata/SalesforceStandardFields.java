package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.FieldDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The standard fields of Opportunity, Lead, Account and Contact, which exist in every org whether or not a
 * metadata file mentions them. Types are Salesforce {@code FieldType} names as the Setup UI and metadata
 * show them. {@code required} is the UI's required flag: not nillable and not defaulted on create
 * (Opportunity {@code Name}, {@code StageName}, {@code CloseDate}; Lead {@code LastName}, {@code Company};
 * Account {@code Name}; Contact {@code LastName}); {@code OwnerId} and Lead {@code Status} get defaults and are
 * not. Standard picklists take their values from the standard value set that backs them ({@code StageName}
 * from {@code OpportunityStage}, {@code Status} from {@code LeadStatus}, {@code LeadSource}, {@code Industry},
 * …) when it was read. Refs carry the field address and no file. Immutable and thread-safe.
 */
public final class SalesforceStandardFields {
    /** The objects the catalog covers. */
    public static final Set<String> OBJECTS = Set.of("Account", "Contact", "Lead", "Opportunity");

    private static final Map<String, List<Entry>> CATALOG = catalog();

    private SalesforceStandardFields() {}

    /**
     * The standard fields of {@code object} in catalog order, empty for objects outside {@link #OBJECTS}.
     *
     * @param standardValueSets active values of the standard value sets read, by value set name
     */
    public static List<FieldDef> fields(String object, Map<String, List<String>> standardValueSets) {
        requireNonNull(object, "object is null");
        List<FieldDef> fields = new ArrayList<>();
        for (Entry entry : CATALOG.getOrDefault(object, List.of())) {
            fields.add(entry.toField(object, standardValueSets));
        }
        return List.copyOf(fields);
    }

    /** The catalog entry of one standard field, matching the name exactly. */
    public static Optional<FieldDef> field(String object, String name, Map<String, List<String>> standardValueSets) {
        return CATALOG.getOrDefault(object, List.of()).stream()
                .filter(entry -> entry.name.equals(name))
                .findFirst()
                .map(entry -> entry.toField(object, standardValueSets));
    }

    private record Entry(String name, String label, String type, boolean required, String valueSet, List<String> values) {
        FieldDef toField(String object, Map<String, List<String>> standardValueSets) {
            List<String> picklist = valueSet == null ? values : standardValueSets.getOrDefault(valueSet, List.of());
            return new FieldDef(object, name, label, type, required, false, picklist, null, null, false,
                    SalesforceAddresses.field(object, name));
        }
    }

    private static Map<String, List<Entry>> catalog() {
        Map<String, List<Entry>> catalog = new LinkedHashMap<>();
        catalog.put("Opportunity", List.of(
                field("Name", "Opportunity Name", "Text", true),
                field("AccountId", "Account Name", "Lookup", false),
                field("Amount", "Amount", "Currency", false),
                field("CloseDate", "Close Date", "Date", true),
                picklist("StageName", "Stage", true, "OpportunityStage"),
                field("Probability", "Probability (%)", "Percent", false),
                new Entry("ForecastCategoryName", "Forecast Category", "Picklist", false, null,
                        List.of("Omitted", "Pipeline", "Best Case", "Commit", "Closed")),
                picklist("Type", "Type", false, "OpportunityType"),
                picklist("LeadSource", "Lead Source", false, "LeadSource"),
                field("NextStep", "Next Step", "Text", false),
                field("Description", "Description", "LongTextArea", false),
                field("OwnerId", "Opportunity Owner", "Lookup", false),
                field("IsClosed", "Closed", "Checkbox", false),
                field("IsWon", "Won", "Checkbox", false),
                field("CampaignId", "Primary Campaign Source", "Lookup", false),
                field("ExpectedRevenue", "Expected Amount", "Currency", false),
                field("TotalOpportunityQuantity", "Quantity", "Number", false),
                field("ContactId", "Contact", "Lookup", false),
                field("Pricebook2Id", "Price Book", "Lookup", false),
                field("IsPrivate", "Private", "Checkbox", false),
                field("HasOpportunityLineItem", "Has Line Item", "Checkbox", false),
                field("FiscalYear", "Fiscal Year", "Number", false),
                field("FiscalQuarter", "Fiscal Quarter", "Number", false),
                field("LastStageChangeDate", "Last Stage Change Date", "DateTime", false),
                field("CreatedDate", "Created Date", "DateTime", false),
                field("LastModifiedDate", "Last Modified Date", "DateTime", false)));
        catalog.put("Lead", List.of(
                picklist("Salutation", "Salutation", false, "Salutation"),
                field("FirstName", "First Name", "Text", false),
                field("LastName", "Last Name", "Text", true),
                field("Company", "Company", "Text", true),
                field("Title", "Title", "Text", false),
                field("Email", "Email", "Email", false),
                field("Phone", "Phone", "Phone", false),
                field("MobilePhone", "Mobile", "Phone", false),
                field("Website", "Website", "Url", false),
                picklist("LeadSource", "Lead Source", false, "LeadSource"),
                picklist("Status", "Lead Status", false, "LeadStatus"),
                picklist("Industry", "Industry", false, "Industry"),
                picklist("Rating", "Rating", false, "AccountRating"),
                field("AnnualRevenue", "Annual Revenue", "Currency", false),
                field("NumberOfEmployees", "No. of Employees", "Number", false),
                field("Street", "Street", "TextArea", false),
                field("City", "City", "Text", false),
                field("State", "State/Province", "Text", false),
                field("PostalCode", "Zip/Postal Code", "Text", false),
                field("Country", "Country", "Text", false),
                field("Description", "Description", "LongTextArea", false),
                field("OwnerId", "Lead Owner", "Lookup", false),
                field("IsConverted", "Converted", "Checkbox", false),
                field("ConvertedDate", "Converted Date", "Date", false),
                field("ConvertedAccountId", "Converted Account", "Lookup", false),
                field("ConvertedContactId", "Converted Contact", "Lookup", false),
                field("ConvertedOpportunityId", "Converted Opportunity", "Lookup", false),
                field("HasOptedOutOfEmail", "Email Opt Out", "Checkbox", false),
                field("DoNotCall", "Do Not Call", "Checkbox", false),
                field("CreatedDate", "Created Date", "DateTime", false),
                field("LastModifiedDate", "Last Modified Date", "DateTime", false)));
        catalog.put("Account", List.of(
                field("Name", "Account Name", "Text", true),
                picklist("Type", "Account Type", false, "AccountType"),
                picklist("Industry", "Industry", false, "Industry"),
                field("AnnualRevenue", "Annual Revenue", "Currency", false),
                field("NumberOfEmployees", "Employees", "Number", false),
                picklist("Rating", "Account Rating", false, "AccountRating"),
                picklist("Ownership", "Ownership", false, "AccountOwnership"),
                picklist("AccountSource", "Account Source", false, "LeadSource"),
                field("ParentId", "Parent Account", "Lookup", false),
                field("Phone", "Account Phone", "Phone", false),
                field("Website", "Website", "Url", false),
                field("BillingStreet", "Billing Street", "TextArea", false),
                field("BillingCity", "Billing City", "Text", false),
                field("BillingState", "Billing State/Province", "Text", false),
                field("BillingPostalCode", "Billing Zip/Postal Code", "Text", false),
                field("BillingCountry", "Billing Country", "Text", false),
                field("ShippingCountry", "Shipping Country", "Text", false),
                field("Sic", "SIC Code", "Text", false),
                field("Description", "Account Description", "LongTextArea", false),
                field("OwnerId", "Account Owner", "Lookup", false),
                field("CreatedDate", "Created Date", "DateTime", false),
                field("LastModifiedDate", "Last Modified Date", "DateTime", false)));
        catalog.put("Contact", List.of(
                picklist("Salutation", "Salutation", false, "Salutation"),
                field("FirstName", "First Name", "Text", false),
                field("LastName", "Last Name", "Text", true),
                field("AccountId", "Account Name", "Lookup", false),
                field("Title", "Title", "Text", false),
                field("Department", "Department", "Text", false),
                field("Email", "Email", "Email", false),
                field("Phone", "Business Phone", "Phone", false),
                field("MobilePhone", "Mobile", "Phone", false),
                picklist("LeadSource", "Lead Source", false, "LeadSource"),
                field("MailingCountry", "Mailing Country", "Text", false),
                field("ReportsToId", "Reports To", "Lookup", false),
                field("Birthdate", "Birthdate", "Date", false),
                field("HasOptedOutOfEmail", "Email Opt Out", "Checkbox", false),
                field("Description", "Contact Description", "LongTextArea", false),
                field("OwnerId", "Contact Owner", "Lookup", false),
                field("CreatedDate", "Created Date", "DateTime", false),
                field("LastModifiedDate", "Last Modified Date", "DateTime", false)));
        return Map.copyOf(catalog);
    }

    private static Entry field(String name, String label, String type, boolean required) {
        return new Entry(name, label, type, required, null, List.of());
    }

    private static Entry picklist(String name, String label, boolean required, String valueSet) {
        return new Entry(name, label, "Picklist", required, valueSet, List.of());
    }
}
