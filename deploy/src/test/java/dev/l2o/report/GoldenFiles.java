package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a file under {@code src/test/resources/golden/}; with {@code -Dgolden.update=true} it
 * rewrites the file instead, so that an intended change is one command and a reviewed diff.
 */
final class GoldenFiles {
    static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {}

    static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (write it with -Dgolden.update=true)", file).exists();
            assertThat(actual).as("output differs from %s; if the change is intended, run the test with -Dgolden.update=true", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
