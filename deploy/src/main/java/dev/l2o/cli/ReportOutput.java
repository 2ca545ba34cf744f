package dev.l2o.cli;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.audit.AuditReport;
import dev.l2o.report.ReportContext;
import dev.l2o.report.ReportWriter;
import dev.l2o.report.ReportWriters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Writes a report in the requested formats: {@code text} to stdout, every other format to a file under --out. */
final class ReportOutput {
    private ReportOutput() {}

    /** Writes and returns the files written; with no formats: text on stdout and report.json. */
    static List<Path> write(AuditReport report, ReportContext context, List<String> formats, Path outDirectory,
            CliEnvironment environment) {
        Set<String> chosen = new LinkedHashSet<>(formats.isEmpty() ? List.of("text", "json") : formats);
        List<Path> written = new ArrayList<>();
        for (String format : chosen) {
            ReportWriter writer = ReportWriters.forFormat(format, environment.terminal());
            if ("text".equals(format)) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                render(writer, report, context, text);
                environment.out().print(text.toString(StandardCharsets.UTF_8));
                environment.out().flush();
                continue;
            }
            Path file = outDirectory.resolve(writer.defaultFileName());
            writeAtomically(file, out -> render(writer, report, context, out));
            written.add(file);
        }
        return written;
    }

    private static void render(ReportWriter writer, AuditReport report, ReportContext context, OutputStream out) {
        try {
            writer.write(report, context, out);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write the " + writer.format() + " report: " + e.getMessage(), e);
        }
    }

    /** Temporary files are private (0600); a report is for sharing (CI artifacts, web servers), as any file written directly is. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Writes to a temporary file beside {@code file}, then moves it into place: readers never see half a report. */
    static void writeAtomically(Path file, java.util.function.Consumer<OutputStream> content) {
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
