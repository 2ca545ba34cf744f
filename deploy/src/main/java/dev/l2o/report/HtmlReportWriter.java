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
    /** Compiled when a page is first rendered, not when the writer registry is: most CI runs write no HTML. */
    private static final class Compiled {
        static final Template TEMPLATE = compile();
    }

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
        render(report, context, false, writer);
        writer.flush();
    }

    /**
     * What the template needs besides the view: whether the page is laid out for {@code report.pdf} (fonts, no
     * DOCTYPE and no script, so that it is well-formed XML), and the header printed on every page as the content of
     * a CSS string.
     */
    record Paper(boolean pdf, String pageHeader) {}

    /** The page for the screen, or for {@link PdfReportWriter} when {@code pdf}. */
    static void render(AuditReport report, ReportContext context, boolean pdf, Writer writer) {
        HtmlView.Page page = HtmlView.of(report, context);
        String header = page.blueprintName() + " · source " + page.source() + " · as of " + page.asOf();
        Compiled.TEMPLATE.execute(page, new Paper(pdf, cssString(header)), writer);
    }

    /**
     * {@code text} as the inside of a double-quoted CSS string in a {@code <style>} element: quotes, backslashes,
     * control characters and what the template engine would turn into entities (which a style element does not
     * decode) become CSS escapes, so that the header prints exactly and can never end the string or the element.
     */
    static String cssString(String text) {
        StringBuilder css = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || "\\\"&'<>=`".indexOf(c) >= 0) {
                css.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                css.appendCodePoint(c);
            }
        });
        return css.toString();
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
