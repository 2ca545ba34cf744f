package dev.l2o.maturity;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.StageMapping;
import dev.l2o.rules.builtin.measurement.HistoryUntrackedRule;
import dev.l2o.rules.builtin.measurement.StageForecastRule;
import dev.l2o.rules.builtin.measurement.StageProbabilityRule;
import dev.l2o.rules.builtin.qualification.CriteriaUnenforcedRule;
import dev.l2o.rules.builtin.routing.AutomationInactiveRule;
import dev.l2o.rules.builtin.routing.AutomationMissingRule;
import dev.l2o.rules.builtin.routing.RoutingUnimplementedRule;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Scores the six maturity dimensions 0–4 from the blueprint, the snapshot, the audit's findings and the stage
 * metrics (CONTRACT.md section 6). Every dimension is a ladder of four levels: designed (1), mostly implemented
 * (2), implemented with no error finding of the dimension (3), enforced and respected with no finding of the
 * dimension at all (4); the score is the number of levels reached in order. {@code overall} is the mean of the
 * six; 3.0 and above is a "Revenue Machine". The levels of each dimension are documented in the README (section "Maturity index").
 * Stateless and thread-safe.
 */
public final class MaturityIndex {
    public static final double MAX_SCORE = 4.0;
    public static final double REVENUE_MACHINE = 3.0;
    /** Share of an object's records that must hold a strategy field for level 4. */
    static final double POPULATED = 0.9;
    /** Most open records stale or past due for pipeline levels 2 and 3. */
    static final double UNDISCIPLINED_LEVEL_2 = 0.25;
    static final double UNDISCIPLINED_LEVEL_3 = 0.10;

    private static final Pattern STRATEGY_NAME = Pattern.compile(
            "icp|segment|tier|industry|persona|employees|annualrevenue|territory|region", Pattern.CASE_INSENSITIVE);
    /** The rules whose findings say a designed routing rule or hand-off automation is not implemented and active. */
    public static final List<RuleDescriptor> UNIMPLEMENTED_ROUTING = List.of(
            RoutingUnimplementedRule.DESCRIPTOR, AutomationMissingRule.DESCRIPTOR, AutomationInactiveRule.DESCRIPTOR);
    /** The rules whose findings say stage probabilities or forecast categories disagree with the blueprint. */
    public static final List<RuleDescriptor> INCOHERENT_FORECAST = List.of(StageProbabilityRule.DESCRIPTOR, StageForecastRule.DESCRIPTOR);

    private MaturityIndex() {}

    /**
     * The maturity of the audited architecture.
     *
     * @param blueprint the blueprint
     * @param snapshot the snapshot audited
     * @param findings the audit's findings (after suppression)
     * @param metricsOrNull the stage metrics, or null when not computed (pipeline and measurement then score 0)
     */
    public static Maturity score(Blueprint blueprint, Snapshot snapshot, List<Finding> findings, StageMetrics metricsOrNull) {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(findings, "findings is null");
        Findings found = new Findings(findings);
        boolean measured = metricsOrNull != null && metricsOrNull.measured();
        List<DimensionScore> scores = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            scores.add(switch (dimension) {
                case STRATEGY -> strategy(blueprint, snapshot, found);
                case LIFECYCLE -> lifecycle(blueprint, snapshot, found);
                case QUALIFICATION -> qualification(blueprint, found, measured ? metricsOrNull : null);
                case ROUTING -> routing(blueprint, found);
                case PIPELINE -> pipeline(found, measured ? metricsOrNull : null);
                case MEASUREMENT -> measurement(blueprint, found, measured ? metricsOrNull : null);
            });
        }
        double overall = scores.stream().mapToDouble(DimensionScore::score).sum() / scores.size();
        return new Maturity(overall, scores, overall >= REVENUE_MACHINE);
    }

    private static DimensionScore strategy(Blueprint blueprint, Snapshot snapshot, Findings found) {
        TreeMap<String, String[]> fields = strategyFields(blueprint);
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        fields.forEach((name, objectAndField) -> (snapshot.field(objectAndField[0], objectAndField[1]).isPresent()
                ? present : absent).add(name));
        int designed = fields.size();
        Ladder ladder = new Ladder(Dimension.STRATEGY)
                .level(designed > 0, designed + " ICP and segmentation fields designed: " + String.join(", ", fields.keySet()),
                        "no ICP or segmentation field designed (blueprint fields named for ICP, segment, tier, "
                                + "industry, persona, employees, annual revenue, territory or region, or used by routing)")
                .level(present.size() * 2 >= designed, present.size() + " of " + designed + " exist in the CRM",
                        "only " + present.size() + " of " + designed + " exist in the CRM; missing: " + String.join(", ", absent))
                .level(absent.isEmpty() && found.errors(Dimension.STRATEGY) == 0,
                        "all exist, no strategy error findings",
                        absent.isEmpty() ? found.describeErrors(Dimension.STRATEGY) : "missing: " + String.join(", ", absent));
        if (ladder.climbing()) {
            List<String> shortfalls = new ArrayList<>();
            fields.forEach((name, objectAndField) -> {
                String shortfall = populationShortfall(snapshot, objectAndField[0], objectAndField[1]);
                if (shortfall != null) {
                    shortfalls.add(shortfall);
                }
            });
            ladder.level(shortfalls.isEmpty() && found.all(Dimension.STRATEGY) == 0,
                    "populated on at least 90% of records, no strategy findings",
                    shortfalls.isEmpty() ? found.describeAll(Dimension.STRATEGY) : String.join("; ", shortfalls));
        }
        return ladder.result();
    }

    /**
     * The ICP and segmentation fields of the blueprint (fields named for ICP, segment, tier, industry, persona,
     * employees, annual revenue, territory or region, and fields routing reads) by {@code Object.Field} (sorted,
     * case-insensitive), each with its object and field name.
     */
    public static TreeMap<String, String[]> strategyFields(Blueprint blueprint) {
        TreeMap<String, String[]> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FieldSpec field : blueprint.fields()) {
            if (field.object() != null && field.name() != null && STRATEGY_NAME.matcher(field.name()).find()) {
                fields.putIfAbsent(field.object() + "." + field.name(), new String[] {field.object(), field.name()});
            }
        }
        for (RoutingSpec routing : blueprint.routing()) {
            if (routing.object() == null || routing.when() == null) {
                continue;
            }
            CelCondition condition = CelCondition.compile(routing.when(), CelScope.ofObject(routing.object()));
            for (Set<String> names : condition.fieldsRead().values()) {
                for (String name : names) {
                    fields.putIfAbsent(routing.object() + "." + name, new String[] {routing.object(), name});
                }
            }
        }
        return fields;
    }

    /** Why {@code object.field} is not populated on 90% of the snapshot's records of {@code object}, or null. */
    private static String populationShortfall(Snapshot snapshot, String object, String field) {
        FieldPopulation population = FieldPopulation.of(snapshot, object, field);
        if (population.records() == 0) {
            return object + "." + field + " population not measured: the source holds no " + object + " records";
        }
        if (population.populated() < POPULATED * population.records()) {
            return object + "." + field + " populated on " + population.populated() + " of " + population.records() + " records";
        }
        return null;
    }

    private static DimensionScore lifecycle(Blueprint blueprint, Snapshot snapshot, Findings found) {
        // every designed pipeline counts: opportunityLifecycle and each entry of lifecycles, on its own pipeline
        int designed = 0;
        int mapped = 0;
        List<String> pipelines = new ArrayList<>();
        for (Lifecycle lifecycle : blueprint.allLifecycles()) {
            StageMapping mapping = StageMapping.of(lifecycle, snapshot);
            designed += lifecycle.stages().size();
            mapped += mapping.byKey().size();
            if (mapping.pipeline() != null) {
                pipelines.add(mapping.pipeline().label());
            }
        }
        String where = pipelines.isEmpty() ? "no matching CRM pipeline"
                : (pipelines.size() == 1 ? "CRM pipeline " : "CRM pipelines ") + String.join(", ", pipelines);
        Ladder ladder = new Ladder(Dimension.LIFECYCLE)
                .level(designed > 0, designed + " opportunity stages designed", "no opportunity stages designed")
                .level(mapped * 2 >= designed, mapped + " of " + designed + " stages found in " + where,
                        "only " + mapped + " of " + designed + " stages found in " + where)
                .level(mapped == designed && found.errors(Dimension.LIFECYCLE) == 0,
                        "every stage found, no lifecycle error findings",
                        mapped < designed ? (designed - mapped) + " stages missing in the CRM" : found.describeErrors(Dimension.LIFECYCLE));
        if (ladder.climbing()) {
            List<String> gaps = bowtieGaps(blueprint, snapshot);
            ladder.level(gaps.isEmpty() && found.all(Dimension.LIFECYCLE) == 0,
                    "bowtie covered (lead lifecycle with a converted status in the CRM, won and lost stages, a renewal or "
                            + "expansion lifecycle), no lifecycle findings",
                    gaps.isEmpty() ? found.describeAll(Dimension.LIFECYCLE) : String.join("; ", gaps));
        }
        return ladder.result();
    }

    private static List<String> bowtieGaps(Blueprint blueprint, Snapshot snapshot) {
        List<String> gaps = new ArrayList<>();
        if (blueprint.lifecycles().stream().noneMatch(lifecycle -> lifecycle.motion().postSale())) {
            gaps.add("no post-sale (renewal or expansion) lifecycle designed");
        }
        List<StageSpec> stages = blueprint.opportunityLifecycle().stages();
        if (stages.stream().noneMatch(StageSpec::won)) {
            gaps.add("no won stage");
        }
        if (stages.stream().noneMatch(s -> s.closed() && !s.won())) {
            gaps.add("no lost stage");
        }
        if (blueprint.leadLifecycle() == null || blueprint.leadLifecycle().statuses().isEmpty()) {
            gaps.add("no lead lifecycle designed");
            return gaps;
        }
        List<LeadStatusSpec> statuses = blueprint.leadLifecycle().statuses();
        if (statuses.stream().noneMatch(LeadStatusSpec::converted)) {
            gaps.add("no converted lead status");
        }
        Pipeline leads = StageMapping.selectPipeline(snapshot.pipelinesOf(blueprint.leadLifecycle().object()), null).orElse(null);
        if (leads == null) {
            gaps.add("no " + blueprint.leadLifecycle().object() + " lifecycle in the CRM");
        } else {
            List<String> missing = statuses.stream()
                    .filter(s -> StageMapping.match(leads, s.crm().forCrm(snapshot.crm()), s.key(), s.label()).isEmpty())
                    .map(LeadStatusSpec::key)
                    .toList();
            if (!missing.isEmpty()) {
                gaps.add("lead statuses missing in the CRM: " + String.join(", ", missing));
            }
        }
        return gaps;
    }

    /** The entry and exit criteria the blueprint designs: required fields over stages and lead statuses. */
    public static int designedCriteria(Blueprint blueprint) {
        int designed = 0;
        if (blueprint.opportunityLifecycle() != null) {
            for (StageSpec stage : blueprint.opportunityLifecycle().stages()) {
                designed += stage.entry().requiredFields().size() + stage.exit().requiredFields().size();
            }
        }
        if (blueprint.leadLifecycle() != null) {
            for (LeadStatusSpec status : blueprint.leadLifecycle().statuses()) {
                designed += status.entry().requiredFields().size();
            }
        }
        return designed;
    }

    private static DimensionScore qualification(Blueprint blueprint, Findings found, StageMetrics metrics) {
        int designed = designedCriteria(blueprint);
        int unenforced = (int) Math.min(designed, found.withRule(CriteriaUnenforcedRule.DESCRIPTOR));
        int enforced = designed - unenforced;
        Ladder ladder = new Ladder(Dimension.QUALIFICATION)
                .level(designed > 0, designed + " entry and exit criteria designed", "no entry or exit criteria designed")
                .level(enforced * 2 >= designed, enforced + " of " + designed + " criteria enforced by the CRM",
                        "only " + enforced + " of " + designed + " criteria enforced by the CRM")
                .level(unenforced == 0 && found.errors(Dimension.QUALIFICATION) == 0,
                        "every criterion enforced, no qualification error findings",
                        unenforced > 0 ? unenforced + " criteria enforced by nothing" : found.describeErrors(Dimension.QUALIFICATION))
                .level(metrics != null && found.all(Dimension.QUALIFICATION) == 0,
                        "criteria respected: no qualification findings over " + (metrics == null ? 0 : metrics.records())
                                + " measured records",
                        metrics == null ? "respect not measured: no stage history" : found.describeAll(Dimension.QUALIFICATION));
        return ladder.result();
    }

    private static DimensionScore routing(Blueprint blueprint, Findings found) {
        int designed = blueprint.routing().size() + blueprint.automation().size();
        int unimplemented = (int) Math.min(designed, UNIMPLEMENTED_ROUTING.stream().mapToLong(found::withRule).sum());
        int implemented = designed - unimplemented;
        return new Ladder(Dimension.ROUTING)
                .level(designed > 0, blueprint.routing().size() + " routing rules and " + blueprint.automation().size()
                        + " automations designed", "no routing rules or hand-off automations designed")
                .level(implemented * 2 >= designed, implemented + " of " + designed + " implemented and active",
                        "only " + implemented + " of " + designed + " implemented and active")
                .level(unimplemented == 0 && found.errors(Dimension.ROUTING) == 0,
                        "every routing rule and automation implemented, no routing error findings",
                        unimplemented > 0 ? unimplemented + " not implemented or inactive" : found.describeErrors(Dimension.ROUTING))
                .level(found.all(Dimension.ROUTING) == 0, "no undeclared routing, no routing findings",
                        found.describeAll(Dimension.ROUTING))
                .result();
    }

    private static DimensionScore pipeline(Findings found, StageMetrics metrics) {
        Ladder ladder = new Ladder(Dimension.PIPELINE)
                .level(metrics != null, metrics == null ? "" : metrics.records() + " records measured",
                        "discipline not measured: no stage history");
        if (ladder.climbing()) {
            long open = metrics.openRecords();
            double share = open == 0 ? 0 : (double) metrics.openRecordsStaleOrPastDue() / open;
            String measured = metrics.openRecordsStaleOrPastDue() + " of " + open + " open records stale or past due ("
                    + percent(share) + ")";
            ladder.level(share <= UNDISCIPLINED_LEVEL_2, measured + ", at most 25%", measured + ", more than 25%")
                    .level(share <= UNDISCIPLINED_LEVEL_3 && found.errors(Dimension.PIPELINE) == 0,
                            "at most 10% stale or past due, no pipeline error findings",
                            share > UNDISCIPLINED_LEVEL_3 ? measured + ", more than 10%" : found.describeErrors(Dimension.PIPELINE))
                    .level(found.all(Dimension.PIPELINE) == 0, "no stale, skipped, regressed or past-due findings",
                            found.describeAll(Dimension.PIPELINE));
        }
        return ladder.result();
    }

    private static DimensionScore measurement(Blueprint blueprint, Findings found, StageMetrics metrics) {
        boolean tracked = metrics != null && found.withRule(HistoryUntrackedRule.DESCRIPTOR) == 0;
        List<StageSpec> stages = blueprint.opportunityLifecycle() == null ? List.of() : blueprint.opportunityLifecycle().stages();
        List<String> undeclared = stages.stream()
                .filter(s -> s.probability() == null || s.forecast().isEmpty())
                .map(StageSpec::key)
                .toList();
        long incoherent = INCOHERENT_FORECAST.stream().mapToLong(found::withRule).sum();
        List<String> withoutBenchmark = stages.stream()
                .filter(s -> !s.closed() && s.maxDaysInStage() == null)
                .map(StageSpec::key)
                .toList();
        int targets = blueprint.benchmarks().conversion().size();
        long measuredTargets = metrics == null ? 0 : metrics.conversions().stream()
                .filter(c -> c.target() != null && c.measured() && c.rate() != null)
                .count();
        return new Ladder(Dimension.MEASUREMENT)
                .level(tracked, metrics == null ? "" : "stage history tracked: " + metrics.rows() + " rows",
                        "stage history not tracked")
                .level(undeclared.isEmpty() && incoherent == 0 && !stages.isEmpty(),
                        "probabilities and forecast categories designed for every stage and coherent with the CRM",
                        stages.isEmpty() ? "no stages designed"
                                : !undeclared.isEmpty() ? "probability or forecast category not designed for: " + String.join(", ", undeclared)
                                : incoherent + " probability or forecast category findings")
                .level(targets > 0 && withoutBenchmark.isEmpty() && found.errors(Dimension.MEASUREMENT) == 0,
                        targets + " conversion targets and a time benchmark for every open stage, no measurement error findings",
                        targets == 0 ? "no conversion targets declared"
                                : !withoutBenchmark.isEmpty() ? "no maxDaysInStage for: " + String.join(", ", withoutBenchmark)
                                : found.describeErrors(Dimension.MEASUREMENT))
                .level(measuredTargets > 0 && found.all(Dimension.MEASUREMENT) == 0,
                        measuredTargets + " conversion targets measured and met, no measurement findings",
                        measuredTargets == 0 ? "no conversion target measurable from the history" : found.describeAll(Dimension.MEASUREMENT))
                .result();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
