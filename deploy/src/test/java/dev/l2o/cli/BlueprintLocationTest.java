package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.app.SimulatedSources;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF results point at the blueprint line that declares what a finding is about, also where subjects are CRM ids. */
class BlueprintLocationTest {
    @TempDir
    Path temp;

    @Test
    void findingsWhoseSubjectsAreHubSpotIdsPointAtTheirDeclarationsNotAtTheirSections() throws IOException {
        // given
        Path blueprint = RepositoryFiles.file("examples/hubspot/blueprint.yaml");
        List<String> lines = Files.readAllLines(blueprint);
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            // when
            CliRun run = CliRun.withEnvironment(portal.environment(), "audit", "--blueprint", blueprint.toString(), "--source",
                    "hubspot", "--base-url", portal.url(), "--as-of", AuditCommandTest.AS_OF, "--format", "sarif", "--out",
                    temp.toString());

            // then
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        }
        JsonNode results = new ObjectMapper().readTree(temp.resolve("report.sarif").toFile()).path("runs").get(0).path("results");
        assertThat(declarationLine(results, "L2O-AUTOMATION-INACTIVE", "hubspot:flow/", lines)).startsWith("- { name: ");
        assertThat(declarationLine(results, "L2O-CONVERSION-BELOW-TARGET", "marketingqualifiedlead->", lines))
                .contains("from: mql, to: sql");
    }

    private static String declarationLine(JsonNode results, String ruleId, String subjectPart, List<String> lines) {
        for (JsonNode result : results) {
            if (result.path("ruleId").asText().equals(ruleId) && result.path("properties").path("subject").asText().contains(subjectPart)) {
                JsonNode region = blueprintRegion(result);
                return lines.get(region.path("startLine").asInt() - 1).trim();
            }
        }
        throw new AssertionError("no " + ruleId + " result about " + subjectPart);
    }

    private static JsonNode blueprintRegion(JsonNode result) {
        for (String locations : List.of("locations", "relatedLocations")) {
            for (JsonNode location : result.path(locations)) {
                JsonNode physical = location.path("physicalLocation");
                if (physical.path("artifactLocation").path("uri").asText().endsWith("blueprint.yaml")) {
                    return physical.path("region");
                }
            }
        }
        throw new AssertionError("no blueprint location in " + result);
    }
}
