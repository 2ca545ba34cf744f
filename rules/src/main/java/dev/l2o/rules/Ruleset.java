package dev.l2o.rules;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.OpportunityLifecycle;
import dev.l2o.blueprint.RuleParameters;
import dev.l2o.blueprint.RulesetSpec;
import dev.l2o.blueprint.StageSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ruleset ({@link RulesetSpec}: the blueprint's {@code ruleset}, with {@code --ruleset FILE} laid over it)
 * resolved for an audit: which rules run, at which severity, and the blueprint its parameters complete. The
 * {@link RuleEngine} runs only {@linkplain #selects selected} rules and stamps {@linkplain #severityOf their
 * effective severity}; the audit computes metrics and runs rules on {@link #applyTo(Blueprint)}. Rule ids match
 * ignoring case. Immutable and thread-safe.
 */
public final class Ruleset {
    /** Every rule at its own severity, no parameters. */
    public static final Ruleset ALL = new Ruleset(RulesetSpec.NONE);

    private final RulesetSpec spec;

    private Ruleset(RulesetSpec spec) {
        this.spec = requireNonNull(spec, "spec is null");
    }

    public static Ruleset of(RulesetSpec spec) {
        return new Ruleset(spec);
    }

    /** The blueprint's own ruleset with {@code override} (a ruleset file) laid over it, when there is one. */
    public static Ruleset of(Blueprint blueprint, Optional<RulesetSpec> override) {
        return new Ruleset(override.map(blueprint.ruleset()::overriddenBy).orElse(blueprint.ruleset()));
    }

    public RulesetSpec spec() {
        return spec;
    }

    /** Whether {@code rule} runs: it is included (or there is no include) and not excluded. */
    public boolean selects(RuleDescriptor rule) {
        boolean included = spec.include() == null || spec.include().stream().anyMatch(selector -> matches(selector, rule));
        return included && spec.exclude().stream().noneMatch(selector -> matches(selector, rule));
    }

    /** The severity of {@code rule}'s findings: the ruleset's for its id, else its descriptor's. */
    public Severity severityOf(RuleDescriptor rule) {
        for (Map.Entry<String, String> entry : spec.severity().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(rule.id())) {
                // the loader admits only the three severities
                return Severity.parse(entry.getValue()).orElseThrow();
            }
        }
        return rule.defaultSeverity();
    }

    /** {@code rule} as this ruleset runs it: with its effective severity as the default. */
    public RuleDescriptor effective(RuleDescriptor rule) {
        Severity severity = severityOf(rule);
        return severity == rule.defaultSeverity() ? rule
                : new RuleDescriptor(rule.id(), rule.title(), rule.description(), rule.dimension(), severity);
    }

    /** The effective catalog of {@code rules}: each rule, whether it runs, and at which severity, sorted by id. */
    public List<EffectiveRule> catalog(List<RuleDescriptor> rules) {
        return rules.stream()
                .sorted(Comparator.comparing(RuleDescriptor::id))
                .map(rule -> new EffectiveRule(rule, selects(rule), severityOf(rule)))
                .toList();
    }

    /**
     * {@code blueprint} completed by the parameters: every open stage without {@code maxDaysInStage} gets
     * {@code staleDealDays}, and {@code allowRegression} is set where the blueprint does not say. What the
     * blueprint says is kept; with no parameters the blueprint is returned unchanged.
     */
    public Blueprint applyTo(Blueprint blueprint) {
        RuleParameters parameters = spec.parameters();
        OpportunityLifecycle lifecycle = blueprint.opportunityLifecycle();
        if (lifecycle == null || parameters.setsNothing()) {
            return blueprint;
        }
        OpportunityLifecycle completed = new OpportunityLifecycle(lifecycle.object(), lifecycle.pipeline(), lifecycle.allowSkips(),
                regression(lifecycle.allowRegression(), parameters), completeStages(lifecycle.stages(), parameters));
        List<Lifecycle> others = blueprint.lifecycles().stream()
                .map(other -> other.withStages(completeStages(other.stages(), parameters),
                        regression(other.allowRegression(), parameters)))
                .toList();
        return blueprint.withLifecycles(completed, others);
    }

    private static Boolean regression(Boolean declared, RuleParameters parameters) {
        return declared != null ? declared : parameters.allowRegression();
    }

    private static List<StageSpec> completeStages(List<StageSpec> stages, RuleParameters parameters) {
        return stages.stream()
                .map(stage -> stage.closed() || stage.maxDaysInStage() != null || parameters.staleDealDays() == null ? stage
                        : new StageSpec(stage.key(), stage.label(), stage.crm(), stage.probability(), stage.forecastCategory(),
                                stage.closed(), stage.won(), stage.entry(), stage.exit(), parameters.staleDealDays()))
                .toList();
    }

    private static boolean matches(String selector, RuleDescriptor rule) {
        return Dimension.parse(selector).map(dimension -> dimension == rule.dimension())
                .orElseGet(() -> selector.equalsIgnoreCase(rule.id()));
    }

    /**
     * One rule of the effective catalog.
     *
     * @param rule the rule as its descriptor (or the blueprint's custom rule) defines it
     * @param selected whether the audit runs it
     * @param severity the severity of its findings
     */
    public record EffectiveRule(RuleDescriptor rule, boolean selected, Severity severity) {
        public EffectiveRule {
            requireNonNull(rule, "rule is null");
            requireNonNull(severity, "severity is null");
        }

        /** Whether the ruleset changed the rule's severity. */
        public boolean severityChanged() {
            return severity != rule.defaultSeverity();
        }
    }
}
