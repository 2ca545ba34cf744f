package dev.l2o.report;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report writers by format name: the one registry of report formats. What {@code --format} accepts,
 * completes and describes (each command's {@code --format} help), what the schedule file's {@code formats} accept, and which formats
 * the golden report tests check all come from here (CONTRACT.md section 5); a new format is one more writer in
 * {@link #all()}.
 */
public final class ReportWriters {
    private static final List<ReportWriter> ALL = List.of(new TextReportWriter(false), new JsonReportWriter(),
            new MarkdownReportWriter(), new HtmlReportWriter(), new JunitReportWriter(), new SarifReportWriter(), new PdfReportWriter());

    private ReportWriters() {}

    public static List<ReportWriter> all() {
        return ALL;
    }

    /** Every format name, in the order of CONTRACT.md section 5, then {@code pdf}. */
    public static List<String> formats() {
        return ALL.stream().map(ReportWriter::format).toList();
    }

    /** The writer for {@code format}; {@code text} in colour when {@code terminal}. */
    public static ReportWriter forFormat(String format, boolean terminal) {
        if ("text".equals(format)) {
            return new TextReportWriter(terminal);
        }
        return ALL.stream().filter(w -> w.format().equals(format)).findFirst()
                .orElseThrow(() -> new L2oException(ErrorCode.BAD_ARGUMENT, "unknown --format '" + format + "': use one of "
                        + ALL.stream().map(ReportWriter::format).collect(Collectors.joining(", "))));
    }
}
