package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.model.SourceInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenReportTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.l2o.report.ReportWriters#formats")
    void everyFormatOfTheNorthwindAuditMatchesItsGoldenFile(String format) {
        // given
        AuditReport report = Northwind.report();
        ReportWriter writer = ReportWriters.forFormat(format, false);

        // when
        boolean pdf = writer.defaultFileName().endsWith(".pdf");
        String output = Northwind.normalise(pdf ? pdfText(writer, portable(report)) : Northwind.render(writer, report,
                ReportContext.DEFAULT), report);

        // then
        GoldenFiles.assertMatches("northwind/" + writer.defaultFileName() + (pdf ? ".txt" : ""), output);
    }

    /**
     * The report with the example's folder as {@code /EXAMPLE} before it is laid out: the PDF's line breaks depend on how
     * long the checkout's path is, so it cannot be replaced in the text afterwards.
     */
    private static AuditReport portable(AuditReport r) {
        SourceInfo source = new SourceInfo(r.source().type(), "/EXAMPLE", r.source().attributes());
        return new AuditReport(r.schemaVersion(), r.toolVersion(), r.blueprintName(), "/EXAMPLE/blueprint.yaml", source, r.crm(),
                r.asOf(), r.complete(), r.incompleteReasons(), r.findings(), r.baselined(), r.suppressed(), r.notices(), r.metrics(),
                r.maturity(), r.facts(), r.rules(), r.coverage(), r.answers(), r.attribution(), r.lifecycles());
    }

    /** A PDF's golden file is its text, page by page: what a reader sees, without the binary layout. */
    private static String pdfText(ReportWriter writer, AuditReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(report, ReportContext.DEFAULT, out);
            try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setPageEnd("\n--- page end ---\n");
                return stripper.getText(document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
