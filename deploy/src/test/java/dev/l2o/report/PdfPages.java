package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.audit.AuditReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF page by page, as PDFBox extracts it (what a reader can search and copy). */
final class PdfPages {
    private PdfPages() {}

    /** The text in the order the PDF draws it: what follows the markup. */
    static List<String> text(byte[] pdf) {
        return text(pdf, false);
    }

    /** The text top to bottom and left to right: the first line is what a reader sees first on the page. */
    static List<String> textByPosition(byte[] pdf) {
        return text(pdf, true);
    }

    private static List<String> text(byte[] pdf, boolean byPosition) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(byPosition);
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What paper must show of {@code report}, whoever laid it out: the header with blueprint, source and as-of time
     * on every page, every finding and every piece of evidence (collapsed on screen), no filter controls, and each
     * section from a page of its own.
     */
    static void assertPaperShowsAllOf(AuditReport report, byte[] pdf) {
        List<String> seen = textByPosition(pdf);
        assertThat(seen).hasSizeGreaterThan(4).allSatisfy(page -> assertThat(page.strip().lines().findFirst().orElseThrow())
                .startsWith(report.blueprintName() + " · source " + report.source().type() + ":")
                .endsWith(" · as of " + report.asOf()));
        String all = withoutSpaces(String.join("", text(pdf)));
        report.findings().forEach(finding -> assertThat(all).contains(finding.ruleId()));
        report.maturity().dimensions().forEach(dimension -> dimension.evidence()
                .forEach(line -> assertThat(all).contains(withoutSpaces(line))));
        assertThat(all).doesNotContain("Alldimensions").doesNotContain("Searchrule").doesNotContain("Nofindingmatchesthefilter");
        assertThat(seen.stream().map(PdfPages::firstLineAfterHeader)).as("each section starts a page")
                .contains("Findings", "Time in stage", "Funnel", "Snapshot facts");
    }

    /** {@code text} without white space, to compare text that the layout may have wrapped anywhere. */
    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The first line of the page's body: the line after the header that every page repeats. */
    private static String firstLineAfterHeader(String page) {
        String[] lines = page.strip().split("\\R");
        return lines.length > 1 ? lines[1].strip() : "";
    }
}
