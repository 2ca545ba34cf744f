package dev.l2o.report;

import dev.l2o.rules.Finding;
import dev.l2o.snapshot.Change;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The terminal summary of a diff: the changes one per line, then the findings introduced and resolved. */
public final class TextDiffWriter implements DiffWriter {
    @Override
    public String format() {
        return "text";
    }

    @Override
    public String defaultFileName() {
        return "diff.txt";
    }

    @Override
    public void write(DiffReport report, ReportContext context, OutputStream stream) throws IOException {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.println("l2o diff · " + source(report.before().type(), report.before().location()) + " → "
                + source(report.after().type(), report.after().location()));
        if (!report.complete()) {
            out.println("INCOMPLETE: a source could not be read fully, so this comparison cannot pass:");
            report.incompleteReasons().forEach(reason -> out.println("  - " + reason));
        }
        List<Change> changes = report.changes().changes();
        out.println(changes.isEmpty() ? "No configuration changes." : Markdown.count(changes.size(), "configuration change") + ":");
        for (Change change : changes) {
            out.println("  " + symbol(change) + " " + change.description() + values(change));
            report.setupChange(change).ifPresent(setup -> out.println("      " + ChangeTexts.of(setup)));
        }
        if (report.audited()) {
            out.println();
            out.println("Against blueprint " + report.blueprintName() + ": " + Markdown.count(report.introduced().size(), "finding")
                    + " introduced, " + report.resolved().size() + " resolved, " + report.unchanged() + " unchanged"
                    + (context.fails(report) ? " — fails at --fail-on " + context.failOnName() : ""));
            findings(out, "Introduced", report.introduced());
            findings(out, "Resolved", report.resolved());
        }
        out.flush();
    }

    static String symbol(Change change) {
        return switch (change.kind()) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case MODIFIED -> "~";
        };
    }

    private static String values(Change change) {
        return switch (change.kind()) {
            case ADDED, REMOVED -> "";
            case MODIFIED -> ": " + (change.before() == null ? "none" : change.before()) + " → "
                    + (change.after() == null ? "none" : change.after());
        };
    }

    private static void findings(PrintWriter out, String title, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        out.println(title + ":");
        for (Finding f : findings) {
            out.println("  " + f.severity().id().toUpperCase(Locale.ROOT) + " " + f.ruleId() + "  " + f.subject());
            out.println("      " + f.message());
        }
    }

    static String source(String type, String location) {
        return location.isEmpty() ? type : type + ":" + location;
    }
}
