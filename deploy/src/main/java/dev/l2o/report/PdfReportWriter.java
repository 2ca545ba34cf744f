package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * {@code report.pdf}: the HTML report's template laid out on A4 pages by openhtmltopdf, without a browser. The
 * page's print stylesheet applies (every finding and piece of evidence shown, no filters, a page per section, no row
 * cut in two); the PDF adds the blueprint, source and as-of time at the top of every page and page numbers at the
 * bottom. The fonts (DejaVu, shipped in the jar) are embedded as subsets and the charts stay vector graphics.
 *
 * <p>Equal reports give equal bytes: the creation and modification dates are the report's {@code asOf}, and the
 * document id is a digest of the page, where PDFBox would otherwise take the clock.
 */
public final class PdfReportWriter implements ReportWriter {
    private static final String FONTS = "fonts/";
    private static final List<Font> EMBEDDED = List.of(
            new Font("DejaVuSans.ttf", "DejaVu Sans", 400),
            new Font("DejaVuSans-Bold.ttf", "DejaVu Sans", 700),
            new Font("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400),
            new Font("DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", 700));

    private static final Pattern ROOT_RULE = Pattern.compile(":root\\s*\\{([^}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("--([a-z-]+)\\s*:\\s*([^;]+);");
    private static final Pattern VARIABLE = Pattern.compile("var\\(--([a-z-]+)\\)");

    static {
        // openhtmltopdf reports every CSS property it does not lay out (grid, flexbox) on java.util.logging; the
        // screen needs those rules, and a report writer prints nothing.
        XRLog.setLoggingEnabled(false);
    }

    private record Font(String file, String family, int weight) {}

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String defaultFileName() {
        return "report.pdf";
    }

    @Override
    public void write(AuditReport report, ReportContext context, OutputStream out) throws IOException {
        StringWriter page = new StringWriter();
        HtmlReportWriter.render(report, context, true, page);
        byte[] xhtml = withCustomPropertiesResolved(page.toString()).getBytes(StandardCharsets.UTF_8);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withW3cDocument(parse(xhtml), "about:blank");
        // The page names no file or URL; refusing every request keeps it that way whatever a finding's text says.
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
        for (Font font : EMBEDDED) {
            builder.useFont(() -> resource(font.file()), font.family(), font.weight(), FontStyle.NORMAL, true,
                    EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE));
        }
        builder.withProducer("l2o " + report.toolVersion());
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer(); PDDocument pdf = renderer.createPDFKeepOpen()) {
            // After rendering: openhtmltopdf stamps the creation date from the clock while it writes the pages.
            fixMetadata(pdf, report, xhtml);
            pdf.save(out);
        }
    }

    /**
     * The page with every {@code var(--name)} replaced by the value its {@code :root} rule declares: openhtmltopdf
     * 1.1.65 does not implement CSS custom properties (its issue 114, merged after that release), and Batik, which
     * draws the charts, never will. The page's colours are declared once, in that rule, for screen and paper alike.
     */
    static String withCustomPropertiesResolved(String page) {
        Matcher root = ROOT_RULE.matcher(page);
        if (!root.find()) {
            throw new IllegalStateException("the report template has no :root rule");
        }
        Map<String, String> values = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(root.group(1));
        while (declaration.find()) {
            values.put(declaration.group(1), declaration.group(2).trim());
        }
        return VARIABLE.matcher(page).replaceAll(use -> {
            String value = values.get(use.group(1));
            if (value == null) {
                throw new IllegalStateException("the report template uses var(--" + use.group(1) + ") without declaring it");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /** Dates from the report and an id from its content, so that PDFBox reads no clock. */
    private static void fixMetadata(PDDocument pdf, AuditReport report, byte[] xhtml) {
        Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        asOf.setTimeInMillis(report.asOf().toEpochMilli());
        PDDocumentInformation information = pdf.getDocumentInformation();
        information.setCreationDate(asOf);
        information.setModificationDate(asOf);
        information.setCreator("l2o " + report.toolVersion());
        byte[] id = digest(xhtml);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** The rendered page as XML: no DOCTYPE and no external entity is accepted. */
    private static Document parse(byte[] xhtml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(xhtml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the platform's XML parser lacks a security feature", e);
        } catch (SAXException e) {
            throw new IllegalStateException("the report template does not give well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = PdfReportWriter.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new UncheckedIOException(new IOException(FONTS + file + " is missing from the build"));
        }
        return in;
    }
}
