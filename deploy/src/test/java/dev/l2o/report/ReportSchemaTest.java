package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.l2o.audit.AuditReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSchemaTest {
    private static final JsonSchema REPORT = JsonSchemas.load("/dev/l2o/report/report.schema.json", SpecVersion.VersionFlag.V202012);

    @Test
    void theNorthwindReportJsonIsValidAgainstTheShippedSchema() {
        // given
        AuditReport report = Northwind.report();

        // when
        String json = Northwind.render(new JsonReportWriter(), report, ReportContext.DEFAULT);

        // then
        assertThat(JsonSchemas.problems(REPORT, json)).isEmpty();
    }

    @Test
    void theSchemaRejectsAFindingWithAnUnknownField() throws Exception {
        // given
        ObjectNode json = (ObjectNode) JsonSchemas.JSON.readTree(
                Northwind.render(new JsonReportWriter(), Northwind.report(), ReportContext.DEFAULT));
        ((ObjectNode) json.path("findings").path(0)).put("colour", "red");

        // when
        List<String> problems = JsonSchemas.problems(REPORT, json.toString());

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("colour"));
    }

    @Test
    void theSchemaRejectsAReportWithoutMaturity() throws Exception {
        // given
        ObjectNode json = (ObjectNode) JsonSchemas.JSON.readTree(
                Northwind.render(new JsonReportWriter(), Northwind.report(), ReportContext.DEFAULT));
        json.remove("maturity");

        // when
        List<String> problems = JsonSchemas.problems(REPORT, json.toString());

        // then
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("maturity"));
    }
}
