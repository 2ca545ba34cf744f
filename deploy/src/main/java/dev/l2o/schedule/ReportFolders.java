package dev.l2o.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The report folders of one audit: {@code <outputDirectory>/<run timestamp>/}, written in a hidden temporary
 * sibling and published with one atomic rename, so that a reader never sees a half-written run and a run
 * stopped midway leaves nothing in place of its reports.
 */
final class ReportFolders {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP_MILLIS = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String TEMPORARY_PREFIX = ".tmp-";

    private final Path outputDirectory;

    ReportFolders(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /**
     * The folder name of a run: its fire time in UTC, e.g. {@code 20260123T020000Z}; with milliseconds when it
     * has them (a fire run late after a misfire), so that two runs never share a folder.
     */
    static String stamp(Instant fireTime) {
        return (fireTime.toEpochMilli() % 1000 == 0 ? STAMP : STAMP_MILLIS).format(fireTime);
    }

    Path finalFolder(Instant fireTime) {
        return outputDirectory.resolve(stamp(fireTime));
    }

    /**
     * Creates an empty private folder for a run, removing what an earlier, stopped attempt at the same fire
     * time left behind.
     */
    Path createTemporary(Instant fireTime) throws IOException {
        Files.createDirectories(outputDirectory);
        String prefix = TEMPORARY_PREFIX + stamp(fireTime) + "-";
        try (Stream<Path> leftovers = Files.list(outputDirectory)) {
            for (Path leftover : leftovers.filter(path -> path.getFileName().toString().startsWith(prefix)).toList()) {
                deleteRecursively(leftover);
            }
        }
        Path folder = outputDirectory.resolve(prefix + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectory(folder);
        return folder;
    }

    /** A temporary file beside the run folders (same file system), for the previous or the current snapshot. */
    Path temporaryFile(Instant fireTime, String suffix) {
        return outputDirectory.resolve(TEMPORARY_PREFIX + stamp(fireTime) + "-" + UUID.randomUUID().toString().substring(0, 8) + suffix);
    }

    /**
     * Publishes a finished run folder under its final name with one atomic rename. A folder already there
     * (an earlier attempt that published but was not recorded) is replaced.
     */
    Path publish(Path temporary, Instant fireTime) throws IOException {
        Path target = finalFolder(fireTime);
        Path replaced = null;
        if (Files.exists(target)) {
            replaced = temporaryFile(fireTime, ".replaced");
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot publish " + target + " atomically: the folder is on a file system without atomic renames", e);
        }
        if (replaced != null) {
            deleteRecursively(replaced);
        }
        return target;
    }

    /** Deletes a run's published folder if it lies inside this audit's output folder (never anything else). */
    void deletePublished(Path folder) throws IOException {
        Path normalized = folder.toAbsolutePath().normalize();
        if (normalized.getParent() != null && normalized.getParent().equals(outputDirectory.toAbsolutePath().normalize())) {
            deleteRecursively(normalized);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary file is removed by the next attempt at the same fire time
        }
    }
}
