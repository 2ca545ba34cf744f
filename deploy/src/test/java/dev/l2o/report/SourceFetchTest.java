package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.l2o.audit.AuditReport;
import dev.l2o.model.SourceInfo;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceFetchTest {
    private static final JsonSchema REPORT = JsonSchemas.load("/dev/l2o/report/report.schema.json", SpecVersion.VersionFlag.V202012);

    private static AuditReport readFrom(Map<String, String> attributes) {
        AuditReport r = Northwind.report();
        return r.withSource(new SourceInfo("salesforce", "https://northwind.my.salesforce.com", attributes));
    }

    @Test
    void anIncrementalFetchIsInReportJsonAsSourceIncrementalAndValidAgainstTheSchema() throws Exception {
        // given
        AuditReport report = readFrom(Map.of("fetch", "incremental", "fetchReason", "2 changed flows read",
                "fetchSince", "2026-03-01T01:45:00Z", "watermark", "2026-03-02T02:00:00Z"));

        // when
        String json = Northwind.render(new JsonReportWriter(), report, ReportContext.DEFAULT);

        // then
        assertThat(JsonSchemas.problems(REPORT, json)).isEmpty();
        JsonNode incremental = JsonSchemas.JSON.readTree(json).path("source").path("incremental");
        assertThat(incremental.path("mode").asText()).isEqualTo("incremental");
        assertThat(incremental.path("reason").asText()).isEqualTo("2 changed flows read");
        assertThat(incremental.path("since").asText()).isEqualTo("2026-03-01T01:45:00Z");
    }

    @Test
    void aFullFetchSaysWhyInEveryFormatAndASourceThatDoesNotSayHasNoSuchField() throws Exception {
        // given
        AuditReport full = readFrom(Map.of("fetch", "full", "fetchReason", "the previous snapshot is incomplete"));
        AuditReport silent = readFrom(Map.of());

        // when
        String json = Northwind.render(new JsonReportWriter(), full, ReportContext.DEFAULT);
        String text = Northwind.render(new TextReportWriter(false), full, ReportContext.DEFAULT);
        String markdown = Northwind.render(new MarkdownReportWriter(), full, ReportContext.DEFAULT);
        String silentJson = Northwind.render(new JsonReportWriter(), silent, ReportContext.DEFAULT);

        // then
        assertThat(JsonSchemas.problems(REPORT, json)).isEmpty();
        JsonNode incremental = JsonSchemas.JSON.readTree(json).path("source").path("incremental");
        assertThat(incremental.path("mode").asText()).isEqualTo("full");
        assertThat(incremental.path("since").isNull()).isTrue();
        assertThat(text).contains("full fetch: the previous snapshot is incomplete");
        assertThat(markdown).contains("full fetch: the previous snapshot is incomplete");
        assertThat(JsonSchemas.JSON.readTree(silentJson).path("source").has("incremental")).isFalse();
    }
}
