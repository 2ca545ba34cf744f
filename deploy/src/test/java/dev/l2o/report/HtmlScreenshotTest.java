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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: it renders without console errors and its script runs. The screenshot is
 * kept as {@code target/screenshots/northwind.png} for people to look at.
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

    @Test
    void theNorthwindReportRendersWithoutConsoleErrors() throws IOException {
        // given
        Path page = Files.writeString(folder.resolve("report.html"),
                Northwind.render(new HtmlReportWriter(), Northwind.report(), ReportContext.DEFAULT));
        Path png = Path.of("target", "screenshots", "northwind.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);

        // when
        Chromium.Run run = chromium.screenshot(page, png, folder.resolve("profile"));

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.pageErrors()).isEmpty();
        assertThat(pngSize(png)).containsExactly(1400, 2000);
        assertThat(Files.size(png)).as("a page with content, not a blank one").isGreaterThan(100_000);
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
