package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * {@code report.html}: one self-contained page for people. Inline CSS, SVG charts and a few lines of script, no
 * network request: the headline maturity score, the six dimensions (radar and bars with their evidence), the
 * findings table filterable by severity, dimension and text, time in stage per stage against its
 * {@code maxDaysInStage}, the funnel and conversion against targets and benchmarks, and the snapshot facts.
 *
 * <p>The page is a Mustache template ({@code report.html.mustache}) filled from {@link HtmlView}, which computes
 * every figure and chart coordinate; the engine escapes all text, so report content cannot inject markup.
 */
public final class HtmlReportWriter implements ReportWriter {
    private static final Template TEMPLATE = compile();

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String defaultFileName() {
        return "report.html";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        TEMPLATE.execute(HtmlView.of(report, context), writer);
        writer.flush();
    }

    private static Template compile() {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream("report.html.mustache")) {
            if (in == null) {
                throw new IllegalStateException("report.html.mustache is missing from the build");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // strictSections: a misspelt name in the template fails loudly instead of rendering nothing.
                return Mustache.compiler().strictSections(true).escapeHTML(true).compile(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
