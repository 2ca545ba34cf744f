package dev.l2o.blueprint;

/** One designed lead status; {@code key} is required and unique. */
public record LeadStatusSpec(String key, String label, CrmMapping crm, Criteria entry, Boolean converted, Sla sla) {
    public LeadStatusSpec {
        crm = crm == null ? new CrmMapping(null, null) : crm;
        entry = entry == null ? new Criteria(null) : entry;
        converted = converted != null && converted;
    }

    public String displayName() {
        return label == null ? key : label;
    }
}
