package dev.l2o.hubspot.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * HubSpot's object names and type ids, and the CRM-neutral names an audit may use for them. HubSpot
 * addresses objects by name ({@code deals}) or type id ({@code 0-3})
 * (https://developers.hubspot.com/docs/guides/crm/using-object-apis).
 */
public final class HubSpotObjects {
    public static final String DEALS = "deals";
    public static final String CONTACTS = "contacts";
    public static final String COMPANIES = "companies";

    private HubSpotObjects() {}

    /** The HubSpot object an audit's object name means: {@code Opportunity}, {@code deal}, {@code 0-3} → {@code deals}. */
    public static Optional<String> resolve(String name) {
        return Optional.ofNullable(switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "deals", "deal", "opportunity", "opportunities", "0-3" -> DEALS;
            case "contacts", "contact", "lead", "leads", "0-1" -> CONTACTS;
            case "companies", "company", "account", "accounts", "0-2" -> COMPANIES;
            default -> null;
        });
    }

    /** The object name for a flow's {@code objectTypeId}; unknown ids (custom objects) are returned as they are. */
    public static String nameOfTypeId(String objectTypeId) {
        if (objectTypeId == null) {
            return null;
        }
        return switch (objectTypeId) {
            case "0-1" -> CONTACTS;
            case "0-2" -> COMPANIES;
            case "0-3" -> DEALS;
            case "0-5" -> "tickets";
            default -> objectTypeId;
        };
    }

    /** The private-app scope that reads an object's records. */
    public static String objectReadScope(String object) {
        return "crm.objects." + object + ".read";
    }

    /** The private-app scope that reads an object's property definitions. */
    public static String schemaReadScope(String object) {
        return "crm.schemas." + object + ".read";
    }
}
