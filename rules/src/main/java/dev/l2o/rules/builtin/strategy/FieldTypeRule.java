package dev.l2o.rules.builtin.strategy;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.model.FieldDef;
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
import java.util.Optional;

/** {@code L2O-FIELD-TYPE}: a declared field exists with a type that does not satisfy the declared one. */
public final class FieldTypeRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-FIELD-TYPE",
            "Declared field has another type",
            "A field the blueprint declares exists in the CRM with a type that does not satisfy the declared "
                    + "Salesforce type. Types compare ignoring case, and the documented HubSpot and describe "
                    + "equivalents count as the same type.",
            Dimension.STRATEGY,
            Severity.WARNING);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (FieldSpec spec : blueprint.fields()) {
            Optional<FieldDef> found = CrmObjects.field(snapshot, spec.object(), spec.name());
            if (spec.type() == null || found.isEmpty() || FieldTypes.satisfies(snapshot.crm(), spec.type(), found.get().type())) {
                continue;
            }
            FieldDef field = found.get();
            String message = "Field " + field.qualifiedName() + " is of type " + field.type() + " where the blueprint "
                    + "declares " + spec.type() + ".";
            context.report(FindingDraft.of(DriftKind.MISMATCH, Subjects.field(snapshot, field.object(), field.name()),
                            message)
                    .at(field.ref())
                    .expectedActual(spec.type(), field.type())
                    .declaredAt(BlueprintPointers.field(blueprint, spec.object(), spec.name())));
        }
    }
}
