package dev.l2o.salesforce.simulator;

/**
 * How big a generated org is.
 *
 * @param fields custom fields, spread over Opportunity (half, rounded up), Lead and Account
 * @param flows record-triggered flows on Opportunity, each with its FlowDefinition; an org with any also has the
 *     renewal flow on Contract ({@code Create_Renewal_Opportunity}), which is not counted here
 * @param historyRows OpportunityHistory rows (six per opportunity)
 * @param validationRules validation rules on Opportunity, each requiring one of its custom fields (or Amount) in a stage
 */
public record OrgSizes(int fields, int flows, int historyRows, int validationRules) {
    public OrgSizes {
        if (fields < 0 || flows < 0 || historyRows < 0 || validationRules < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
    }

    /** An org with one validation rule for every 20 custom fields on Opportunity. */
    public OrgSizes(int fields, int flows, int historyRows) {
        this(fields, flows, historyRows, (opportunityFields(fields) + 19) / 20);
    }

    /** A small org that still has every kind of metadata. */
    public static OrgSizes small() {
        return new OrgSizes(30, 10, 1_200);
    }

    /** How many of {@code fields} custom fields are on Opportunity: every other one, the first included. */
    public static int opportunityFields(int fields) {
        return (fields + 1) / 2;
    }
}
