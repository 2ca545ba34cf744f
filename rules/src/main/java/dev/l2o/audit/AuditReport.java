package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.SourcePosition;
import dev.l2o.maturity.Maturity;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.model.SourceInfo;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.SuppressedFinding;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one audit found: the model every report writer renders (CONTRACT.md section 5). Immutable;
 * findings are in {@link Finding#ORDER}.
 *
 * @param schemaVersion the version of the report's JSON shape
 * @param toolVersion the l2o version that wrote it
 * @param blueprintName {@code metadata.name} of the blueprint
 * @param blueprintFile the blueprint file as given
 * @param source where the snapshot came from
 * @param crm {@code salesforce} or {@code hubspot}
 * @param asOf "now" of the audit
 * @param complete whether the source was read fully; an incomplete audit never passes
 * @param incompleteReasons why not, one sentence each
 * @param findings the findings that count (not suppressed, not in the baseline)
 * @param baselined findings accepted by {@code --baseline}: reported, but they do not fail the run
 * @param suppressed findings accepted by the blueprint's {@code suppress} entries
 * @param notices things the reader should know (expired suppressions, …)
 * @param metrics stage metrics (with {@code historyAvailable} false when the source has no history)
 * @param maturity the maturity index
 * @param facts what the snapshot held
 * @param rules every rule the audit ran (built-in and the blueprint's custom rules), sorted by id: what the
 *     findings were checked against, for SARIF rule metadata and JUnit test cases
 * @param coverage how much of the blueprint is live in the CRM ({@link Coverage})
 * @param answers the five questions answered from this audit's evidence, which every report opens with
 * @param attribution where the setup changes the findings are attributed to came from, or why there were none
 * @param lifecycles the whole bowtie: every opportunity lifecycle, its pipeline, stages and rate
 */
public record AuditReport(
        int schemaVersion,
        String toolVersion,
        String blueprintName,
        String blueprintFile,
        SourceInfo source,
        String crm,
        Instant asOf,
        boolean complete,
        List<String> incompleteReasons,
        List<Finding> findings,
        List<Finding> baselined,
        List<SuppressedFinding> suppressed,
        List<String> notices,
        StageMetrics metrics,
        Maturity maturity,
        SnapshotFacts facts,
        List<RuleDescriptor> rules,
        Coverage coverage,
        FiveAnswers answers,
        AttributionSummary attribution,
        Lifecycles lifecycles) {
    /** The version of the report shape written by this code. */
    public static final int SCHEMA_VERSION = 1;

    public AuditReport {
        requireNonNull(toolVersion, "toolVersion is null");
        requireNonNull(blueprintName, "blueprintName is null");
        requireNonNull(source, "source is null");
        requireNonNull(crm, "crm is null");
        requireNonNull(asOf, "asOf is null");
        incompleteReasons = List.copyOf(incompleteReasons);
        findings = findings.stream().sorted(Finding.ORDER).toList();
        baselined = baselined.stream().sorted(Finding.ORDER).toList();
        suppressed = List.copyOf(suppressed);
        notices = List.copyOf(notices);
        requireNonNull(metrics, "metrics is null");
        requireNonNull(maturity, "maturity is null");
        requireNonNull(facts, "facts is null");
        rules = rules.stream().sorted(Comparator.comparing(RuleDescriptor::id)).toList();
        requireNonNull(coverage, "coverage is null");
        answers = answers == null ? FiveAnswers.NONE : answers;
        requireNonNull(attribution, "attribution is null");
        lifecycles = lifecycles == null ? Lifecycles.NONE : lifecycles;
        if (complete != incompleteReasons.isEmpty()) {
            throw new IllegalArgumentException("an incomplete report names its reasons, a complete one has none");
        }
    }

    /** A report without lifecycles (as written before they were added). */
    public AuditReport(int schemaVersion, String toolVersion, String blueprintName, String blueprintFile, SourceInfo source,
            String crm, Instant asOf, boolean complete, List<String> incompleteReasons, List<Finding> findings,
            List<Finding> baselined, List<SuppressedFinding> suppressed, List<String> notices, StageMetrics metrics,
            Maturity maturity, SnapshotFacts facts, List<RuleDescriptor> rules, Coverage coverage, FiveAnswers answers,
            AttributionSummary attribution) {
        this(schemaVersion, toolVersion, blueprintName, blueprintFile, source, crm, asOf, complete, incompleteReasons,
                findings, baselined, suppressed, notices, metrics, maturity, facts, rules, coverage, answers, attribution,
                Lifecycles.NONE);
    }

    /** A report without coverage, five answers and change attribution (as written before they were added). */
    public AuditReport(int schemaVersion, String toolVersion, String blueprintName, String blueprintFile, SourceInfo source,
            String crm, Instant asOf, boolean complete, List<String> incompleteReasons, List<Finding> findings,
            List<Finding> baselined, List<SuppressedFinding> suppressed, List<String> notices, StageMetrics metrics,
            Maturity maturity, SnapshotFacts facts, List<RuleDescriptor> rules) {
        this(schemaVersion, toolVersion, blueprintName, blueprintFile, source, crm, asOf, complete, incompleteReasons,
                findings, baselined, suppressed, notices, metrics, maturity, facts, rules, Coverage.none(), FiveAnswers.NONE,
                AttributionSummary.notRead());
    }

    /** A report without rule metadata (as written before it was added). */
    public AuditReport(int schemaVersion, String toolVersion, String blueprintName, String blueprintFile, SourceInfo source,
            String crm, Instant asOf, boolean complete, List<String> incompleteReasons, List<Finding> findings,
            List<Finding> baselined, List<SuppressedFinding> suppressed, List<String> notices, StageMetrics metrics,
            Maturity maturity, SnapshotFacts facts) {
        this(schemaVersion, toolVersion, blueprintName, blueprintFile, source, crm, asOf, complete, incompleteReasons,
                findings, baselined, suppressed, notices, metrics, maturity, facts, List.of());
    }


    /** The same report read from {@code source} instead. */
    public AuditReport withSource(SourceInfo source) {
        return new AuditReport(schemaVersion, toolVersion, blueprintName, blueprintFile, source, crm, asOf, complete,
                incompleteReasons, findings, baselined, suppressed, notices, metrics, maturity, facts, rules, coverage, answers, attribution,
                lifecycles);
    }

    /** Where in the blueprint file {@code finding}'s subject is declared ({@link Finding#declaredAt()}), if anywhere. */
    public Optional<SourcePosition> blueprintPosition(Finding finding) {
        return Optional.ofNullable(finding.declaredAt());
    }

    /** The rule with this id among {@link #rules()}. */
    public Optional<RuleDescriptor> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** Findings that count with exactly {@code severity}. */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
