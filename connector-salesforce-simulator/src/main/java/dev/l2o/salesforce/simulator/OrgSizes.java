package dev.l2o.salesforce.simulator;

/**
 * How big a generated org is.
 *
 * @param fields custom fields, spread over Opportunity (half), Lead and Account
 * @param flows record-triggered flows on Opportunity, each with its FlowDefinition
 * @param historyRows OpportunityHistory rows (six per opportunity)
 */
public record OrgSizes(int fields, int flows, int historyRows) {
    public OrgSizes {
        if (fields < 0 || flows < 0 || historyRows < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
    }

    /** A small org that still has every kind of metadata. */
    public static OrgSizes small() {
        return new OrgSizes(30, 10, 1_200);
    }
}
