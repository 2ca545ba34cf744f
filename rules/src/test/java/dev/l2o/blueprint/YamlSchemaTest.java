package dev.l2o.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlSchemaTest {
    private static final YamlSchema SCHEMA = BlueprintSchema.schema();

    @Test
    void aSyntaxErrorIsAProblemAtItsPositionAndTheDocumentHasNoRoot() {
        // when
        CheckedYaml yaml = SCHEMA.read("apiVersion: l2o/v1\nkind: [Blueprint\n", "b.yaml");

        // then
        assertThat(yaml.root()).isNull();
        assertThat(yaml.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.format()).startsWith("b.yaml:3:1: YAML syntax error: "));
    }

    @Test
    void structureAndSchemaProblemsComeTogetherInFileOrderWithTheirPositions() {
        // when
        CheckedYaml yaml = SCHEMA.read("""
                apiVersion: l2o/v1
                kind: Blueprint
                kind: Blueprint
                metadata: { name: x, colour: red }
                """, "b.yaml");

        // then
        assertThat(yaml.root().path("metadata").path("name").asText()).isEqualTo("x");
        assertThat(yaml.positions().valueOf("/metadata/name")).contains(new SourcePosition(4, 19));
        assertThat(yaml.problems()).extracting(BlueprintProblem::format).containsExactly(
                "b.yaml:1:1: missing required key 'opportunityLifecycle' in the blueprint",
                "b.yaml:3:1: duplicate key 'kind' (first at line 2)",
                "b.yaml:4:22: unknown key 'colour' in 'metadata'; allowed keys: name, owner, description");
    }

    @Test
    void aValidDocumentHasNoProblems() {
        // when
        CheckedYaml yaml = SCHEMA.read("""
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: x }
                opportunityLifecycle:
                  stages: [{ key: a }]
                """, "b.yaml");

        // then
        assertThat(yaml.problems()).isEmpty();
    }
}
