package dev.l2o.rules.custom;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelConditionException;
import java.util.Map;

/** A custom rule over the configuration ({@code on: config}); see {@link CustomRules}. Stateless and thread-safe. */
final class CustomConfigRule implements Rule {
    private final RuleDescriptor descriptor;
    private final CelCondition when;
    private final CelCondition require;

    CustomConfigRule(RuleDescriptor descriptor, CelCondition when, CelCondition require) {
        this.descriptor = descriptor;
        this.when = when;
        this.require = require;
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        Map<String, Object> bindings = Map.of("config", ConfigVariables.of(blueprint, snapshot));
        if (when != null) {
            try {
                if (!when.test(bindings)) {
                    return;
                }
            } catch (CelConditionException notEvaluable) {
                return;
            }
        }
        String failure;
        String actual;
        try {
            if (require.test(bindings)) {
                return;
            }
            failure = "the requirement does not hold";
            actual = "false";
        } catch (CelConditionException e) {
            failure = "the requirement cannot be evaluated: " + e.reason();
            actual = e.reason();
        }
        context.report(FindingDraft.of(DriftKind.MISMATCH, snapshot.crm() + ":configuration", descriptor.title() + ": " + failure)
                .expectedActual(require.expression(), actual)
                .declaredAt(BlueprintPointers.rule(blueprint, descriptor.id())));
    }
}
