package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report in a real browser: it renders without console errors at phone, tablet and desktop widths, never
 * scrolls sideways from 360 to 1920 px, its script runs, and its print stylesheet gives paper with every finding.
 * The screenshots are kept as {@code target/screenshots/northwind-WIDTH.png} for people to look at.
 */
class HtmlScreenshotTest {
    private static Chromium chromium;

    @TempDir
    Path folder;

    @BeforeAll
    static void browser() {
        Optional<Chromium> found = Chromium.find();
        if (found.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("chromium is missing on CI: .ci/run installs it with apt-get install -y chromium");
        }
        Assumptions.assumeTrue(found.isPresent(),
                "skipped: Debian's chromium is not installed and cannot be installed here (needs root and apt-get)");
        chromium = found.get();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {375, 768, 1400})
    void theNorthwindReportRendersWithoutConsoleErrors(int width) throws IOException {
        // given
        Path page = Files.writeString(folder.resolve("report.html"),
                Northwind.render(new HtmlReportWriter(), Northwind.report(), ReportContext.DEFAULT));
        Path png = Path.of("target", "screenshots", "northwind-" + width + ".png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);

        // when
        Chromium.Run run = chromium.screenshot(page, png, folder.resolve("profile"), width, 2000);

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(pngSize(png)).containsExactly(width, 2000);
        assertThat(Files.size(png)).as("a page with content, not a blank one").isGreaterThan(40_000L * width / 375);
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {360, 375, 768, 1024, 1920})
    void theNorthwindReportNeverScrollsSideways(int width) throws IOException {
        // given
        String html = Northwind.render(new HtmlReportWriter(), Northwind.report(), ReportContext.DEFAULT);
        Path page = Files.writeString(folder.resolve("measure.html"), measuring(html, width));

        // when
        Chromium.Run run = chromium.dumpDom(page, folder.resolve("profile"));

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.pageErrors()).isEmpty();
        Matcher measured = MEASURED.matcher(run.out());
        assertThat(measured.find()).as("the measuring script ran: %s", run.err()).isTrue();
        int scrollWidth = Integer.parseInt(measured.group(1));
        int innerWidth = Integer.parseInt(measured.group(2));
        assertThat(innerWidth).as("the viewport is as wide as asked").isEqualTo(width);
        assertThat(scrollWidth).as("document.documentElement.scrollWidth at %d px", width).isLessThanOrEqualTo(innerWidth);
    }

    @Test
    void printingTheReportShowsEveryFindingAndEveryPieceOfEvidenceUnderAHeaderOnEveryPage() throws IOException {
        // given
        AuditReport report = Northwind.report();
        Path page = Files.writeString(folder.resolve("report.html"), Northwind.render(new HtmlReportWriter(), report, ReportContext.DEFAULT));
        Path pdf = folder.resolve("printed.pdf");

        // when
        Chromium.Run run = chromium.printToPdf(page, pdf, folder.resolve("profile"));

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        PdfPages.assertPaperShowsAllOf(report, Files.readAllBytes(pdf));
    }

    @Test
    void theFindingsFilterScriptRunsInTheBrowser() throws IOException {
        // given
        AuditReport report = Northwind.report();
        Path page = Files.writeString(folder.resolve("report.html"),
                Northwind.render(new HtmlReportWriter(), report, ReportContext.DEFAULT));

        // when
        Chromium.Run run = chromium.dumpDom(page, folder.resolve("profile"));

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        int total = report.findings().size();
        assertThat(run.out()).contains("Showing " + total + " of " + total + " findings");
        assertThat(run.pageErrors()).isEmpty();
    }

    @Test
    void aScriptErrorInAPageIsCaught() throws IOException {
        // given
        Path page = Files.writeString(folder.resolve("broken.html"),
                "<!DOCTYPE html><html><body><p>x</p><script>document.getElementById('none').textContent = 'y';</script></body></html>",
                StandardCharsets.UTF_8);

        // when
        Chromium.Run run = chromium.dumpDom(page, folder.resolve("profile"));

        // then
        assertThat(run.pageErrors()).anySatisfy(line -> assertThat(line).contains("Uncaught TypeError"));
    }

    private static final Pattern MEASURED = Pattern.compile("data-measured=\"(\\d+) (\\d+)\"");

    /**
     * A page that shows {@code html} in a frame {@code width} px wide (a headless window is at least 500 px wide) and,
     * once it has loaded, writes the frame's {@code scrollWidth} and {@code innerWidth} into the DOM for --dump-dom.
     */
    private static String measuring(String html, int width) {
        String escaped = html.replace("&", "&amp;").replace("\"", "&quot;");
        return "<!DOCTYPE html><html><body style=\"margin: 0\"><iframe id=\"report\" style=\"border: 0; width: " + width
                + "px; height: 900px\" srcdoc=\"" + escaped + "\"></iframe><script>window.addEventListener('load', function () {"
                + " var frame = document.getElementById('report').contentWindow; document.body.setAttribute('data-measured',"
                + " frame.document.documentElement.scrollWidth + ' ' + frame.innerWidth); });</script></body></html>";
    }

    /** Width and height from the PNG header. */
    private static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            data.readInt();
            assertThat(new String(data.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            return new int[] {data.readInt(), data.readInt()};
        }
    }
}
