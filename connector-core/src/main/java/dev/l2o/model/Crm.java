package dev.l2o.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The CRMs l2o audits, with the parts of their vocabulary that CRM-neutral code needs: the id snapshots and
 * resource addresses carry ({@link Snapshot#crm()}, {@link ResourceRef#crm()}) and the names of the lifecycle
 * objects. Compare CRMs through this type, never by their id strings.
 */
public enum Crm {
    SALESFORCE("salesforce", "Opportunity", "Lead", "CloseDate"),
    HUBSPOT("hubspot", "deals", "contacts", "closedate");

    private final String id;
    private final String opportunityObject;
    private final String leadObject;
    private final String closeDateField;

    Crm(String id, String opportunityObject, String leadObject, String closeDateField) {
        this.id = id;
        this.opportunityObject = opportunityObject;
        this.leadObject = leadObject;
        this.closeDateField = closeDateField;
    }

    /** {@code salesforce} or {@code hubspot}: the id snapshots, reports and blueprint {@code crm} mappings use. */
    public String id() {
        return id;
    }

    /** The object of the opportunity lifecycle: {@code Opportunity}, HubSpot {@code deals}. */
    public String opportunityObject() {
        return opportunityObject;
    }

    /** The object of the lead lifecycle: {@code Lead}, HubSpot {@code contacts}. */
    public String leadObject() {
        return leadObject;
    }

    /** The opportunity's close-date field: {@code CloseDate}, HubSpot {@code closedate}. */
    public String closeDateField() {
        return closeDateField;
    }

    /** The CRM with this id, ignoring case; empty for an id of no CRM l2o knows. */
    public static Optional<Crm> of(String id) {
        String wanted = id == null ? "" : id.toLowerCase(Locale.ROOT);
        for (Crm crm : values()) {
            if (crm.id.equals(wanted)) {
                return Optional.of(crm);
            }
        }
        return Optional.empty();
    }
}
