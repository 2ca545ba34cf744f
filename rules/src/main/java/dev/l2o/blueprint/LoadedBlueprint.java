package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A valid blueprint with where it came from: reports use {@link #positions()} and the {@code positionOf…}
 * lookups to point findings (SARIF results) at blueprint lines.
 *
 * @param blueprint the blueprint
 * @param file the file as the user named it (or the name given to {@link BlueprintLoader#parse})
 * @param positions where each node is, by JSON Pointer
 * @param warnings advice that does not stop the blueprint from being used (a stage without maxDaysInStage),
 *     in file order
 */
public record LoadedBlueprint(Blueprint blueprint, String file, SourcePositions positions, List<BlueprintProblem> warnings) {
    public LoadedBlueprint {
        requireNonNull(blueprint, "blueprint is null");
        requireNonNull(file, "file is null");
        requireNonNull(positions, "positions is null");
        warnings = List.copyOf(warnings);
    }

    public LoadedBlueprint(Blueprint blueprint, String file, SourcePositions positions) {
        this(blueprint, file, positions, List.of());
    }

    /** Where the opportunity stage {@code key} is declared. */
    public Optional<SourcePosition> positionOfStage(String key) {
        List<StageSpec> stages = blueprint.opportunityLifecycle() == null ? List.of() : blueprint.opportunityLifecycle().stages();
        return at(stages, stage -> key.equals(stage.key()), "opportunityLifecycle", "stages");
    }

    /** Where the lead status {@code key} is declared. */
    public Optional<SourcePosition> positionOfStatus(String key) {
        List<LeadStatusSpec> statuses = blueprint.leadLifecycle() == null ? List.of() : blueprint.leadLifecycle().statuses();
        return at(statuses, status -> key.equals(status.key()), "leadLifecycle", "statuses");
    }

    /** Where the field {@code object.name} is declared (ignoring case, as CRM API names do). */
    public Optional<SourcePosition> positionOfField(String object, String name) {
        return at(blueprint.fields(), field -> equalsIgnoreCase(field.object(), object) && equalsIgnoreCase(field.name(), name),
                "fields");
    }

    /** Where the routing rule {@code name} is declared. */
    public Optional<SourcePosition> positionOfRouting(String name) {
        return at(blueprint.routing(), routing -> name.equals(routing.name()), "routing");
    }

    /** Where the first automation named {@code name} is declared (ignoring case). */
    public Optional<SourcePosition> positionOfAutomation(String name) {
        return at(blueprint.automation(), automation -> equalsIgnoreCase(automation.name(), name), "automation");
    }

    /** Where the custom rule {@code id} is declared. */
    public Optional<SourcePosition> positionOfRule(String id) {
        return at(blueprint.rules(), rule -> id.equals(rule.id()), "rules");
    }

    /** Where the conversion target {@code from → to} is declared. */
    public Optional<SourcePosition> positionOfConversion(String from, String to) {
        return at(blueprint.benchmarks().conversion(), target -> from.equals(target.from()) && to.equals(target.to()),
                "benchmarks", "conversion");
    }

    /** Where the first suppression of {@code ruleId} for {@code subject} is declared. */
    public Optional<SourcePosition> positionOfSuppression(String ruleId, String subject) {
        return at(blueprint.suppress(), s -> ruleId.equals(s.ruleId()) && subject.equals(s.subject()), "suppress");
    }

    private <T> Optional<SourcePosition> at(List<T> items, Predicate<T> wanted, Object... listPath) {
        for (int i = 0; i < items.size(); i++) {
            if (wanted.test(items.get(i))) {
                return positions.of(SourcePositions.child(SourcePositions.pointer(listPath), i));
            }
        }
        return Optional.empty();
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
