package dev.l2o.metrics;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary directory (under {@code java.io.tmpdir} unless told otherwise) for the rows and durations of a
 * history too large for the heap. {@link #close} deletes it with every file in it, also after a failure, so
 * nothing outlives the computation. Confined to one computation.
 */
final class SpillDirectory implements AutoCloseable {
    private final Path directory;
    private final List<Path> files = new ArrayList<>();

    private SpillDirectory(Path directory) {
        this.directory = directory;
    }

    /** A new directory in {@code parent}, or in {@code java.io.tmpdir} when {@code parent} is null. */
    static SpillDirectory create(Path parent) {
        try {
            return new SpillDirectory(parent == null
                    ? Files.createTempDirectory("l2o-metrics-")
                    : Files.createTempDirectory(parent, "l2o-metrics-"));
        } catch (IOException e) {
            throw failure("cannot create a temporary directory in "
                    + (parent == null ? System.getProperty("java.io.tmpdir") : parent), e);
        }
    }

    /** A path for a new file in the directory; the caller creates it. */
    Path newFile(String prefix) {
        Path file = directory.resolve(prefix + "-" + files.size() + ".bin");
        files.add(file);
        return file;
    }

    Path path() {
        return directory;
    }

    /** The error for a temporary file that cannot be written or read back: one line, naming the file. */
    static L2oException failure(String what, IOException e) {
        return new L2oException(ErrorCode.INTERNAL_ERROR, what + ": " + e.getMessage()
                + " (history too large for the heap is spilled to java.io.tmpdir; -Djava.io.tmpdir=DIR moves it)", e);
    }

    static L2oException failure(Path file, UncheckedIOException e) {
        return failure("cannot write or read the temporary file " + file, e.getCause());
    }

    @Override
    public void close() {
        IOException first = null;
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw failure("cannot delete the temporary directory " + directory, first);
        }
    }
}
