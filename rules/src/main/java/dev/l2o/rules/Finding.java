package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.SourcePosition;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.SetupChange;
import java.util.Comparator;
import java.util.List;

/**
 * One difference between the blueprint and the CRM.
 *
 * @param ruleId the catalog id ({@code L2O-STAGE-MISSING}) or a custom rule's id
 * @param severity the effective severity
 * @param dimension the maturity dimension it counts against
 * @param kind what sort of difference
 * @param subject what in the CRM it is about, as a stable address ({@code salesforce:Opportunity.StageName#Qualification});
 *     suppressions and baselines match on it
 * @param location where to point a reader (SFDX file and line, or the blueprint), or null
 * @param message one sentence for people
 * @param expected what the blueprint says, or null
 * @param actual what the CRM has, or null
 * @param count how many records or items it covers (1 for configuration findings)
 * @param evidence a few examples (record ids, rule names), at most ten
 * @param declaredAt where in the blueprint file the finding's subject is designed (the stage, field, routing
 *     rule, automation, conversion target or custom rule, else the section that judges it), or null; reports
 *     point there when the CRM side has no file to point at
 * @param change the most recent setup change of the CRM that touched the finding's subject (who changed it, when
 *     and what), or null when the source does not say or the finding is about measured data
 */
public record Finding(
        String ruleId,
        Severity severity,
        Dimension dimension,
        DriftKind kind,
        String subject,
        ResourceRef location,
        String message,
        String expected,
        String actual,
        long count,
        List<String> evidence,
        SourcePosition declaredAt,
        SetupChange change) {
    /** The only ordering of findings: severity, rule id, subject, message. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::message);

    public Finding {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(severity, "severity is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }

    /** A finding without a setup change. */
    public Finding(String ruleId, Severity severity, Dimension dimension, DriftKind kind, String subject, ResourceRef location,
            String message, String expected, String actual, long count, List<String> evidence, SourcePosition declaredAt) {
        this(ruleId, severity, dimension, kind, subject, location, message, expected, actual, count, evidence, declaredAt, null);
    }

    /** This finding attributed to {@code replacement} (null for none). */
    public Finding withChange(SetupChange replacement) {
        return new Finding(ruleId, severity, dimension, kind, subject, location, message, expected, actual, count, evidence,
                declaredAt, replacement);
    }
}
