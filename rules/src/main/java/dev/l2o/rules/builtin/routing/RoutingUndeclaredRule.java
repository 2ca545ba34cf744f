package dev.l2o.rules.builtin.routing;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.RuleEntry;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.support.Texts;
import java.util.List;

/**
 * {@code L2O-ROUTING-UNDECLARED}: routing in the CRM that the blueprint does not declare. One finding per
 * entry of an active assignment rule whose assignee no routing rule of the blueprint (on the same object)
 * names, subject {@code salesforce:AssignmentRule/Lead.Standard#2}; and one per active automation that routes
 * to such assignees. Entries that keep the current owner assign nobody and are not reported.
 */
public final class RoutingUndeclaredRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-ROUTING-UNDECLARED",
            "CRM routing not in the blueprint",
            "An entry of an active assignment rule, or an active flow or workflow, assigns records to a user, "
                    + "queue or role that no routing rule of the blueprint names. Routing that nobody designed "
                    + "is routing nobody can explain.",
            Dimension.ROUTING,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (AssignmentRule rule : snapshot.assignmentRules()) {
            if (!rule.active()) {
                continue;
            }
            for (RuleEntry entry : rule.entries()) {
                if (entry.assignee() == null || declared(blueprint, rule.object(), entry.assignee())) {
                    continue;
                }
                String target = Assignees.describe(entry.assignee());
                String message = "Entry " + entry.order() + " of the active assignment rule " + rule.object() + "."
                        + rule.name() + " assigns to " + target + ", which no blueprint routing rule declares.";
                context.report(FindingDraft.of(DriftKind.UNDECLARED, rule.ref().address() + "#" + entry.order(), message)
                        .at(rule.ref())
                        .expectedActual(null, target)
                        .declaredAt(BlueprintPointers.section("routing")));
            }
        }
        for (Automation automation : snapshot.automations()) {
            // Assignment rules are judged entry by entry above; their automation twin would say it twice.
            if (!automation.active() || !automation.routes() || automation.kind() == AutomationKind.ASSIGNMENT) {
                continue;
            }
            List<String> undeclared = automation.assignees().stream()
                    .filter(a -> !declared(blueprint, automation.object(), a))
                    .map(Assignees::describe)
                    .toList();
            if (undeclared.isEmpty()) {
                continue;
            }
            String message = "The active " + Texts.lower(automation.kind()) + " "
                    + automation.name() + " assigns to " + String.join(", ", undeclared)
                    + ", which no blueprint routing rule declares.";
            context.report(FindingDraft.of(DriftKind.UNDECLARED, automation.ref().address(), message)
                    .at(automation.ref())
                    .expectedActual(null, String.join(", ", undeclared))
                    .declaredAt(BlueprintPointers.section("routing")));
        }
    }

    private static boolean declared(Blueprint blueprint, String object, Assignee assignee) {
        for (RoutingSpec spec : blueprint.routing()) {
            if (RoutingUnimplementedRule.sameObject(spec, object) && Assignees.matches(spec.assignTo(), assignee)) {
                return true;
            }
        }
        return false;
    }
}
