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
import dev.l2o.rules.builtin.support.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code L2O-FIELD-PICKLIST}: the active values of a declared picklist differ from the blueprint's
 * {@code values}, ignoring case and order. A field whose values the snapshot does not list (a picklist bound to
 * a global value set the source did not expand, or a field of another type) is not compared.
 */
public final class FieldPicklistRule implements Rule {
    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor(
            "L2O-FIELD-PICKLIST",
            "Picklist values differ",
            "The active values of a picklist the blueprint declares differ from the declared values. The finding "
                    + "names the declared values the CRM lacks and the CRM values the blueprint does not declare; "
                    + "case and order do not matter.",
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
            if (spec.values().isEmpty() || found.isEmpty() || found.get().values().isEmpty()) {
                continue;
            }
            FieldDef field = found.get();
            List<String> missing = absent(spec.values(), field.values());
            List<String> extra = absent(field.values(), spec.values());
            if (missing.isEmpty() && extra.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!missing.isEmpty()) {
                parts.add("lacks " + Texts.quotedList(missing));
            }
            if (!extra.isEmpty()) {
                parts.add("has undeclared " + Texts.quotedList(extra));
            }
            String message = "Picklist " + field.qualifiedName() + " " + String.join(" and ", parts) + ".";
            context.report(FindingDraft.of(DriftKind.MISMATCH, Subjects.field(snapshot, field.object(), field.name()),
                            message)
                    .at(field.ref())
                    .expectedActual(String.join(", ", spec.values()), String.join(", ", field.values()))
                    .declaredAt(BlueprintPointers.field(blueprint, spec.object(), spec.name())));
        }
    }

    /** The values of {@code from} that {@code in} lacks, ignoring case, in {@code from}'s order. */
    private static List<String> absent(List<String> from, List<String> in) {
        Set<String> present = in.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return from.stream().filter(v -> !present.contains(v.trim().toLowerCase(Locale.ROOT))).toList();
    }
}
