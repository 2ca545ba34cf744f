package dev.l2o.rules.builtin.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.testing.RuleRunner;
import dev.l2o.rules.testing.SnapshotBuilder;
import dev.l2o.rules.testing.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementRulesTest {
    private static final List<Rule> RULES = List.of(new StageProbabilityRule(), new StageForecastRule(),
            new HistoryUntrackedRule());

    private static final String BLUEPRINT = """
            opportunityLifecycle:
              stages:
                - key: discovery
                  crm: { salesforce: "Qualification", hubspot: "appointmentscheduled" }
                  probability: 10
                  forecastCategory: Pipeline
                - key: commitment
                  crm: { salesforce: "Negotiation/Review", hubspot: "decisionmakerboughtin" }
                  probability: 80
                  forecastCategory: Commit
                - key: won
                  crm: { salesforce: "Closed Won", hubspot: "closedwon" }
                  probability: 100
                  forecastCategory: Closed
                  closed: true
                  won: true
            """;

    private static List<Finding> run(Snapshot snapshot) {
        return RuleRunner.run(RULES, TestBlueprints.parse(BLUEPRINT), snapshot);
    }

    @Test
    void salesforceForecastCommitsAndEqualProbabilitiesMatchTheBlueprint() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "All", p -> p
                .stage("Qualification", s -> s.probability(10).forecast(ForecastCategory.PIPELINE))
                .stage("Negotiation/Review", s -> s.probability(80).forecast(ForecastCategory.parse("Forecast").get()))
                .stage("Closed Won", s -> s.probability(100).forecast(ForecastCategory.CLOSED).closedWon())).build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void differingProbabilitiesAndForecastCategoriesAreReportedPerStageInTheMeasurementDimension() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce().pipeline("Opportunity", "All", p -> p
                .stage("Qualification", s -> s.probability(20).forecast(ForecastCategory.PIPELINE))
                .stage("Negotiation/Review", s -> s.probability(80).forecast(ForecastCategory.BEST_CASE))
                .stage("Closed Won", s -> s.forecast(ForecastCategory.CLOSED).closedWon())).build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(
                        tuple("L2O-STAGE-FORECAST", "salesforce:Opportunity.StageName#Negotiation/Review", "Commit",
                                "BestCase"),
                        tuple("L2O-STAGE-PROBABILITY", "salesforce:Opportunity.StageName#Closed Won", "100", "none"),
                        tuple("L2O-STAGE-PROBABILITY", "salesforce:Opportunity.StageName#Qualification", "10", "20"));
        assertThat(findings).allSatisfy(f -> assertThat(f.dimension()).isEqualTo(Dimension.MEASUREMENT));
        assertThat(findings.get(2).message())
                .isEqualTo("CRM stage 'Qualification' has probability 20 where blueprint stage 'discovery' designs 10.");
    }

    @Test
    void hubSpotStagesWithProbabilitiesInPercentAndNoForecastCategoriesAreComparedOnProbabilityOnly() {
        // given
        Snapshot snapshot = SnapshotBuilder.hubspot().pipeline("deals", "Sales Pipeline", p -> p
                .stage("appointmentscheduled", s -> s.probability(20))
                .stage("decisionmakerboughtin", s -> s.probability(80))
                .stage("closedwon", s -> s.probability(100).closedWon())).build();

        // when
        List<Finding> findings = run(snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::expected, Finding::actual)
                .containsExactly(tuple("L2O-STAGE-PROBABILITY", "hubspot:pipeline/default/stage/appointmentscheduled",
                        "10", "20"));
    }

    @Test
    void aSourceWithoutStageHistoryIsReportedOnceAsUntracked() {
        // given
        Snapshot snapshot = SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "All", p -> p.stage("Qualification"))
                .withoutHistory()
                .build();

        // when
        List<Finding> findings = RuleRunner.run(new HistoryUntrackedRule(), BLUEPRINT, snapshot);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::subject, Finding::dimension, Finding::message)
                .containsExactly(tuple("L2O-HISTORY-UNTRACKED", "salesforce:Opportunity/history", Dimension.MEASUREMENT,
                        "The source has no Opportunity stage history, so time in stage cannot be measured."));
    }
}
