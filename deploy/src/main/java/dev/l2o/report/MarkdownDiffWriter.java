package dev.l2o.report;

import dev.l2o.snapshot.Change;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A diff as a pull-request comment: the verdict, the findings the change introduces and resolves, and what
 * changed in the configuration. Under GitHub's comment limit, cut between table rows with a note when longer.
 */
public final class MarkdownDiffWriter implements DiffWriter {
    private final int limit;

    public MarkdownDiffWriter() {
        this(Markdown.GITHUB_COMMENT_LIMIT);
    }

    /** A writer with a smaller size limit (tests). */
    MarkdownDiffWriter(int limit) {
        this.limit = limit;
    }

    @Override
    public String format() {
        return "md";
    }

    @Override
    public String defaultFileName() {
        return "diff.md";
    }

    @Override
    public void write(DiffReport report, ReportContext context, OutputStream out) throws IOException {
        out.write(render(report, context).getBytes(StandardCharsets.UTF_8));
    }

    String render(DiffReport report, ReportContext context) {
        Markdown.Bounded doc = new Markdown.Bounded(limit);
        StringBuilder head = new StringBuilder("## l2o diff");
        if (report.audited()) {
            head.append(" · ").append(Markdown.cell(report.blueprintName()));
        }
        head.append("\n\n");
        if (report.audited()) {
            long failing = report.introduced().stream().filter(context::fails).count();
            head.append(context.fails(report)
                    ? "❌ **This change introduces " + Markdown.count(failing, "finding") + " at or above `" + context.failOnName() + "`**"
                    : "✅ **No new findings at or above `" + context.failOnName() + "`**").append("\n\n");
        }
        head.append(Markdown.code(TextDiffWriter.source(report.before().type(), report.before().location()))).append(" → ")
                .append(Markdown.code(TextDiffWriter.source(report.after().type(), report.after().location()))).append("\n\n");
        if (!report.complete()) {
            head.append("> [!CAUTION]\n> **Incomplete**: a source could not be read fully, so this comparison cannot pass.\n");
            report.incompleteReasons().forEach(reason -> head.append("> - ").append(Markdown.cell(reason)).append('\n'));
            head.append('\n');
        }
        head.append("| | Count |\n|---|---:|\n| Configuration changes | ").append(report.changes().changes().size()).append(" |\n");
        if (report.audited()) {
            head.append("| Findings introduced | ").append(report.introduced().size()).append(" |\n")
                    .append("| Findings resolved | ").append(report.resolved().size()).append(" |\n")
                    .append("| Findings unchanged | ").append(report.unchanged()).append(" |\n");
        }
        doc.add(head.append('\n').toString());
        if (report.audited()) {
            if (!report.introduced().isEmpty()) {
                doc.add("### Findings introduced\n\n");
                doc.table(Markdown.FINDINGS_HEADER, report.introduced().stream()
                        .map(f -> Markdown.findingRow(f, FindingLocations.where(report.afterAudit(), f))).toList());
                doc.add("\n");
            }
            if (!report.resolved().isEmpty()) {
                doc.add("### Findings resolved\n\n");
                doc.table(Markdown.FINDINGS_HEADER, report.resolved().stream()
                        .map(f -> Markdown.findingRow(f, FindingLocations.where(report.beforeAudit(), f))).toList());
                doc.add("\n");
            }
        }
        List<Change> changes = report.changes().changes();
        if (changes.isEmpty()) {
            doc.add("### What changed\n\nNo configuration changes.\n\n");
        } else {
            doc.add("### What changed\n\n");
            doc.table("| | Change | Before | After | Where |\n|---|---|---|---|---|\n", changes.stream().map(change -> row(change, report)).toList());
            doc.add("\n");
        }
        doc.add("<sub>l2o " + report.toolVersion() + "</sub>\n");
        return doc.finish("Run `l2o diff` with `--format json` for the full list.");
    }

    private static String row(Change change, DiffReport report) {
        String where = change.subject().file() == null ? change.subject().address()
                : change.subject().file() + (change.subject().line() > 0 ? ":" + change.subject().line() : "");
        String description = Markdown.cell(change.description())
                + report.setupChange(change).map(setup -> "<br>" + Markdown.cell(ChangeTexts.of(setup))).orElse("");
        return "| " + change.kind().name().toLowerCase(Locale.ROOT) + " | " + description + " | "
                + Markdown.code(change.before()) + " | " + Markdown.code(change.after()) + " | " + Markdown.code(where) + " |\n";
    }
}
