package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A YAML file as {@link YamlSchema#read} read it.
 *
 * @param root the document; null when the file is empty or not YAML
 * @param positions where each node is
 * @param problems what is wrong with the file (YAML syntax and structure, then the schema), ordered by position;
 *     empty when the file is valid
 */
public record CheckedYaml(JsonNode root, SourcePositions positions, List<BlueprintProblem> problems) {
    public CheckedYaml {
        requireNonNull(positions, "positions is null");
        problems = problems.stream().sorted(BlueprintProblem.ORDER).toList();
    }
}
