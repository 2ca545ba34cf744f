package dev.l2o.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.RuleParameters;
import dev.l2o.blueprint.RulesetSpec;
import dev.l2o.metrics.HistoryFixtures;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.builtin.BuiltinRules;
import dev.l2o.rules.builtin.pipeline.StageRegressionRule;
import dev.l2o.rules.builtin.pipeline.StaleDealRule;
import dev.l2o.rules.custom.CustomRules;
import dev.l2o.rules.testing.SnapshotBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesetTest {
    /** Declares proposal, which the org lacks (L2O-STAGE-MISSING), and a custom rule. */
    private static final String BLUEPRINT = """
            apiVersion: l2o/v1
            kind: Blueprint
            metadata: { name: ruleset }
            opportunityLifecycle:
              pipeline: New Business
              stages:
                - key: discovery
                  crm: { salesforce: Qualification }
                  maxDaysInStage: 20
                - key: proposal
                  maxDaysInStage: 20
                - key: won
                  crm: { salesforce: Closed Won }
                  closed: true
                  won: true
            rules:
              - id: amount-positive
                severity: info
                dimension: pipeline
                on: config
                require: "false"
            """;

    private static final Snapshot ORG = SnapshotBuilder.salesforce().pipeline("Opportunity", "New Business", p -> p
            .stage("Qualification")
            .stage("Closed Won", s -> s.closedWon())).build();

    private static List<Finding> audit(String rulesetYaml) {
        LoadedBlueprint loaded = BlueprintLoader.parse(BLUEPRINT + rulesetYaml, "bp.yaml");
        List<Rule> rules = new ArrayList<>(BuiltinRules.configuration());
        rules.addAll(CustomRules.from(loaded.blueprint()));
        return new RuleEngine(rules, Ruleset.of(loaded.blueprint(), Optional.empty()))
                .run(loaded, ORG, SnapshotBuilder.AS_OF, Map.of());
    }

    @Test
    void withoutARulesetEveryRuleRunsAtItsOwnSeverity() {
        assertThat(audit("")).extracting(Finding::ruleId, Finding::severity).containsExactly(
                tuple("L2O-STAGE-MISSING", Severity.ERROR),
                tuple("amount-positive", Severity.INFO));
    }

    @Test
    void severityIsOverriddenPerRuleIdForBuiltInAndCustomRules() {
        // when
        List<Finding> findings = audit("""
                ruleset:
                  severity:
                    L2O-STAGE-MISSING: warning
                    amount-positive: error
                """);

        // then
        assertThat(findings).extracting(Finding::ruleId, Finding::severity).containsExactly(
                tuple("amount-positive", Severity.ERROR),
                tuple("L2O-STAGE-MISSING", Severity.WARNING));
    }

    @Test
    void excludeByDimensionTurnsOffEveryRuleOfIt() {
        assertThat(audit("""
                ruleset:
                  exclude: [lifecycle]
                """)).extracting(Finding::ruleId).containsExactly("amount-positive");
    }

    @Test
    void includeSelectsByIdAndDimensionAndExcludeWinsOverIt() {
        assertThat(audit("""
                ruleset:
                  include: [l2o-stage-missing, pipeline]
                  exclude: [amount-positive]
                """)).extracting(Finding::ruleId).containsExactly("L2O-STAGE-MISSING");
    }

    @Test
    void theEngineDescribesTheRulesItRunsAtTheirEffectiveSeverity() {
        // given
        Ruleset ruleset = Ruleset.of(new RulesetSpec(List.of("lifecycle"), List.of("L2O-STAGE-ORDER"),
                Map.of("L2O-STAGE-UNDECLARED", "error"), null));

        // when
        List<RuleDescriptor> described = new RuleEngine(BuiltinRules.all(), ruleset).descriptors();

        // then
        assertThat(described).extracting(RuleDescriptor::id, RuleDescriptor::defaultSeverity).containsExactly(
                tuple("L2O-PIPELINE-MISSING", Severity.ERROR),
                tuple("L2O-STAGE-MISSING", Severity.ERROR),
                tuple("L2O-STAGE-UNDECLARED", Severity.ERROR),
                tuple("L2O-STAGE-CLOSED-FLAGS", Severity.ERROR),
                tuple("L2O-RENEWAL-MISSING", Severity.ERROR),
                tuple("L2O-RENEWAL-INACTIVE", Severity.ERROR),
                tuple("L2O-RENEWAL-TIMING", Severity.WARNING));
    }

    @Test
    void theCatalogSaysWhichRulesAreOffAndWhichSeveritiesChanged() {
        // given
        Ruleset ruleset = Ruleset.of(new RulesetSpec(null, List.of("measurement"), Map.of("L2O-STALE-DEAL", "error"), null));

        // when
        List<Ruleset.EffectiveRule> catalog = ruleset.catalog(BuiltinRules.all().stream().map(Rule::descriptor).toList());

        // then
        assertThat(catalog).filteredOn(r -> !r.selected()).extracting(r -> r.rule().id()).containsExactly(
                "L2O-CONVERSION-BELOW-TARGET", "L2O-HISTORY-UNTRACKED", "L2O-HUBSPOT-STAGE-DATES",
                "L2O-STAGE-FORECAST", "L2O-STAGE-PROBABILITY");
        assertThat(catalog).filteredOn(Ruleset.EffectiveRule::severityChanged)
                .extracting(r -> r.rule().id(), Ruleset.EffectiveRule::severity)
                .containsExactly(tuple("L2O-STALE-DEAL", Severity.ERROR));
    }

    @Test
    void aFileOverridesTheBlueprintsIncludeAndMergesSeveritiesAndParameters() {
        // given
        RulesetSpec blueprint = new RulesetSpec(List.of("lifecycle"), List.of("L2O-STAGE-ORDER"),
                Map.of("L2O-STAGE-MISSING", "warning", "L2O-STALE-DEAL", "info"), new RuleParameters(30, false));
        RulesetSpec file = new RulesetSpec(List.of("pipeline"), null, Map.of("L2O-STALE-DEAL", "error"),
                new RuleParameters(null, true));

        // when
        RulesetSpec merged = blueprint.overriddenBy(file);

        // then
        assertThat(merged.include()).containsExactly("pipeline");
        assertThat(merged.exclude()).containsExactly("L2O-STAGE-ORDER");
        assertThat(merged.severity()).containsExactly(Map.entry("L2O-STAGE-MISSING", "warning"), Map.entry("L2O-STALE-DEAL", "error"));
        assertThat(merged.parameters()).isEqualTo(new RuleParameters(30, true));
    }

    @Test
    void staleDealDaysIsTheBenchmarkOfOpenStagesWithoutOne() {
        // given: scenario two without maxDaysInStage on discovery (its stale records are I and K at 21 days)
        Blueprint designed = HistoryFixtures.scenarioTwoBlueprint();
        OpportunityLifecycle lifecycle = designed.opportunityLifecycle();
        Blueprint withoutBenchmark = withLifecycle(designed, new OpportunityLifecycle(lifecycle.object(), lifecycle.pipeline(),
                lifecycle.allowSkips(), lifecycle.allowRegression(), List.of(
                        HistoryFixtures.stage("discovery", "Qualification", false, false, null),
                        lifecycle.stages().get(1), lifecycle.stages().get(2), lifecycle.stages().get(3), lifecycle.stages().get(4))));
        Ruleset ruleset = Ruleset.of(new RulesetSpec(null, null, null, new RuleParameters(21, null)));

        // when
        List<Finding> without = dataFindings(withoutBenchmark, Ruleset.ALL, new StaleDealRule());
        List<Finding> with = dataFindings(withoutBenchmark, ruleset, new StaleDealRule());

        // then
        assertThat(without).extracting(Finding::subject).doesNotContain("salesforce:Opportunity.StageName#Qualification");
        assertThat(with).extracting(Finding::subject, Finding::count, Finding::evidence).contains(
                tuple("salesforce:Opportunity.StageName#Qualification", 2L, List.of("I", "K")));
        assertThat(ruleset.applyTo(withoutBenchmark).opportunityLifecycle().stages())
                .extracting(s -> s.maxDaysInStage()).containsExactly(21, 30, 30, null, null);
    }

    @Test
    void allowRegressionParameterDecidesOnlyWhereTheBlueprintDoesNotSay() {
        // given
        Blueprint designed = HistoryFixtures.scenarioTwoBlueprint();
        OpportunityLifecycle lifecycle = designed.opportunityLifecycle();
        Blueprint silent = withLifecycle(designed, new OpportunityLifecycle(lifecycle.object(), lifecycle.pipeline(),
                lifecycle.allowSkips(), null, lifecycle.stages()));
        Blueprint allowing = withLifecycle(designed, new OpportunityLifecycle(lifecycle.object(), lifecycle.pipeline(),
                lifecycle.allowSkips(), true, lifecycle.stages()));
        Ruleset forbidding = Ruleset.of(new RulesetSpec(null, null, null, new RuleParameters(null, false)));

        // when
        List<Finding> silentByDefault = dataFindings(silent, Ruleset.ALL, new StageRegressionRule());
        List<Finding> silentWithRuleset = dataFindings(silent, forbidding, new StageRegressionRule());
        List<Finding> declaredWithRuleset = dataFindings(allowing, forbidding, new StageRegressionRule());

        // then
        assertThat(silentByDefault).isEmpty();
        assertThat(silentWithRuleset).isNotEmpty().allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("L2O-STAGE-REGRESSION"));
        assertThat(declaredWithRuleset).isEmpty();
    }

    /** What the audit does: the ruleset completes the blueprint, metrics and rules use the completed one. */
    private static List<Finding> dataFindings(Blueprint blueprint, Ruleset ruleset, Rule rule) {
        Blueprint effective = ruleset.applyTo(blueprint);
        Snapshot snapshot = HistoryFixtures.scenarioTwoSnapshot();
        LifecycleMetrics metrics = StageMetricsCalculator.computeAll(effective, snapshot, HistoryFixtures.SCENARIO_TWO_AS_OF);
        return new RuleEngine(List.of(rule), ruleset).run(effective, snapshot, HistoryFixtures.SCENARIO_TWO_AS_OF,
                Map.of(LifecycleMetrics.class, metrics));
    }

    private static Blueprint withLifecycle(Blueprint blueprint, OpportunityLifecycle lifecycle) {
        return new Blueprint(blueprint.apiVersion(), blueprint.kind(), blueprint.metadata(), blueprint.leadLifecycle(), lifecycle,
                blueprint.fields(), blueprint.routing(), blueprint.automation(), blueprint.benchmarks(), blueprint.rules(),
                blueprint.suppress());
    }
}
