package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.audit.AuditReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportWriterTest {
    @TempDir
    Path folder;

    @Test
    void theNorthwindDemoReportOpensWithItsHeadlineUnderTheHeaderThatEveryPageRepeats() {
        // given
        AuditReport report = Northwind.report();

        // when
        List<String> pages = PdfPages.textByPosition(render(report));

        // then
        assertThat(pages).hasSizeBetween(6, 14);
        assertThat(pages.get(0)).contains("northwind-new-business", "L2O · LEAD-TO-ORDER ARCHITECTURE AUDIT", "CRM salesforce",
                "Fails at --fail-on error", "Maturity index", "1.7", "A Revenue Machine scores 3.0", "Dimensions");
        assertThat(pages.get(pages.size() - 1)).contains("page " + pages.size() + " of " + pages.size());
    }

    @Test
    void paperShowsEveryFindingAndEveryPieceOfEvidenceAndEachSectionStartsAPage() {
        // given
        AuditReport report = Northwind.report();

        // when
        byte[] pdf = render(report);

        // then
        PdfPages.assertPaperShowsAllOf(report, pdf);
    }

    @Test
    void theHubSpotDemoReportRendersWithItsOwnHeadline() {
        // given
        AuditReport report = HubSpotDemo.report(folder);

        // when
        byte[] pdf = render(report);

        // then
        List<String> pages = PdfPages.textByPosition(pdf);
        assertThat(pages).hasSizeBetween(5, 14);
        assertThat(pages.get(0)).contains("brightwave-new-business", "CRM hubspot", "Maturity index", "Dimensions");
        PdfPages.assertPaperShowsAllOf(report, pdf);
    }

    @Test
    void equalReportsGiveEqualBytesDatedByTheAsOfTime() throws IOException {
        // given
        AuditReport report = Northwind.report();

        // when
        byte[] first = render(report);
        byte[] second = render(report);

        // then
        assertThat(second).isEqualTo(first);
        try (PDDocument document = Loader.loadPDF(first)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(report.asOf());
            assertThat(document.getDocumentInformation().getModificationDate().toInstant()).isEqualTo(report.asOf());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("l2o audit · northwind-new-business");
        }
    }

    @Test
    void theFontsAreEmbeddedAndTheChartsAreVectorGraphicsNotImages() throws IOException {
        // given
        AuditReport report = Northwind.report();

        // when
        byte[] pdf = render(report);

        // then
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            List<COSName> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                collect(page.getResources(), fonts, images);
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVu");
            });
            assertThat(images).as("raster images").isEmpty();
        }
    }

    @Test
    void aColourTheTemplateDoesNotDeclareIsAnErrorNotASilentlyBlackChart() {
        // given
        String declared = "<style>:root { --ink: #1b2430; }</style><b style=\"color: var(--ink)\"/>";
        String undeclared = "<style>:root { --ink: #1b2430; }</style><svg><rect fill=\"var(--missing)\"/></svg>";

        // when
        String resolved = PdfReportWriter.withCustomPropertiesResolved(declared);

        // then
        assertThat(resolved).isEqualTo("<style>:root { --ink: #1b2430; }</style><b style=\"color: #1b2430\"/>");
        assertThatThrownBy(() -> PdfReportWriter.withCustomPropertiesResolved(undeclared)).hasMessageContaining("var(--missing)");
    }

    @Test
    void theHeaderIsACssStringThatNoReportTextCanEndOrBreak() {
        // when
        String css = HtmlReportWriter.cssString("a\"b\\c</style>&'=`\nd · é");

        // then
        assertThat(css).isEqualTo("a\\22 b\\5c c\\3c /style\\3e \\26 \\27 \\3d \\60 \\a d · é");
    }

    /** Fonts and images of a page's resources, including those of the form XObjects it draws (the charts). */
    private static void collect(PDResources resources, List<PDFont> fonts, List<COSName> images) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                images.add(name);
            } else if (resources.getXObject(name) instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, images);
            }
        }
    }

    private static byte[] render(AuditReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfReportWriter().write(report, ReportContext.DEFAULT, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
