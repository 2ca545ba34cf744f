package dev.l2o.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders a {@link DiffReport} in one format ({@code text}, {@code json}, {@code md}). Stateless and thread-safe;
 * equal reports give byte-identical output.
 */
public interface DiffWriter {
    /** The {@code --format} name. */
    String format();

    /** The file name under a folder given as {@code --out} ({@code diff.md}). */
    String defaultFileName();

    /** Writes the report as judged by {@code context}; does not close {@code out}. */
    void write(DiffReport report, ReportContext context, OutputStream out) throws IOException;
}
