package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.app.SimulatedSources;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo portal audited through the HubSpot simulator: how its stages are mapped and named in the reports. */
class HubSpotPortalStagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PORTAL = RepositoryFiles.file("examples/hubspot/portal.json");
    private static final String BLUEPRINT = RepositoryFiles.file("examples/hubspot/blueprint.yaml").toString();
    private static final String NO_AMOUNT = "no won deals with an amount in the stage history";

    @TempDir
    Path temp;

    @Test
    void theReportsNameAStageOutsideTheBlueprintByItsLabelAndSayWhyThereIsNoVelocity() throws IOException {
        // when
        CliRun run = audit(PORTAL, "text", "md", "html");

        // then
        assertThat(run.out())
                .contains("  Technical Validation *  ")
                .contains("  * not in the blueprint: Technical Validation (1073001)")
                .contains("velocity not computed (" + NO_AMOUNT + ")")
                .doesNotContain("1073001 (not in blueprint)")
                .doesNotContain("n/a");
        assertThat(Files.readString(temp.resolve("report.md"))).contains("velocity not computed (" + NO_AMOUNT + ")");
        String html = Files.readString(temp.resolve("report.html"));
        assertThat(html).contains(">Technical Validation *</text>").doesNotContain(">1073001 *<")
                .contains("<div class=\"note\" title=\"" + NO_AMOUNT + "\">" + NO_AMOUNT + "</div>");
    }

    @Test
    void aBlueprintStageWhoseStageIsArchivedInTheSelectedPipelineIsMissingAndMeasuresNoHistory() throws IOException {
        // given: Closed Lost is archived in New Business, and Renewals has an active stage of that label
        ObjectNode portal = (ObjectNode) JSON.readTree(PORTAL.toFile());
        for (JsonNode pipeline : portal.path("pipelines")) {
            for (JsonNode stage : pipeline.path("stages")) {
                if (stage.path("id").asText().equals("closedlost")) {
                    ((ObjectNode) stage).put("archived", true);
                }
                if (stage.path("id").asText().equals("1073103")) {
                    ((ObjectNode) stage).put("label", "Closed Lost");
                }
            }
        }
        Path archived = temp.resolve("portal.json");
        JSON.writeValue(archived.toFile(), portal);

        // when
        audit(archived, "json");

        // then
        JsonNode report = AuditCommandTest.report(temp);
        List<JsonNode> missing = StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals("L2O-STAGE-MISSING"))
                .toList();
        assertThat(missing).singleElement().satisfies(f -> {
            assertThat(f.path("expected").asText()).isEqualTo("Closed Lost");
            assertThat(f.path("actual").asText())
                    .isEqualTo("archived in pipeline 'New Business'; active only in pipeline 'Renewals'");
        });
        JsonNode lost = StreamSupport.stream(report.path("metrics").path("stages").spliterator(), false)
                .filter(s -> s.path("stage").asText().equals("lost")).findFirst().orElseThrow();
        assertThat(lost.path("entered").asLong()).isZero();
    }

    private CliRun audit(Path portal, String... formats) throws IOException {
        try (SimulatedSources.Running running = SimulatedSources.hubspot(portal, 0)) {
            List<String> args = new ArrayList<>(List.of("audit", "--blueprint", BLUEPRINT, "--source", "hubspot",
                    "--base-url", running.url(), "--as-of", AuditCommandTest.AS_OF, "--out", temp.toString()));
            for (String format : formats) {
                args.add("--format");
                args.add(format);
            }
            CliRun run = CliRun.withEnvironment(Map.of("HUBSPOT_TOKEN", "any-token"), args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            return run;
        }
    }
}
