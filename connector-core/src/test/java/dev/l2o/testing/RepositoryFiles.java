package dev.l2o.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository for tests, resolved from the repository root rather than from the working directory,
 * so that a test reads the same file whichever module or IDE runs it, and never a file outside the clone.
 *
 * <p>Surefire sets {@code l2o.repoRoot} from {@code maven.multiModuleProjectDirectory}; without it (an IDE run)
 * the root is the nearest folder above the working directory that holds both {@code pom.xml} and
 * {@code examples/}.
 */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    /** The repository's root folder. */
    public static Path root() {
        String property = System.getProperty("l2o.repoRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("examples"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath() + " and no -Dl2o.repoRoot");
    }

    /** {@code relative} (a path with forward slashes, such as {@code examples/northwind}) below the root. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The contract's example blueprint, kept verbatim as the Northwind example's blueprint. */
    public static Path exampleBlueprint() {
        return file("examples/northwind/blueprint.yaml");
    }
}
