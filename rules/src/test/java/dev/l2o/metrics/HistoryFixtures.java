package dev.l2o.metrics;

import dev.l2o.blueprint.Benchmarks;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintMetadata;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.blueprint.CrmMapping;
import dev.l2o.blueprint.LeadLifecycle;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Blueprints, CRM pipelines and small stage histories for metric, rule and maturity tests. */
public final class HistoryFixtures {
    public static final Instant DAY_ZERO = Instant.parse("2024-01-01T00:00:00Z");
    public static final LocalDate DATE_ZERO = LocalDate.parse("2024-01-01");

    /**
     * Duplicate rows (A), a lost deal (B), re-entry (C), a stage outside the blueprint (D), a tie at day 20 (E),
     * two won deals; as of day 100.
     */
    public static final List<String> SCENARIO_ONE = List.of(
            "A|Qualification|0|500",
            "A|Qualification|1|1000",
            "A|Needs Analysis|3|1000",
            "A|Proposal/Price Quote|7|1000",
            "A|Closed Won|10|1000",
            "B|Qualification|0",
            "B|Needs Analysis|2",
            "B|Closed Lost|8",
            "C|Qualification|0",
            "C|Needs Analysis|5",
            "C|Qualification|6",
            "C|Needs Analysis|9",
            "D|Prospecting|0",
            "D|Qualification|4",
            "E|Qualification|0|3000",
            "E|Needs Analysis|20",
            "E|Proposal/Price Quote|20",
            "E|Closed Won|30");
    public static final Instant SCENARIO_ONE_AS_OF = day(100);

    /**
     * L1 converts; L2 re-enters mql after an unmapped status; L3 skips mql; L4 reaches sql before mql; L5 re-enters
     * mql after sql; L6 and L7 tie at day 4 (source order decides); L8's row is after the as-of time
     * of scenario one. From mql to sql: 6 reached, 3 converted (L1, L5, L7).
     */
    public static final List<String> LEADS = List.of(
            "L1|Marketing Qualified|0",
            "L1|Sales Qualified|2",
            "L2|Marketing Qualified|0",
            "L2|Open - Not Contacted|1",
            "L2|Marketing Qualified|3",
            "L3|Sales Qualified|1",
            "L4|Sales Qualified|0",
            "L4|Marketing Qualified|1",
            "L5|Marketing Qualified|0",
            "L5|Sales Qualified|1",
            "L5|Marketing Qualified|2",
            "L6|Sales Qualified|4",
            "L6|Marketing Qualified|4",
            "L7|Marketing Qualified|4",
            "L7|Sales Qualified|4",
            "L8|Marketing Qualified|200");
    public static final List<ConversionTarget> SCENARIO_ONE_TARGETS = List.of(
            new ConversionTarget("discovery", "won", 0.5),
            new ConversionTarget("evaluation", "selection", 0.6),
            new ConversionTarget("mql", "sql", 0.32));

    /**
     * Skips and regressions (F, G), a reopened won deal (G), close dates from rows and from the record's
     * current value (H), a row after the as-of time (K); as of day 50. H's current close date is day 70.
     */
    public static final List<String> SCENARIO_TWO = List.of(
            "F|Qualification|0",
            "F|Proposal/Price Quote|5",
            "F|Qualification|6",
            "F|Proposal/Price Quote|7",
            "G|Qualification|0",
            "G|Closed Won|3|2000",
            "G|Needs Analysis|10|2000|20",
            "H|Qualification|0||60",
            "H|Needs Analysis|1||40",
            "I|Qualification|0||45",
            "J|Needs Analysis|0||1",
            "J|Closed Lost|2",
            "K|Qualification|0",
            "K|Needs Analysis|60");
    public static final Instant SCENARIO_TWO_AS_OF = day(50);

    private HistoryFixtures() {}

    public static StageMetrics scenarioOne() {
        return StageMetricsCalculator.compute(blueprint(false, true, SCENARIO_ONE_TARGETS),
                snapshot(List.of(pipeline()), history(true, SCENARIO_ONE), List.of()), SCENARIO_ONE_AS_OF);
    }

    public static Blueprint scenarioTwoBlueprint() {
        return blueprint(false, false, List.of());
    }

    public static Snapshot scenarioTwoSnapshot() {
        return snapshot(List.of(pipeline()), history(true, SCENARIO_TWO),
                List.of(opportunity("H", Map.of("CloseDate", DATE_ZERO.plusDays(70).toString()))));
    }

    public static StageMetrics scenarioTwo() {
        return StageMetricsCalculator.compute(scenarioTwoBlueprint(), scenarioTwoSnapshot(), SCENARIO_TWO_AS_OF);
    }

    public static Instant day(double days) {
        return DAY_ZERO.plus(Duration.ofMillis(Math.round(days * 86_400_000d)));
    }

    public static StageSpec stage(String key, String crm, boolean closed, boolean won, Integer maxDays) {
        return new StageSpec(key, key.substring(0, 1).toUpperCase() + key.substring(1), new CrmMapping(crm, null),
                closed ? (won ? 100.0 : 0.0) : 20.0, closed ? (won ? "Closed" : "Omitted") : "Pipeline", closed, won,
                null, null, maxDays);
    }

    /** discovery (Qualification, 21 days), evaluation (Needs Analysis, 30), selection (Proposal/Price Quote, 30), won, lost. */
    public static List<StageSpec> stages() {
        return List.of(
                stage("discovery", "Qualification", false, false, 21),
                stage("evaluation", "Needs Analysis", false, false, 30),
                stage("selection", "Proposal/Price Quote", false, false, 30),
                stage("won", "Closed Won", true, true, null),
                stage("lost", "Closed Lost", true, false, null));
    }

    public static LeadLifecycle leadLifecycle() {
        return new LeadLifecycle("Lead", List.of(
                new LeadStatusSpec("mql", "Marketing Qualified", new CrmMapping("Marketing Qualified", null), null, false, null),
                new LeadStatusSpec("sql", "Sales Qualified", new CrmMapping("Sales Qualified", null), null, false, null),
                new LeadStatusSpec("converted", null, new CrmMapping("Closed - Converted", null), null, true, null)));
    }

    public static Blueprint blueprint(boolean allowSkips, boolean allowRegression, List<ConversionTarget> targets) {
        return blueprint(null, allowSkips, allowRegression, targets);
    }

    /** A blueprint whose opportunity lifecycle names {@code pipeline} (null: the default one). */
    public static Blueprint blueprint(String pipeline, boolean allowSkips, boolean allowRegression, List<ConversionTarget> targets) {
        return new Blueprint("l2o/v1", "Blueprint", new BlueprintMetadata("test", null, null), leadLifecycle(),
                new OpportunityLifecycle("Opportunity", pipeline, allowSkips, allowRegression, stages()), null, null, null,
                new Benchmarks(targets), null, null);
    }

    public static Stage crmStage(String name, int order, boolean closed, boolean won) {
        return new Stage(name, name, order, null, null, closed, won, false, true,
                ResourceRef.of("salesforce", "Opportunity.StageName#" + name), Map.of());
    }

    /** The blueprint's five stages plus Prospecting (open) and Closed - Duplicate (closed), outside the blueprint. */
    public static Pipeline pipeline() {
        return new Pipeline("OpportunityStage", "OpportunityStage", "Opportunity", true, List.of(
                crmStage("Prospecting", 0, false, false),
                crmStage("Qualification", 1, false, false),
                crmStage("Needs Analysis", 2, false, false),
                crmStage("Proposal/Price Quote", 3, false, false),
                crmStage("Closed Won", 4, true, true),
                crmStage("Closed Lost", 5, true, false),
                crmStage("Closed - Duplicate", 6, true, false)),
                ResourceRef.of("salesforce", "StandardValueSet/OpportunityStage"));
    }

    public static Snapshot snapshot(List<Pipeline> pipelines, StageHistory history, List<CrmRecord> records) {
        return new Snapshot(new SourceInfo("sfdx", "test", null), "salesforce", day(1000), Completeness.full(), pipelines,
                List.of(), List.of(), List.of(), List.of(), records, history);
    }

    /**
     * A history of rows written {@code record|stage|day[|amount[|closeDay]]}, days after {@link #DAY_ZERO};
     * {@code sorted} declares it grouped by record and in time order.
     */
    public static StageHistory history(boolean sorted, List<String> rows) {
        return historyOf(sorted, rows("Opportunity", rows));
    }

    /**
     * Rows of {@code object} written {@code record|stage|day[|amount[|closeDay]]}, days after {@link #DAY_ZERO}.
     */
    public static List<StageEvent> rows(String object, List<String> rows) {
        List<StageEvent> events = new ArrayList<>();
        for (String row : rows) {
            String[] parts = row.split("\\|");
            Double amount = parts.length > 3 && !parts[3].isEmpty() ? Double.valueOf(parts[3]) : null;
            LocalDate closeDate = parts.length > 4 ? DATE_ZERO.plusDays(Long.parseLong(parts[4])) : null;
            events.add(new StageEvent(object, parts[0], parts[1], day(Double.parseDouble(parts[2])), amount,
                    closeDate, null, null));
        }
        return List.copyOf(events);
    }

    /** A history of {@code events} in the given order; {@code sorted} declares it grouped by record. */
    public static StageHistory historyOf(boolean sorted, List<StageEvent> events) {
        return historyOf(sorted, events, "fixture");
    }

    /** As {@link #historyOf(boolean, List)}, described as {@code description}. */
    public static StageHistory historyOf(boolean sorted, List<StageEvent> events, String description) {
        List<StageEvent> copy = List.copyOf(events);
        return new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                copy.forEach(sink);
            }

            @Override
            public boolean sortedByRecord() {
                return sorted;
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    public static CrmRecord opportunity(String id, Map<String, Object> values) {
        return new CrmRecord("Opportunity", id, values);
    }
}
