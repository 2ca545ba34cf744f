package dev.l2o.salesforce.simulator;

import java.util.List;

/** An opportunity stage of a generated org. */
record SimulatedStage(String apiName, double probability, String forecastCategory, boolean closed, boolean won) {
    /** Salesforce's default OpportunityStage values, in pipeline order. */
    static final List<SimulatedStage> DEFAULTS = List.of(
            new SimulatedStage("Prospecting", 10, "Pipeline", false, false),
            new SimulatedStage("Qualification", 10, "Pipeline", false, false),
            new SimulatedStage("Needs Analysis", 20, "Pipeline", false, false),
            new SimulatedStage("Value Proposition", 50, "Pipeline", false, false),
            new SimulatedStage("Id. Decision Makers", 60, "Pipeline", false, false),
            new SimulatedStage("Perception Analysis", 70, "Pipeline", false, false),
            new SimulatedStage("Proposal/Price Quote", 75, "Pipeline", false, false),
            new SimulatedStage("Negotiation/Review", 90, "Forecast", false, false),
            new SimulatedStage("Closed Won", 100, "Closed", true, true),
            new SimulatedStage("Closed Lost", 0, "Omitted", true, false));
}
