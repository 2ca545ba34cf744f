package dev.l2o.report;

import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Markdown shared by the audit and diff writers: escaping for GitHub-flavoured Markdown table cells, the
 * findings table, and a document that stays under GitHub's comment size limit.
 */
final class Markdown {
    /** GitHub refuses issue and pull-request comments longer than this many characters. */
    static final int GITHUB_COMMENT_LIMIT = 65_536;

    static final String FINDINGS_HEADER = "| Severity | Rule | Subject | Finding | Where |\n|---|---|---|---|---|\n";

    private Markdown() {}

    /** Text safe inside a table cell: pipes, backslashes and Markdown punctuation escaped, line breaks as {@code <br>}. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '|', '*', '_', '`', '[', ']', '<', '>', '#', '~' -> out.append('\\').append(c);
                case '\n' -> out.append("<br>");
                case '\r', '\t' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An inline code span that survives backticks and pipes inside the text (for table cells too). */
    static String code(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        String fence = flat.contains("`") ? "`` " : "`";
        String close = flat.contains("`") ? " ``" : "`";
        return fence + flat + close;
    }

    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "🔴 error";
            case WARNING -> "🟠 warning";
            case INFO -> "🔵 info";
        };
    }

    /** One row of {@link #FINDINGS_HEADER}; {@code where} as {@link FindingLocations#where} gives it. */
    static String findingRow(Finding finding, String where) {
        String detail = cell(finding.message());
        if (finding.expected() != null || finding.actual() != null) {
            detail += "<br>expected " + cell(orNone(finding.expected())) + " · actual " + cell(orNone(finding.actual()));
        }
        if (finding.change() != null) {
            detail += "<br>" + cell(ChangeTexts.of(finding.change()));
        }
        return "| " + severity(finding.severity()) + " | " + code(finding.ruleId()) + " | " + code(finding.subject()) + " | "
                + detail + " | " + code(where) + " |\n";
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String score(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String orNone(String text) {
        return text == null ? "none" : text;
    }

    /**
     * A Markdown document with a size budget. Sections are added whole or not at all; table rows one by one, so
     * that a long table is cut between rows. Once anything did not fit, nothing more is added and
     * {@link #finish} appends the truncation note, which the budget always leaves room for.
     */
    static final class Bounded {
        private static final int NOTE_RESERVE = 600;
        private final StringBuilder text = new StringBuilder();
        private final int limit;
        private int omittedRows;
        private boolean truncated;

        Bounded(int limit) {
            this.limit = limit;
        }

        /** Adds {@code block} if it fits; returns whether it did. */
        boolean add(String block) {
            if (truncated || text.length() + block.length() > limit - NOTE_RESERVE) {
                truncated = true;
                return false;
            }
            text.append(block);
            return true;
        }

        /** Adds a table: the header and as many rows as fit; counts the rows left out. */
        void table(String header, List<String> rows) {
            if (rows.isEmpty() || !add(header)) {
                omittedRows += truncated ? rows.size() : 0;
                return;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!add(rows.get(i))) {
                    omittedRows += rows.size() - i;
                    return;
                }
            }
        }

        boolean truncated() {
            return truncated;
        }

        /** The document, with a note naming what was left out and where to find it when it was truncated. */
        String finish(String fullReportHint) {
            if (truncated) {
                text.append("\n> [!WARNING]\n> **Truncated**: this comment stops here to stay under GitHub's limit of ")
                        .append(String.format(Locale.ROOT, "%,d", GITHUB_COMMENT_LIMIT)).append(" characters");
                if (omittedRows > 0) {
                    text.append("; ").append(count(omittedRows, "more row")).append(" not shown");
                }
                text.append(". ").append(fullReportHint).append('\n');
            }
            return text.toString();
        }
    }
}
