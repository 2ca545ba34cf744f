package dev.l2o.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatedBlueprintsTest {
    private static final String BLUEPRINT = text(RepositoryFiles.exampleBlueprint());

    /** Breaks only the schema ({@code minimum: 1}); no other check looks at the value. */
    private static final String OUT_OF_SCHEMA = BLUEPRINT.replace("maxDaysInStage: 30", "maxDaysInStage: 0");

    @TempDir
    Path cache;

    @Test
    void a_blueprint_that_passes_is_recorded_and_found_the_next_time() {
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0");
        assertThat(validated.contains(BLUEPRINT)).isFalse();

        BlueprintLoader.parse(BLUEPRINT, "b.yaml", validated);

        assertThat(validated.contains(BLUEPRINT)).isTrue();
        assertThat(ValidatedBlueprints.in(cache, "1.0").contains(BLUEPRINT)).isTrue();
        assertThat(entries()).isOne();
    }

    @Test
    void recording_past_the_limit_deletes_the_least_recently_used_entries() throws IOException {
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0", 3);
        validated.add("a");
        validated.add("b");
        validated.add("c");
        // used in the order a, b, c; then a again (a hit marks its entry used): b is now the least recently used
        usedAgo(validated, "a", 3_000);
        usedAgo(validated, "b", 2_000);
        usedAgo(validated, "c", 1_000);
        assertThat(validated.contains("a")).isTrue();

        validated.add("d");

        assertThat(entries()).isEqualTo(3);
        assertThat(validated.contains("b")).isFalse();
        assertThat(validated.contains("a")).isTrue();
        assertThat(validated.contains("c")).isTrue();
        assertThat(validated.contains("d")).isTrue();
    }

    private static void usedAgo(ValidatedBlueprints validated, String yaml, long millis) throws IOException {
        Files.setLastModifiedTime(validated.entry(yaml), FileTime.fromMillis(System.currentTimeMillis() - millis));
    }

    @Test
    void a_changed_blueprint_or_another_version_of_l2o_is_not_trusted() {
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0");
        BlueprintLoader.parse(BLUEPRINT, "b.yaml", validated);

        assertThat(validated.contains(BLUEPRINT.replace("name: northwind", "name: southwind"))).isFalse();
        assertThat(validated.contains(BLUEPRINT + "\n")).isFalse();
        assertThat(ValidatedBlueprints.in(cache, "1.1").contains(BLUEPRINT)).isFalse();
    }

    @Test
    void a_blueprint_with_problems_is_never_recorded_and_a_changed_file_is_checked_in_full() {
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0");
        BlueprintLoader.parse(BLUEPRINT, "b.yaml", validated);

        assertThatThrownBy(() -> BlueprintLoader.parse(OUT_OF_SCHEMA, "b.yaml", validated))
                .isInstanceOf(BlueprintException.class)
                .hasMessageContaining("b.yaml:50:");
        assertThat(validated.contains(OUT_OF_SCHEMA)).isFalse();
        assertThat(entries()).isOne();
    }

    @Test
    void a_recorded_blueprint_is_not_checked_against_the_schema_again_but_its_other_checks_run() {
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0");
        validated.add(OUT_OF_SCHEMA); // as if an earlier run had passed it: only the schema check is skipped

        assertThat(BlueprintLoader.parse(OUT_OF_SCHEMA, "b.yaml", validated).blueprint().metadata().name())
                .isEqualTo("northwind-new-business");
        String contradiction = OUT_OF_SCHEMA.replace("closed: true\n      won: true", "closed: false\n      won: true");
        validated.add(contradiction);
        assertThatThrownBy(() -> BlueprintLoader.parse(contradiction, "b.yaml", validated))
                .isInstanceOf(BlueprintException.class);
    }

    @Test
    void a_recorded_blueprint_has_its_cel_compiled_by_the_run_that_evaluates_it_not_by_the_loader() {
        String badCel = BLUEPRINT.replace("require: \"has(opp.Close_Plan__c)\"", "require: \"has(opp.Close_Plan__c) &&\"");
        assertThat(badCel).isNotEqualTo(BLUEPRINT);
        ValidatedBlueprints validated = ValidatedBlueprints.in(cache, "1.0");
        assertThatThrownBy(() -> BlueprintLoader.parse(badCel, "b.yaml", validated))
                .isInstanceOf(BlueprintException.class)
                .hasMessageContaining("is not valid CEL");

        validated.add(badCel); // as if an earlier run had passed it: its expressions compiled then

        assertThat(BlueprintLoader.parse(badCel, "b.yaml", validated).blueprint().rules()).hasSize(1);
    }

    @Test
    void a_cache_that_cannot_be_written_only_means_checking_again(@TempDir Path folder) throws IOException {
        Path notADirectory = Files.writeString(folder.resolve("file"), "x", StandardCharsets.UTF_8);
        ValidatedBlueprints validated = ValidatedBlueprints.in(notADirectory.resolve("l2o"), "1.0");

        assertThat(BlueprintLoader.parse(BLUEPRINT, "b.yaml", validated).blueprint().metadata().name())
                .isEqualTo("northwind-new-business");
        assertThat(validated.contains(BLUEPRINT)).isFalse();
        assertThatThrownBy(() -> BlueprintLoader.parse(OUT_OF_SCHEMA, "b.yaml", validated))
                .isInstanceOf(BlueprintException.class);
    }

    @Test
    void none_remembers_nothing() {
        BlueprintLoader.parse(BLUEPRINT, "b.yaml", ValidatedBlueprints.none());

        assertThat(ValidatedBlueprints.none().contains(BLUEPRINT)).isFalse();
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long entries() {
        try (Stream<Path> files = Files.list(cache)) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
