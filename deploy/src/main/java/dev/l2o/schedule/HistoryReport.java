package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code l2o history} prints: titled tables of printable cells. It prints nothing itself; {@link #text()}
 * renders it as aligned plain text for the command to write.
 */
public record HistoryReport(List<Table> tables) {
    public HistoryReport {
        tables = List.copyOf(tables);
    }

    /**
     * One table.
     *
     * @param title a line above the table
     * @param columns the header
     * @param rows cells, each row as long as the header
     * @param note a line shown instead of the table when it has no rows
     */
    public record Table(String title, List<String> columns, List<List<String>> rows, String note) {
        public Table {
            requireNonNull(title, "title is null");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of '" + title + "' has " + row.size() + " cells for " + columns.size() + " columns");
                }
            }
            requireNonNull(note, "note is null");
        }

        /** The table as aligned text lines: title, header, rule, rows (or the note). */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            lines.add(title);
            if (rows.isEmpty()) {
                lines.add("  " + note);
                return lines;
            }
            int[] widths = new int[columns.size()];
            for (int column = 0; column < columns.size(); column++) {
                widths[column] = columns.get(column).length();
                for (List<String> row : rows) {
                    widths[column] = Math.max(widths[column], row.get(column).length());
                }
            }
            lines.add(line(columns, widths));
            List<String> rules = new ArrayList<>();
            for (int width : widths) {
                rules.add("-".repeat(width));
            }
            lines.add(line(rules, widths));
            rows.forEach(row -> lines.add(line(row, widths)));
            return lines;
        }

        private static String line(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder(" ");
            for (int column = 0; column < cells.size(); column++) {
                line.append(' ').append(cells.get(column)).append(" ".repeat(widths[column] - cells.get(column).length()));
                if (column < cells.size() - 1) {
                    line.append(' ');
                }
            }
            return line.toString().stripTrailing();
        }
    }

    /** All tables as text, separated by blank lines, ending with a line break. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < tables.size(); index++) {
            if (index > 0) {
                text.append('\n');
            }
            tables.get(index).lines().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
