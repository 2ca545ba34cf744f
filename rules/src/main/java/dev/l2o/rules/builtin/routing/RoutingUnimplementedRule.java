package dev.l2o.rules.builtin.routing;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.support.Subjects;
import dev.l2o.rules.builtin.support.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code L2O-ROUTING-UNIMPLEMENTED}: a blueprint routing rule that nothing active in the CRM implements.
 *
 * <p>Implemented means: an entry of an active assignment rule on the object assigns to the declared assignee
 * with criteria equal to the reduced {@code when} (see {@link RoutingCondition}), or an active automation on
 * the object routes to the assignee. When {@code when} does not reduce to field comparisons, or the entry's
 * criteria are a formula or a custom filter logic, the assignee alone decides, and the evidence says so.
 */
public final class RoutingUnimplementedRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-ROUTING-UNIMPLEMENTED",
            "Declared routing not implemented",
            "A routing rule of the blueprint has no active assignment rule entry with the same assignee and "
                    + "criteria, and no active flow or workflow that routes the object to that assignee. Records "
                    + "it covers stay with whoever created them.",
            Dimension.ROUTING,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (RoutingSpec spec : blueprint.routing()) {
            List<String> evidence = new ArrayList<>();
            if (!implemented(spec, snapshot, evidence)) {
                String target = Assignees.describe(spec.assignTo());
                String message = "Routing rule '" + spec.name() + "' (" + spec.object() + " to " + target
                        + ") has no active assignment rule entry or routing automation implementing it.";
                String expected = spec.object() + " to " + target + (spec.when() == null ? "" : " when " + spec.when());
                context.report(FindingDraft.of(DriftKind.MISSING,
                                Subjects.routing(snapshot, spec.object(), spec.name()), message)
                        .expectedActual(expected, evidence.isEmpty() ? "nothing routes there" : evidence.get(0))
                        .counted(1, evidence.stream().limit(10).toList())
                        .declaredAt(BlueprintPointers.routing(blueprint, spec.name())));
            }
        }
    }

    private static boolean implemented(RoutingSpec spec, Snapshot snapshot, List<String> evidence) {
        Optional<List<Comparison>> wanted = RoutingCondition.reduce(spec.when());
        if (wanted.isEmpty()) {
            evidence.add("the condition '" + spec.when() + "' is not a conjunction of field comparisons, "
                    + "so assignment rule entries were matched on their assignee alone");
        }
        for (AssignmentRule rule : snapshot.assignmentRules()) {
            if (!sameObject(spec, rule.object())) {
                continue;
            }
            for (RuleEntry entry : rule.entries()) {
                if (!Assignees.matches(spec.assignTo(), entry.assignee())) {
                    continue;
                }
                String where = "assignment rule " + rule.object() + "." + rule.name() + " entry " + entry.order();
                if (!rule.active()) {
                    evidence.add(where + " assigns to " + Assignees.describe(entry.assignee()) + " but the rule is inactive");
                    continue;
                }
                Optional<List<Comparison>> actual = RoutingCondition.reduce(rule.object(), entry);
                if (wanted.isEmpty() || actual.isEmpty() || RoutingCondition.same(wanted.get(), actual.get())) {
                    return true;
                }
                evidence.add(where + " assigns to " + Assignees.describe(entry.assignee()) + " when "
                        + (actual.get().isEmpty() ? "always" : String.join(" and ", actual.get().stream().map(Comparison::toString).toList())));
            }
        }
        for (Automation automation : snapshot.automations()) {
            if (!sameObject(spec, automation.object())
                    || automation.assignees().stream().noneMatch(a -> Assignees.matches(spec.assignTo(), a))) {
                continue;
            }
            if (automation.active()) {
                return true;
            }
            evidence.add(Texts.lower(automation.kind()) + " " + automation.name()
                    + " routes there but is inactive");
        }
        return false;
    }

    static boolean sameObject(RoutingSpec spec, String object) {
        return spec.object() == null || CrmObjects.same(spec.object(), object);
    }
}
