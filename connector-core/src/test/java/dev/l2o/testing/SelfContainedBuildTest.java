package dev.l2o.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SelfContainedBuildTest {
    /** Spelled in two parts so that this file does not name the folder it forbids. */
    private static final String SIBLING_FOLDER = "../" + "shared";
    /** Build output, version control and editor folders: not files of the project. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea");

    @Test
    void noFileOfTheRepositoryNamesAFolderOutsideIt() throws IOException {
        // given
        Path root = RepositoryFiles.root();

        // when
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(file -> isProjectFile(root.relativize(file)))
                    .filter(Files::isRegularFile)
                    .filter(SelfContainedBuildTest::namesTheSiblingFolder)
                    .map(file -> root.relativize(file).toString())
                    .sorted()
                    .toList();
        }

        // then
        assertThat(offenders).as("files that read or name a folder beside the repository").isEmpty();
    }

    @Test
    void theRepositoryRootHoldsTheExamples() {
        assertThat(RepositoryFiles.exampleBlueprint()).isRegularFile();
        assertThat(RepositoryFiles.file("examples/hubspot/portal.json")).isRegularFile();
    }

    private static boolean isProjectFile(Path relative) {
        return !relative.startsWith(Path.of("bench", "out"))
                && Stream.of(relative.toString().split("/")).noneMatch(SKIPPED_FOLDERS::contains);
    }

    private static boolean namesTheSiblingFolder(Path file) {
        try {
            if (Files.size(file) > 4_000_000) {
                return false;
            }
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SIBLING_FOLDER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
