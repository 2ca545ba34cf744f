package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Northwind SFDX project, read by the SFDX connector, with stages that exist but are not live in its sales process. */
class SalesforceStagesTest {
    @TempDir
    Path temp;

    @Test
    void anInactiveOpportunityStageValueAndAValueTheSalesProcessLacksAreMissingWithWhy() throws IOException {
        // given
        Path org = SfdxDiffTest.copy(RepositoryFiles.file("examples/northwind"), temp.resolve("org"));
        Path valueSet = org.resolve("force-app/main/default/standardValueSets/OpportunityStage.standardValueSet-meta.xml");
        replace(valueSet, "<fullName>Needs Analysis</fullName>", "<fullName>Needs Analysis</fullName>\n        <isActive>false</isActive>");
        Path process = org.resolve("force-app/main/default/objects/Opportunity/businessProcesses/New Business.businessProcess-meta.xml");
        replace(process, """
                    <values>
                        <fullName>Negotiation/Review</fullName>
                        <default>false</default>
                    </values>
                """, "");

        // when
        CliRun run = CliRun.of("audit", "--blueprint", org.resolve("blueprint.yaml").toString(), "--source", "sfdx:" + org,
                "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out", temp.resolve("report").toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode findings = AuditCommandTest.report(temp.resolve("report")).path("findings");
        assertThat(StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> f.path("ruleId").asText().equals("L2O-STAGE-MISSING"))
                .map(f -> tuple(f.path("expected").asText(), f.path("actual").asText()))
                .toList())
                .containsExactlyInAnyOrder(
                        tuple("Needs Analysis", "inactive in pipeline 'New Business'"),
                        tuple("Negotiation/Review", "exists only in pipelines 'All stages', 'Renewal'"));
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(text);
        Files.writeString(file, content.replace(text, replacement));
    }
}
