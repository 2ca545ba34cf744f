package dev.l2o.rules;

import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The object names a blueprint may use for a CRM whose own names differ. A blueprint written for both CRMs
 * says {@code Opportunity} and {@code Lead}; HubSpot calls these objects {@code deals} and {@code contacts}
 * (lifecycle stages live on contacts). Lookups try the name as written first and the other CRM's name only
 * when the snapshot has nothing under it.
 */
public final class CrmObjects {
    private static final List<List<String>> EQUIVALENT = List.of(
            List.of("opportunity", "deals", "deal"),
            List.of("lead", "contacts", "contact"));

    private CrmObjects() {}

    /** Whether {@code a} and {@code b} name the same object, ignoring case and the CRM naming difference. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String left = a.toLowerCase(Locale.ROOT);
        String right = b.toLowerCase(Locale.ROOT);
        return left.equals(right)
                || EQUIVALENT.stream().anyMatch(names -> names.contains(left) && names.contains(right));
    }

    /** The snapshot's pipelines of {@code object}, else of its equivalent in the other CRM's naming. */
    public static List<Pipeline> pipelinesOf(Snapshot snapshot, String object) {
        List<Pipeline> direct = snapshot.pipelinesOf(object);
        if (!direct.isEmpty()) {
            return direct;
        }
        return snapshot.pipelines().stream().filter(p -> same(p.object(), object)).toList();
    }

    /** The field {@code object.name} (ignoring case), else the same field on the equivalent object. */
    public static Optional<FieldDef> field(Snapshot snapshot, String object, String name) {
        Optional<FieldDef> direct = snapshot.field(object, name);
        if (direct.isPresent()) {
            return direct;
        }
        return snapshot.fields().stream()
                .filter(f -> same(f.object(), object) && f.name().equalsIgnoreCase(name))
                .findFirst();
    }
}
