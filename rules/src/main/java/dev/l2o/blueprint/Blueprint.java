package dev.l2o.blueprint;

import java.util.ArrayList;
import java.util.List;

/**
 * A Lead-to-Order blueprint ({@code apiVersion: l2o/v1}, {@code kind: Blueprint}), as CONTRACT.md section 2
 * defines it. Immutable; lists are never null.
 */
public record Blueprint(
        String apiVersion,
        String kind,
        BlueprintMetadata metadata,
        LeadLifecycle leadLifecycle,
        OpportunityLifecycle opportunityLifecycle,
        List<FieldSpec> fields,
        List<RoutingSpec> routing,
        List<AutomationSpec> automation,
        Benchmarks benchmarks,
        List<CustomRuleSpec> rules,
        List<Suppression> suppress,
        RulesetSpec ruleset,
        List<Lifecycle> lifecycles) {
    public Blueprint {
        lifecycles = lifecycles == null ? List.of() : List.copyOf(lifecycles);
        fields = fields == null ? List.of() : List.copyOf(fields);
        routing = routing == null ? List.of() : List.copyOf(routing);
        automation = automation == null ? List.of() : List.copyOf(automation);
        benchmarks = benchmarks == null ? new Benchmarks(null) : benchmarks;
        rules = rules == null ? List.of() : List.copyOf(rules);
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
        ruleset = ruleset == null ? RulesetSpec.NONE : ruleset;
    }

    /** A blueprint without a {@code ruleset}. */
    public Blueprint(String apiVersion, String kind, BlueprintMetadata metadata, LeadLifecycle leadLifecycle,
            OpportunityLifecycle opportunityLifecycle, List<FieldSpec> fields, List<RoutingSpec> routing,
            List<AutomationSpec> automation, Benchmarks benchmarks, List<CustomRuleSpec> rules, List<Suppression> suppress) {
        this(apiVersion, kind, metadata, leadLifecycle, opportunityLifecycle, fields, routing, automation, benchmarks, rules,
                suppress, null, null);
    }

    /** A blueprint without further {@code lifecycles}. */
    public Blueprint(String apiVersion, String kind, BlueprintMetadata metadata, LeadLifecycle leadLifecycle,
            OpportunityLifecycle opportunityLifecycle, List<FieldSpec> fields, List<RoutingSpec> routing,
            List<AutomationSpec> automation, Benchmarks benchmarks, List<CustomRuleSpec> rules, List<Suppression> suppress,
            RulesetSpec ruleset) {
        this(apiVersion, kind, metadata, leadLifecycle, opportunityLifecycle, fields, routing, automation, benchmarks, rules,
                suppress, ruleset, null);
    }

    /**
     * Every opportunity lifecycle: {@code opportunityLifecycle} first (as {@link Lifecycle#of}), then
     * {@code lifecycles} in blueprint order.
     */
    public List<Lifecycle> allLifecycles() {
        List<Lifecycle> all = new ArrayList<>();
        if (opportunityLifecycle != null) {
            all.add(Lifecycle.of(opportunityLifecycle));
        }
        all.addAll(lifecycles);
        return List.copyOf(all);
    }

    /** The same blueprint with other lifecycles (a ruleset's parameters complete them). */
    public Blueprint withLifecycles(OpportunityLifecycle completed, List<Lifecycle> others) {
        return new Blueprint(apiVersion, kind, metadata, leadLifecycle, completed, fields, routing, automation, benchmarks,
                rules, suppress, ruleset, others);
    }
}
