package dev.l2o.report;

import dev.l2o.audit.AuditReport;
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
        String output = Northwind.normalise(Northwind.render(writer, report, ReportContext.DEFAULT), report);

        // then
        GoldenFiles.assertMatches("northwind/" + writer.defaultFileName(), output);
    }
}
