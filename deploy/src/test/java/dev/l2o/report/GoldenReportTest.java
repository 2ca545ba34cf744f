package dev.l2o.report;

import dev.l2o.audit.AuditReport;
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
        String output = Northwind.normalise(pdf ? pdfText(writer, report) : Northwind.render(writer, report, ReportContext.DEFAULT),
                report);

        // then
        GoldenFiles.assertMatches("northwind/" + writer.defaultFileName() + (pdf ? ".txt" : ""), output);
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
