package dev.l2o.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import dev.l2o.audit.AuditReport;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifSchemaTest {
    /** The official OASIS SARIF 2.1.0 schema (errata 01), shipped as a test resource. */
    private static final JsonSchema SARIF = JsonSchemas.load("/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V4);

    @Test
    void theNorthwindSarifIsValidAgainstTheOfficialSchema() throws Exception {
        // given
        AuditReport report = Northwind.report();

        // when
        String sarif = Northwind.render(new SarifReportWriter(), report, ReportContext.DEFAULT);

        // then
        assertThat(JsonSchemas.problems(SARIF, sarif)).isEmpty();
        JsonNode run = JsonSchemas.JSON.readTree(sarif).path("runs").path(0);
        assertThat(run.path("results")).hasSize(report.findings().size());
    }

    @Test
    void theSchemaRejectsAResultWithAnUnknownLevel() throws Exception {
        // given
        ObjectNode sarif = (ObjectNode) JsonSchemas.JSON.readTree(
                Northwind.render(new SarifReportWriter(), Northwind.report(), ReportContext.DEFAULT));
        ((ObjectNode) sarif.path("runs").path(0).path("results").path(0)).put("level", "fatal");

        // when
        List<String> problems = JsonSchemas.problems(SARIF, sarif.toString());

        // then
        assertThat(problems).isNotEmpty();
    }

    @Test
    void everyRuleHasADescriptionAndHelpAndEveryResultPointsAtAFileLine() throws Exception {
        // given
        AuditReport report = Northwind.report();

        // when
        JsonNode run = JsonSchemas.JSON.readTree(Northwind.render(new SarifReportWriter(), report, ReportContext.DEFAULT))
                .path("runs").path(0);

        // then
        for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
            assertThat(rule.path("fullDescription").path("text").asText()).as(rule.path("id").asText()).isNotBlank();
            assertThat(rule.path("help").path("text").asText()).contains(rule.path("id").asText());
        }
        List<String> uris = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            JsonNode physical = result.path("locations").path(0).path("physicalLocation");
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
            uris.add(physical.path("artifactLocation").path("uri").asText());
            String ruleId = result.path("ruleId").asText();
            assertThat(run.path("tool").path("driver").path("rules").path(result.path("ruleIndex").asInt()).path("id").asText())
                    .isEqualTo(ruleId);
        }
        assertThat(uris).contains(
                Northwind.FOLDER.resolve("force-app/main/default/objects/Lead/fields/Timeline__c.field-meta.xml").toUri().toString(),
                Northwind.FOLDER.resolve("blueprint.yaml").toUri().toString());
    }

    @Test
    void aFieldTheCrmLacksIsLocatedAtItsBlueprintDeclaration() throws Exception {
        // given
        AuditReport report = Northwind.report();

        // when
        JsonNode results = JsonSchemas.JSON.readTree(Northwind.render(new SarifReportWriter(), report, ReportContext.DEFAULT))
                .path("runs").path(0).path("results");

        // then
        JsonNode missing = null;
        for (JsonNode result : results) {
            if (result.path("ruleId").asText().equals("L2O-FIELD-MISSING")) {
                missing = result;
            }
        }
        assertThat(missing).isNotNull();
        JsonNode region = missing.path("locations").path(0).path("physicalLocation").path("region");
        List<String> blueprint = Files.readAllLines(Northwind.FOLDER.resolve("blueprint.yaml"));
        assertThat(blueprint.get(region.path("startLine").asInt() - 1)).contains("Close_Plan__c");
    }

    @Test
    void aRelativeSourcePathGivesRepositoryRelativeUris() {
        // given
        String file = "force-app/main/default/objects/Lead/fields/Timeline__c.field-meta.xml";

        // when
        String uri = SarifReportWriter.fileUri("./" + file);

        // then
        assertThat(uri).isEqualTo(file);
        assertThat(SarifReportWriter.fileUri("objects/My Object__c/fields/A.field-meta.xml"))
                .isEqualTo("objects/My%20Object__c/fields/A.field-meta.xml");
    }
}
