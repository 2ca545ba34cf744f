package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders an {@link AuditReport} in one format. Stateless and thread-safe; equal reports give byte-identical
 * output.
 */
public interface ReportWriter {
    /** The {@code --format} name ({@code json}, {@code text}, …). */
    String format();

    /** The file name under {@code --out} ({@code report.json}). */
    String defaultFileName();

    /** Writes the report as judged by {@code context}; does not close {@code out}. */
    void write(AuditReport report, ReportContext context, OutputStream out) throws IOException;
}
