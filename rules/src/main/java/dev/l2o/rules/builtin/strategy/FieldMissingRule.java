package dev.l2o.rules.builtin.strategy;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.FieldSpec;
import dev.l2o.model.Snapshot;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code L2O-FIELD-MISSING}: a field the blueprint declares does not exist. Declared are the entries of
 * {@code fields} and every field a stage or status requires to enter or leave; each field is reported once,
 * with the first place that declares it.
 */
public final class FieldMissingRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-FIELD-MISSING",
            "Declared field missing from the CRM",
            "A field the blueprint declares under fields, or requires to enter or leave a stage or lead status, "
                    + "does not exist on its object in the CRM.",
            Dimension.STRATEGY,
            Severity.ERROR);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        for (Declared declared : declaredFields(blueprint, snapshot)) {
            if (CrmObjects.field(snapshot, declared.object, declared.name).isPresent()) {
                continue;
            }
            String message = "Field " + declared.object + "." + declared.name + ", which " + declared.where
                    + ", does not exist in the CRM.";
            context.report(FindingDraft.of(DriftKind.MISSING, Subjects.field(snapshot, declared.object, declared.name),
                            message)
                    .expectedActual(declared.name, null)
                    .declaredAt(BlueprintPointers.field(blueprint, declared.object, declared.name)));
        }
    }

    private record Declared(String object, String name, String where) {}

    private static List<Declared> declaredFields(Blueprint blueprint, Snapshot snapshot) {
        Map<String, Declared> byName = new LinkedHashMap<>();
        for (FieldSpec spec : blueprint.fields()) {
            add(byName, new Declared(spec.object(), spec.name(), "the blueprint declares"));
        }
        for (Lifecycle lifecycle : Lifecycle.of(blueprint, snapshot)) {
            String noun = lifecycle.kind().noun();
            for (Lifecycle.Step step : lifecycle.steps()) {
                for (String field : step.entryFields()) {
                    add(byName, new Declared(lifecycle.object(), field,
                            "blueprint " + noun + " '" + step.key() + "' requires to enter"));
                }
                for (String field : step.exitFields()) {
                    add(byName, new Declared(lifecycle.object(), field,
                            "blueprint " + noun + " '" + step.key() + "' requires to leave"));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    private static void add(Map<String, Declared> byName, Declared declared) {
        byName.putIfAbsent((declared.object + "." + declared.name).toLowerCase(Locale.ROOT), declared);
    }
}
