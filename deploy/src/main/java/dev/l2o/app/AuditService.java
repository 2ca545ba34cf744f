package dev.l2o.app;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.CustomRuleSpec;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.RulesetLoader;
import dev.l2o.blueprint.RulesetSpec;
import dev.l2o.blueprint.ValidatedBlueprints;
import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.maturity.Maturity;
import dev.l2o.maturity.MaturityIndex;
import dev.l2o.metrics.LifecycleMetrics;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageMetricsCalculator;
import dev.l2o.model.Snapshot;
import dev.l2o.audit.AttributionSummary;
import dev.l2o.audit.AuditReport;
import dev.l2o.audit.Coverage;
import dev.l2o.audit.Lifecycles;
import dev.l2o.audit.FiveAnswers;
import dev.l2o.audit.ChangeAttribution;
import dev.l2o.audit.SnapshotFacts;
import dev.l2o.audit.Verdict;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.RuleEngine;
import dev.l2o.rules.Ruleset;
import dev.l2o.rules.SuppressionResult;
import dev.l2o.rules.Suppressions;
import dev.l2o.rules.builtin.BuiltinRules;
import dev.l2o.rules.custom.CustomRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one audit pipeline, used by the command line, the demo and the scheduler: load the blueprint, read the
 * source, compute stage metrics, run every rule, apply suppressions and the baseline, score maturity. Returns
 * the run (report, snapshot, verdict); prints nothing.
 */
public final class AuditService {
    private final ConnectorContext context;
    private final ValidatedBlueprints validated;

    /** Checks every blueprint in full. */
    public AuditService(ConnectorContext context) {
        this(context, ValidatedBlueprints.none());
    }

    /** Skips the schema and CEL compile checks of a blueprint file that {@code validated} holds (see {@link ValidatedBlueprints}). */
    public AuditService(ConnectorContext context, ValidatedBlueprints validated) {
        this.context = requireNonNull(context, "context is null");
        this.validated = requireNonNull(validated, "validated is null");
    }

    /**
     * Runs one audit: loads the blueprint and the baseline, reads the source with what the blueprint needs, audits
     * it and judges the result at the request's threshold. The caller closes the run.
     *
     * @throws dev.l2o.error.L2oException USER for a bad blueprint, source or baseline; EXTERNAL when the source
     *     gave nothing usable (a partly read source gives an incomplete report instead)
     */
    public AuditRun run(AuditRequest request) {
        LoadedBlueprint loaded = request.blueprintName() == null ? BlueprintLoader.load(request.blueprint(), validated)
                : BlueprintLoader.parse(readString(request.blueprint()), request.blueprintName());
        Baseline baseline = request.baseline() == null ? Baseline.none() : Baseline.read(request.baseline());
        Optional<RulesetSpec> rulesetFile = Optional.ofNullable(request.ruleset())
                .map(file -> RulesetLoader.load(file, loaded.blueprint().rules().stream().map(CustomRuleSpec::id).toList()));
        FetchRequest fetch = FetchRequests.forBlueprint(loaded.blueprint());
        OpenSource source = request.previousRun() == null ? OpenSource.fetch(request.source(), request.historyCsv(), fetch, context)
                : OpenSource.fetchSince(request.source(), request.historyCsv(), fetch, request.previousRun(), context);
        try {
            AuditReport report = audit(loaded, rulesetFile, source.snapshot(), request.asOf(), baseline);
            return new AuditRun(report, source, Verdict.of(report, request.failOn()));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Audits an already fetched snapshot (its history must stay readable during the call), with a ruleset file laid
     * over the blueprint's ruleset when one is given.
     */
    AuditReport audit(LoadedBlueprint loaded, Optional<RulesetSpec> rulesetFile, Snapshot snapshot, Instant asOfOrNull,
            Baseline baseline) {
        Ruleset ruleset = Ruleset.of(loaded.blueprint(), rulesetFile);
        // the ruleset's parameters complete the blueprint once, for metrics, rules and maturity alike
        Blueprint blueprint = ruleset.applyTo(loaded.blueprint());
        Instant asOf = asOfOrNull == null ? snapshot.asOf() : asOfOrNull;
        LifecycleMetrics measured = StageMetricsCalculator.computeAll(blueprint, snapshot, asOf);
        StageMetrics metrics = measured.primary();
        List<Rule> rules = new ArrayList<>(BuiltinRules.all());
        rules.addAll(CustomRules.from(blueprint));
        RuleEngine engine = new RuleEngine(rules, ruleset);
        List<Finding> all = ChangeAttribution.attach(engine.run(new LoadedBlueprint(blueprint, loaded.file(), loaded.positions(), loaded.warnings()),
                snapshot, asOf, Map.of(LifecycleMetrics.class, measured)), snapshot);
        SuppressionResult suppression = Suppressions.apply(all, blueprint.suppress(), asOf.atZone(ZoneOffset.UTC).toLocalDate());
        List<Finding> counted = suppression.kept().stream().filter(f -> !baseline.contains(f)).toList();
        List<Finding> baselined = suppression.kept().stream().filter(baseline::contains).toList();
        Maturity maturity = MaturityIndex.score(blueprint, snapshot, suppression.kept(), metrics);
        List<RuleDescriptor> descriptors = engine.descriptors();
        return new AuditReport(
                AuditReport.SCHEMA_VERSION,
                ToolVersion.current(),
                blueprint.metadata().name(),
                loaded.file(),
                snapshot.source(),
                snapshot.crm(),
                asOf,
                snapshot.completeness().complete(),
                snapshot.completeness().reasons(),
                counted,
                baselined,
                suppression.suppressed(),
                suppression.notices(),
                metrics,
                maturity,
                SnapshotFacts.of(snapshot, metrics.rows() + metrics.ignoredRows()),
                descriptors,
                Coverage.of(loaded, snapshot, all),
                FiveAnswers.of(blueprint, snapshot, suppression.kept(), metrics, descriptors),
                AttributionSummary.of(snapshot.changeTrail()),
                Lifecycles.of(blueprint, snapshot, measured));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
