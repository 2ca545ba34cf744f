package dev.l2o.cli;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Writes the files the command line produces (reports, drafted blueprints) so that no reader sees half a file and
 * a crash mid-write leaves the previous file as it was.
 *
 * <p>Report files are written only inside their {@code --out} folder and only over files l2o wrote: each folder
 * l2o writes reports to holds a {@value #MARKER} file naming the report files it wrote there. A file of another
 * name is never replaced, and a symbolic link (the report file itself, or a folder on the way to it) that leads
 * out of {@code --out} is refused.
 */
final class ReportOutput {
    /** The file, in each folder l2o writes reports to, that names the files l2o wrote there (one a line). */
    static final String MARKER = ".l2o-report";
    private static final String MARKER_HEADER = "# files written by l2o (https://l2o.dev); l2o overwrites only the files named here";

    private ReportOutput() {}

    /**
     * Writes one report file under {@code root} (the {@code --out} folder, or the folder of an {@code --out} file):
     * atomically, and only when the file is l2o's to write.
     *
     * @throws L2oException BAD_ARGUMENT when a symbolic link on the way leads out of {@code root}, or the file
     *     exists and l2o did not write it; UNREADABLE_FILE when the file system refuses
     */
    static void writeReport(Path root, Path file, Consumer<OutputStream> content) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        try {
            Path realRoot = createFolder(root.toAbsolutePath().normalize()).toRealPath();
            Path relative = root.toAbsolutePath().normalize().relativize(folder);
            Path current = root.toAbsolutePath().normalize();
            for (Path part : relative) {
                current = current.resolve(part);
                refuseLinkOutside(current, realRoot, root);
                createFolder(current);
            }
            refuseLinkOutside(file, realRoot, root);
            Set<String> ours = markedFiles(folder);
            String name = file.getFileName().toString();
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file) && !ours.contains(name)) {
                throw new L2oException(ErrorCode.BAD_ARGUMENT, file + ": exists and l2o did not write it (it is not named in "
                        + folder.resolve(MARKER) + "); remove it or choose another --out");
            }
            if (!ours.contains(name)) {
                // named before it is written: a crash in between leaves a file l2o may overwrite, never one it may not
                Set<String> marked = new TreeSet<>(ours);
                marked.add(name);
                writeAtomically(folder.resolve(MARKER), out -> writeLines(out, marked));
            }
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write " + file + ": " + e.getMessage(), e);
        }
        writeAtomically(file, content);
    }

    private static Path createFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            Files.createDirectories(folder);
        }
        return folder;
    }

    private static void refuseLinkOutside(Path path, Path realRoot, Path root) {
        if (!Files.isSymbolicLink(path)) {
            return;
        }
        Optional<Path> target;
        try {
            target = Optional.of(path.toRealPath());
        } catch (IOException dangling) {
            target = Optional.empty();
        }
        if (target.isEmpty() || !target.get().startsWith(realRoot)) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, path + ": is a symbolic link to "
                    + target.map(Path::toString).orElse("a missing file") + ", outside --out " + root + "; l2o does not write through it");
        }
    }

    private static Set<String> markedFiles(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#") && !line.contains("/") && !line.equals(MARKER)) {
                names.add(line.strip());
            }
        }
        return names;
    }

    private static void writeLines(OutputStream out, Set<String> names) {
        StringBuilder text = new StringBuilder(MARKER_HEADER).append('\n');
        names.forEach(name -> text.append(name).append('\n'));
        try {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary files are private (0600); a report is for sharing (CI artifacts, web servers), as any file written directly is. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes to a temporary file beside {@code file}, then moves it into place: readers never see half a report. */
    static void writeAtomically(Path file, Consumer<OutputStream> content) {
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    content.accept(out);
                }
                readableByAll(temporary);
                try {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
