package dev.l2o.blueprint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.testing.FuzzCorpus;
import dev.l2o.testing.ReaderFuzzTest;
import dev.l2o.testing.ResultOrUserError;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlueprintLoaderFuzzTest {
    @TempDir
    static Path folder;

    @ReaderFuzzTest
    void blueprint(byte[] input) throws Exception {
        load(input);
    }

    @Test
    void mutatedBlueprintsGiveABlueprintOrAOneLineUserError() {
        FuzzCorpus.check(getClass(), "blueprint", 100, BlueprintLoaderFuzzTest::load);
    }

    @Test
    void billionLaughsAreRefusedWithoutExpandingTheAliases() {
        // given: nine levels of nine aliases each, 387 million strings once expanded
        StringBuilder yaml = new StringBuilder("apiVersion: l2o/v1\nkind: Blueprint\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (String name : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
            yaml.append(name).append(": &").append(name).append(" [").append(String.join(",", Collections.nCopies(9, "*" + previous)))
                    .append("]\n");
            previous = name;
        }

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.parse(yaml.toString(), "laughs.yaml"))
                .isInstanceOfSatisfying(BlueprintException.class, ResultOrUserError::assertUserError)
                .hasMessageStartingWith("laughs.yaml:");
    }

    @Test
    void deepFlowNestingIsAYamlSyntaxErrorAtItsPosition() {
        // given
        String yaml = "apiVersion: l2o/v1\nkind: Blueprint\nmetadata: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.parse(yaml, "deep.yaml"))
                .isInstanceOfSatisfying(BlueprintException.class, ResultOrUserError::assertUserError)
                .hasMessage("deep.yaml:3:75: YAML syntax error: the document nests deeper than 64 levels");
    }

    @Test
    void deepBlockNestingIsAYamlSyntaxError() {
        // given
        StringBuilder yaml = new StringBuilder("apiVersion: l2o/v1\nkind: Blueprint\n");
        for (int depth = 0; depth < 1000; depth++) {
            yaml.append(" ".repeat(depth)).append("k").append(depth).append(":\n");
        }

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.parse(yaml.toString(), "deep.yaml"))
                .isInstanceOfSatisfying(BlueprintException.class, ResultOrUserError::assertUserError)
                .hasMessageEndingWith("YAML syntax error: the document nests deeper than 64 levels");
    }

    @Test
    void textBeyondTheCodePointLimitIsAOneLineError() {
        // given: a comment of more code points than the reader takes
        String yaml = "apiVersion: l2o/v1\nkind: Blueprint\n# " + "x".repeat(YamlTree.MAX_CODE_POINTS) + "\n";

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.parse(yaml, "long.yaml"))
                .isInstanceOfSatisfying(BlueprintException.class, ResultOrUserError::assertUserError)
                .hasMessageStartingWith("long.yaml:");
    }

    @Test
    void aGigabyteFileIsRefusedAfterReadingNoMoreThanTheLimit() throws IOException {
        // given: one line of 1 GiB (a sparse file: no disk is used)
        Path file = folder.resolve("huge.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.write("apiVersion: l2o/v1\nkind: Blueprint\n# ".getBytes(UTF_8));
            raf.setLength(1L << 30);
        }

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.load(file))
                .isInstanceOfSatisfying(BlueprintException.class, ResultOrUserError::assertUserError)
                .hasMessage(file + ":1:1: the file is larger than 1 MiB; a blueprint is a few kilobytes of YAML");
    }

    @Test
    void invalidUtf8IsAOneLineError() throws IOException {
        // given
        Path file = Files.write(folder.resolve("latin.yaml"), "apiVersion: l2o/v1\nkind: Blueprint\n# \u00e9\n".getBytes(
                StandardCharsets.ISO_8859_1));

        // when / then
        assertThatThrownBy(() -> BlueprintLoader.load(file))
                .isInstanceOf(BlueprintException.class)
                .hasMessage(file + ":1:1: the file is not UTF-8 text");
    }

    @Test
    void theExampleBlueprintsStillLoad() {
        // given
        byte[] northwind = FuzzCorpus.seeds(getClass(), "blueprint").stream()
                .filter(seed -> new String(seed, UTF_8).contains("name: northwind-new-business"))
                .findFirst()
                .orElseThrow();

        // when
        LoadedBlueprint loaded = BlueprintLoader.parse(new String(northwind, UTF_8), "northwind.yaml");

        // then
        assertThat(loaded.blueprint().opportunityLifecycle().stages()).isNotEmpty();
    }

    private static void load(byte[] input) throws Exception {
        Path file = Files.write(folder.resolve("blueprint.yaml"), input);
        ResultOrUserError.check(() -> BlueprintLoader.load(file));
    }
}
