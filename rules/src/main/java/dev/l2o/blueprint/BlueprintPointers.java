package dev.l2o.blueprint;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * JSON Pointers (RFC 6901) of a blueprint's declarations: where rules say a finding's subject is designed
 * ({@code FindingDraft.declaredAt}), which {@link SourcePositions} turn into a line and column. Lookups are
 * empty when the blueprint declares no such thing. Stateless and thread-safe.
 */
public final class BlueprintPointers {
    private BlueprintPointers() {}

    /** {@code /opportunityLifecycle/stages/2}: the opportunity stage {@code key}. */
    public static Optional<String> stage(Blueprint blueprint, String key) {
        List<StageSpec> stages = blueprint.opportunityLifecycle() == null ? List.of() : blueprint.opportunityLifecycle().stages();
        return item(stages, stage -> key.equals(stage.key()), "opportunityLifecycle", "stages");
    }

    /**
     * {@code /opportunityLifecycle} or {@code /lifecycles/1}: the opportunity lifecycle named {@code name} (see
     * {@link Blueprint#allLifecycles}).
     */
    public static Optional<String> lifecycle(Blueprint blueprint, String name) {
        if (name.equals(Lifecycle.OPPORTUNITY_LIFECYCLE)) {
            return blueprint.opportunityLifecycle() == null ? Optional.empty() : Optional.of(section(name));
        }
        return item(blueprint.lifecycles(), lifecycle -> name.equals(lifecycle.name()), "lifecycles");
    }

    /** {@code /leadLifecycle/statuses/1}: the lead status {@code key}. */
    public static Optional<String> status(Blueprint blueprint, String key) {
        List<LeadStatusSpec> statuses = blueprint.leadLifecycle() == null ? List.of() : blueprint.leadLifecycle().statuses();
        return item(statuses, status -> key.equals(status.key()), "leadLifecycle", "statuses");
    }

    /** The stage {@code key}, else the lead status {@code key}. */
    public static Optional<String> stageOrStatus(Blueprint blueprint, String key) {
        return stage(blueprint, key).or(() -> status(blueprint, key));
    }

    /** The field {@code object.name} (ignoring case, as CRM API names do). */
    public static Optional<String> field(Blueprint blueprint, String object, String name) {
        return item(blueprint.fields(), field -> equalsIgnoreCase(field.object(), object) && equalsIgnoreCase(field.name(), name),
                "fields");
    }

    /** The routing rule {@code name}. */
    public static Optional<String> routing(Blueprint blueprint, String name) {
        return item(blueprint.routing(), routing -> name.equals(routing.name()), "routing");
    }

    /** The first automation named {@code name} (ignoring case). */
    public static Optional<String> automation(Blueprint blueprint, String name) {
        return item(blueprint.automation(), automation -> equalsIgnoreCase(automation.name(), name), "automation");
    }

    /** The custom rule {@code id}. */
    public static Optional<String> rule(Blueprint blueprint, String id) {
        return item(blueprint.rules(), rule -> id.equals(rule.id()), "rules");
    }

    /** The conversion target {@code from → to}. */
    public static Optional<String> conversion(Blueprint blueprint, String from, String to) {
        return item(blueprint.benchmarks().conversion(), target -> from.equals(target.from()) && to.equals(target.to()),
                "benchmarks", "conversion");
    }

    /** The first suppression of {@code ruleId} for {@code subject}. */
    public static Optional<String> suppression(Blueprint blueprint, String ruleId, String subject) {
        return item(blueprint.suppress(), s -> ruleId.equals(s.ruleId()) && subject.equals(s.subject()), "suppress");
    }

    /** A section or setting by its keys: {@code section("opportunityLifecycle", "allowSkips")}. */
    public static String section(String... keys) {
        return SourcePositions.pointer((Object[]) keys);
    }

    private static <T> Optional<String> item(List<T> items, Predicate<T> wanted, Object... listPath) {
        for (int i = 0; i < items.size(); i++) {
            if (wanted.test(items.get(i))) {
                return Optional.of(SourcePositions.child(SourcePositions.pointer(listPath), i));
            }
        }
        return Optional.empty();
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
