package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a fixed list of rules over one blueprint and snapshot and collects their findings.
 *
 * <p>Each rule gets its own {@link RuleContext}, which stamps the rule's id, dimension and effective severity
 * on every finding. The engine runs the rules its {@link Ruleset} selects; the effective severity is the
 * ruleset's for the rule id, else the rule descriptor's {@link RuleDescriptor#defaultSeverity()} (for a built-in
 * rule the catalog's, for a blueprint custom rule the severity the blueprint gives it). The ruleset's parameters
 * are not applied here: the caller runs the engine on {@link Ruleset#applyTo(Blueprint)}, which its metrics are
 * computed from too.
 *
 * <p>A rule that throws {@link L2oException} (for example unreadable stage history) passes it through
 * unchanged. Any other {@link RuntimeException} is a defect in the rule, not a finding: the run stops with an
 * {@link ErrorCode#INTERNAL_ERROR} that names the rule.
 *
 * <p>Immutable and thread-safe when its rules are; {@link #run} may be called concurrently.
 */
public final class RuleEngine {
    private final List<Rule> rules;
    private final Ruleset ruleset;

    /**
     * An engine that runs every rule at its own severity.
     *
     * @param rules the rules to run, in any order; their ids must be unique
     * @throws IllegalArgumentException when two rules share an id
     */
    public RuleEngine(List<Rule> rules) {
        this(rules, Ruleset.ALL);
    }

    /**
     * @param rules the rules of the audit, in any order; their ids must be unique
     * @param ruleset which of them run, at which severity
     * @throws IllegalArgumentException when two rules share an id
     */
    public RuleEngine(List<Rule> rules, Ruleset ruleset) {
        this.ruleset = requireNonNull(ruleset, "ruleset is null");
        this.rules = rules.stream().filter(rule -> ruleset.selects(rule.descriptor())).toList();
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            String id = rule.descriptor().id();
            if (!ids.add(id)) {
                throw new IllegalArgumentException("two rules have the id " + id);
            }
        }
    }

    /** The rules this engine runs (those its ruleset selects), in the order given. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The descriptors of the rules this engine runs, each with its effective severity as the default: what SARIF
     * rule metadata and JUnit test cases describe.
     */
    public List<RuleDescriptor> descriptors() {
        return rules.stream().map(rule -> ruleset.effective(rule.descriptor())).toList();
    }

    /**
     * Runs every rule.
     *
     * @param blueprint the designed architecture
     * @param snapshot what the CRM holds
     * @param asOf "now" for the audit, which rules see as {@link RuleContext#asOf()}
     * @param attachments precomputed analyses by type (for example stage metrics); each value must be an
     *     instance of its key
     * @return every finding, sorted by {@link Finding#ORDER}
     * @throws L2oException {@code INTERNAL_ERROR} naming the rule when a rule fails unexpectedly, or what a rule
     *     throws itself
     */
    public List<Finding> run(Blueprint blueprint, Snapshot snapshot, Instant asOf, Map<Class<?>, Object> attachments) {
        return run(blueprint, SourcePositions.empty(), snapshot, asOf, attachments);
    }

    /**
     * Runs every rule over a blueprint read from a file: findings carry the line and column of the declaration
     * their rule names ({@link FindingDraft#declaredAt}).
     *
     * @see #run(Blueprint, Snapshot, Instant, Map)
     */
    public List<Finding> run(LoadedBlueprint loaded, Snapshot snapshot, Instant asOf, Map<Class<?>, Object> attachments) {
        return run(loaded.blueprint(), loaded.positions(), snapshot, asOf, attachments);
    }

    private List<Finding> run(Blueprint blueprint, SourcePositions positions, Snapshot snapshot, Instant asOf,
            Map<Class<?>, Object> attachments) {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(asOf, "asOf is null");
        Map<Class<?>, Object> analyses = checkedAttachments(attachments);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            EngineContext context = new EngineContext(ruleset.effective(rule.descriptor()), asOf, analyses, positions);
            try {
                rule.check(blueprint, snapshot, context);
            } catch (L2oException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new L2oException(ErrorCode.INTERNAL_ERROR,
                        "rule " + rule.descriptor().id() + " failed unexpectedly: " + e, e);
            }
            findings.addAll(context.findings);
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    private static Map<Class<?>, Object> checkedAttachments(Map<Class<?>, Object> attachments) {
        Map<Class<?>, Object> copy = new LinkedHashMap<>();
        if (attachments != null) {
            attachments.forEach((type, value) -> {
                requireNonNull(type, "attachment type is null");
                requireNonNull(value, "attachment of " + type.getName() + " is null");
                if (!type.isInstance(value)) {
                    throw new IllegalArgumentException("attachment for " + type.getName() + " is a "
                            + value.getClass().getName());
                }
                copy.put(type, value);
            });
        }
        return copy;
    }

    /** Collects one rule's findings and stamps its id, severity and dimension on them. */
    private static final class EngineContext implements RuleContext {
        private final RuleDescriptor descriptor;
        private final Instant asOf;
        private final Map<Class<?>, Object> attachments;
        private final SourcePositions positions;
        private final List<Finding> findings = new ArrayList<>();

        EngineContext(RuleDescriptor descriptor, Instant asOf, Map<Class<?>, Object> attachments, SourcePositions positions) {
            this.descriptor = descriptor;
            this.asOf = asOf;
            this.attachments = attachments;
            this.positions = positions;
        }

        @Override
        public Instant asOf() {
            return asOf;
        }

        @Override
        public <T> Optional<T> attachment(Class<T> type) {
            return Optional.ofNullable(type.cast(attachments.get(type)));
        }

        @Override
        public void report(FindingDraft draft) {
            requireNonNull(draft, "draft is null");
            findings.add(new Finding(descriptor.id(), descriptor.defaultSeverity(), descriptor.dimension(),
                    draft.kind(), draft.subject(), draft.location(), draft.message(), draft.expected(),
                    draft.actual(), draft.count(), draft.evidence(),
                    draft.declaration() == null ? null : positions.of(draft.declaration()).orElse(null)));
        }
    }
}
