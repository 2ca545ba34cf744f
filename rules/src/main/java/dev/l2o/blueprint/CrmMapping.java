package dev.l2o.blueprint;

import java.util.Locale;

/** {@code crm}: the CRM's own name, label or id for a blueprint stage or status, per CRM. */
public record CrmMapping(String salesforce, String hubspot) {
    /** The mapping for {@code crm} ({@code salesforce} or {@code hubspot}), or null when absent. */
    public String forCrm(String crm) {
        return switch (crm.toLowerCase(Locale.ROOT)) {
            case "salesforce" -> salesforce;
            case "hubspot" -> hubspot;
            default -> null;
        };
    }
}
