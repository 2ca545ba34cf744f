package dev.l2o.rules.testing;

import dev.l2o.testing.RepositoryFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.l2o.blueprint.Blueprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads blueprints for rule tests. The one place that parses YAML in these tests: switch it to
 * {@code dev.l2o.blueprint.BlueprintLoader} when that lands.
 */
public final class TestBlueprints {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The contract's example blueprint, {@code shared/examples/blueprint.yaml}. */
    public static final Path EXAMPLE = RepositoryFiles.exampleBlueprint();

    private TestBlueprints() {}

    public static Blueprint parse(String yaml) {
        try {
            return MAPPER.readValue(yaml, Blueprint.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Blueprint read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
