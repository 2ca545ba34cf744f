package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

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
        return BlueprintPointers.stage(blueprint, key).flatMap(positions::of);
    }

    /** Where the lead status {@code key} is declared. */
    public Optional<SourcePosition> positionOfStatus(String key) {
        return BlueprintPointers.status(blueprint, key).flatMap(positions::of);
    }

    /** Where the field {@code object.name} is declared (ignoring case, as CRM API names do). */
    public Optional<SourcePosition> positionOfField(String object, String name) {
        return BlueprintPointers.field(blueprint, object, name).flatMap(positions::of);
    }

    /** Where the routing rule {@code name} is declared. */
    public Optional<SourcePosition> positionOfRouting(String name) {
        return BlueprintPointers.routing(blueprint, name).flatMap(positions::of);
    }

    /** Where the first automation named {@code name} is declared (ignoring case). */
    public Optional<SourcePosition> positionOfAutomation(String name) {
        return BlueprintPointers.automation(blueprint, name).flatMap(positions::of);
    }

    /** Where the custom rule {@code id} is declared. */
    public Optional<SourcePosition> positionOfRule(String id) {
        return BlueprintPointers.rule(blueprint, id).flatMap(positions::of);
    }

    /** Where the conversion target {@code from → to} is declared. */
    public Optional<SourcePosition> positionOfConversion(String from, String to) {
        return BlueprintPointers.conversion(blueprint, from, to).flatMap(positions::of);
    }

    /** Where the first suppression of {@code ruleId} for {@code subject} is declared. */
    public Optional<SourcePosition> positionOfSuppression(String ruleId, String subject) {
        return BlueprintPointers.suppression(blueprint, ruleId, subject).flatMap(positions::of);
    }
}
