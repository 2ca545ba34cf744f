package dev.l2o.rules.builtin.qualification;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.Snapshot;
import dev.l2o.model.Stage;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import dev.l2o.rules.builtin.support.Lifecycle;
import dev.l2o.rules.builtin.support.Subjects;
import dev.l2o.rules.builtin.support.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code L2O-CRITERIA-UNENFORCED}: a field a stage requires is enforced by nothing in the CRM.
 *
 * <p>A field is enforced when the CRM marks it required, or when an <em>active</em> automation (validation
 * rule, flow) has a {@link FieldRequirement} for it that holds in a CRM stage where the criterion matters: for
 * {@code entry.requiredFields} the stage itself, for {@code exit.requiredFields} any later stage of the
 * blueprint. A requirement without stages holds everywhere. Inactive automations enforce nothing; they are named
 * in the finding's evidence. Lead statuses' {@code entry.requiredFields} are checked the same way on the lead
 * object. Fields that do not exist are left to {@code L2O-FIELD-MISSING}. One finding per stage and field,
 * subject {@code salesforce:Opportunity.Pain__c@Needs Analysis}, declared at the criterion's line
 * ({@code entry.requiredFields} or {@code exit.requiredFields} item), which blueprint coverage reads.
 */
public final class CriteriaUnenforcedRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-CRITERIA-UNENFORCED",
            "Stage criterion enforced by nothing",
            "A field that a blueprint stage or lead status requires to enter or to leave is neither required in "
                    + "the CRM nor checked by an active validation rule or flow in a stage where the criterion "
                    + "applies. Records can move on without it.",
            Dimension.QUALIFICATION,
            Severity.WARNING);

    private enum Direction {
        ENTER,
        LEAVE
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            if (lifecycle.pipeline() == null) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            List<Lifecycle.Step> steps = lifecycle.steps();
            for (int i = 0; i < steps.size(); i++) {
                Lifecycle.Step step = steps.get(i);
                Optional<Stage> stage = lifecycle.stage(step);
                if (stage.isEmpty()) {
                    continue;
                }
                List<String> here = List.of(stage.get().apiName());
                List<String> later = laterStages(lifecycle, steps.subList(i + 1, steps.size()));
                for (String field : step.entryFields()) {
                    check(snapshot, lifecycle, step, stage.get(), field, Direction.ENTER, here, reported, context);
                }
                for (String field : step.exitFields()) {
                    check(snapshot, lifecycle, step, stage.get(), field, Direction.LEAVE, later, reported, context);
                }
            }
        }
    }

    private static List<String> laterStages(Lifecycle lifecycle, List<Lifecycle.Step> laterSteps) {
        Set<String> names = new LinkedHashSet<>();
        for (Lifecycle.Step later : laterSteps) {
            lifecycle.stage(later).ifPresent(s -> names.add(s.apiName()));
        }
        return List.copyOf(names);
    }

    private static void check(
            Snapshot snapshot,
            Lifecycle lifecycle,
            Lifecycle.Step step,
            Stage stage,
            String fieldName,
            Direction direction,
            List<String> stagesThatMatter,
            Set<String> reported,
            RuleContext context) {
        Optional<FieldDef> found = CrmObjects.field(snapshot, lifecycle.object(), fieldName);
        if (found.isEmpty() || found.get().required()) {
            return;
        }
        FieldDef field = found.get();
        List<String> evidence = new ArrayList<>();
        for (Automation automation : snapshot.automations()) {
            if (!CrmObjects.same(automation.object(), field.object())) {
                continue;
            }
            for (FieldRequirement requirement : automation.requirements()) {
                if (!sameField(field, requirement.field())) {
                    continue;
                }
                boolean holds = holdsIn(requirement, stagesThatMatter);
                if (automation.active() && holds) {
                    return;
                }
                evidence.add(Texts.lower(automation.kind()) + " " + automation.name()
                        + (automation.active() ? " requires it only in " + String.join(", ", requirement.stages())
                                : " requires it but is inactive"));
            }
        }
        String subject = Subjects.field(snapshot, field.object(), field.name()) + "@" + stage.apiName();
        if (!reported.add(subject + "|" + direction)) {
            return;
        }
        String verb = switch (direction) {
            case ENTER -> "to enter";
            case LEAVE -> "to leave";
        };
        String noun = lifecycle.kind().noun();
        String message = "Blueprint " + noun + " '" + step.key() + "' requires " + field.name() + " " + verb + " "
                + noun + " '" + stage.label() + "', but nothing in the CRM enforces it.";
        context.report(FindingDraft.of(DriftKind.MISSING, subject, lifecycle.named(message))
                .at(field.ref())
                .expectedActual("required " + verb + " " + stage.apiName(),
                        "optional; no active validation rule or flow requires it there")
                .counted(1, evidence.stream().limit(10).toList())
                .declaredAt(lifecycle.declaration(step, direction == Direction.LEAVE, fieldName)));
    }

    private static boolean sameField(FieldDef field, String requirementField) {
        return Texts.withoutObject(field.object(), requirementField).equalsIgnoreCase(field.name());
    }

    private static boolean holdsIn(FieldRequirement requirement, List<String> stages) {
        if (requirement.stages().isEmpty()) {
            return true;
        }
        return stages.stream().anyMatch(s -> requirement.stages().stream().anyMatch(s::equalsIgnoreCase));
    }
}
