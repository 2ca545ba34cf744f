package dev.l2o.cli;

import dev.l2o.testing.RepositoryFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final Path EXAMPLE = RepositoryFiles.exampleBlueprint();

    @TempDir
    Path temp;

    @Test
    void theContractsExampleBlueprintIsValid() {
        // when
        CliRun run = CliRun.of("validate", EXAMPLE.toString());

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ok (6 stages");
    }

    @Test
    void anUnknownKeyExitsTwoNamingItsLineAndColumn() throws IOException {
        // given
        String yaml = Files.readString(EXAMPLE).replace("      maxDaysInStage: 21\n    - key: evaluation",
                "      maxDaysInStage: 21\n      maxDaysInStge: 3\n    - key: evaluation");
        Path file = temp.resolve("typo.yaml");
        Files.writeString(file, yaml);
        int line = lineOf(yaml, "maxDaysInStge");

        // when
        CliRun run = CliRun.of("validate", file.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":" + line + ":7:").contains("maxDaysInStge");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void printSchemaPrintsTheBlueprintJsonSchema() {
        // when
        CliRun run = CliRun.of("validate", "--print-schema");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"$schema\"").contains("opportunityLifecycle");
    }

    @Test
    void aMissingFileIsAUsageErrorWithOneLine() {
        // when
        CliRun run = CliRun.of("validate", temp.resolve("absent.yaml").toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
