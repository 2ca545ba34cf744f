package dev.l2o.blueprint;

import dev.l2o.model.Crm;

/** {@code crm}: the CRM's own name, label or id for a blueprint stage or status, per CRM. */
public record CrmMapping(String salesforce, String hubspot) {
    /** The mapping for {@code crm} ({@code salesforce} or {@code hubspot}), or null when absent. */
    public String forCrm(String crm) {
        return Crm.of(crm).map(this::forCrm).orElse(null);
    }

    /** The mapping for {@code crm}, or null when absent. */
    public String forCrm(Crm crm) {
        return switch (crm) {
            case SALESFORCE -> salesforce;
            case HUBSPOT -> hubspot;
        };
    }
}
