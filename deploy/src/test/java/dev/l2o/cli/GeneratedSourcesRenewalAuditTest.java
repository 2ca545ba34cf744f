package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.app.SimulatedSources;
import dev.l2o.salesforce.simulator.OrgSizes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit of a generated org or portal (`l2o simulate … --generate`) against a blueprint that declares a renewal
 * lifecycle finds the renewal automation the generator puts there: no renewal finding when the blueprint declares
 * what the CRM does, a timing finding when it declares another lead time.
 */
class GeneratedSourcesRenewalAuditTest {
    private static final List<String> RENEWAL_RULES = List.of("L2O-RENEWAL-MISSING", "L2O-RENEWAL-INACTIVE", "L2O-RENEWAL-TIMING");

    @TempDir
    Path temp;

    /** A blueprint of one renewal lifecycle on {@code object} whose automation is {@code automation}. */
    private Path blueprint(String object, String automation, int daysBefore, String contractEndField) throws IOException {
        Path file = temp.resolve("blueprint-" + daysBefore + ".yaml");
        Files.writeString(file, """
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: generated-renewals }
                opportunityLifecycle:
                  object: %1$s
                  stages: [{ key: won, closed: true, won: true }]
                lifecycles:
                  - name: renewals
                    motion: renewal
                    object: %1$s
                    pipeline: Renewal
                    stages: [{ key: renewed, closed: true, won: true }]
                    renewal: { automation: "%2$s", daysBeforeContractEnd: %3$d, contractEndField: %4$s }
                """.formatted(object, automation, daysBefore, contractEndField));
        return file;
    }

    private List<String> renewalFindings(Path out) throws IOException {
        JsonNode findings = AuditCommandTest.report(out).path("findings");
        return StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> RENEWAL_RULES.contains(f.path("ruleId").asText()))
                .map(f -> f.path("ruleId").asText() + " " + f.path("subject").asText())
                .toList();
    }

    /** Audits a running simulator with {@code source}'s command-line options. */
    private interface Audit {
        CliRun run(Path blueprint, Path out);
    }

    /**
     * Audits with the blueprint declaring the generated automation as generated, then at 90 days instead of 120;
     * gives the renewal findings of the second audit.
     */
    private List<String> renewalFindingsAtAnotherLeadTime(Audit audit, String object, String automation, String contractEndField)
            throws IOException {
        CliRun declared = audit.run(blueprint(object, automation, 120, contractEndField), temp.resolve("declared"));
        assertThat(declared.exitCode()).as(declared.err()).isIn(0, 1);
        assertThat(renewalFindings(temp.resolve("declared"))).isEmpty();
        CliRun otherTiming = audit.run(blueprint(object, automation, 90, contractEndField), temp.resolve("other-timing"));
        assertThat(otherTiming.exitCode()).as(otherTiming.err()).isEqualTo(1);
        return renewalFindings(temp.resolve("other-timing"));
    }

    @Test
    void aGeneratedOrgHasTheRenewalFlowItsBlueprintDeclares() throws IOException {
        // given
        try (SimulatedSources.Running org = SimulatedSources.salesforceGenerated(42, new OrgSizes(10, 3, 600), 0)) {
            Audit audit = (blueprint, out) -> CliRun.withEnvironment(Map.of("SF_ACCESS_TOKEN", "any-token"), "audit",
                    "--blueprint", blueprint.toString(), "--source", "salesforce", "--instance-url", org.url(),
                    "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out", out.toString());

            // when / then
            assertThat(renewalFindingsAtAnotherLeadTime(audit, "Opportunity", "Create_Renewal_Opportunity", "EndDate"))
                    .containsExactly("L2O-RENEWAL-TIMING salesforce:Flow/Create_Renewal_Opportunity");
        }
    }

    @Test
    void aGeneratedPortalHasTheRenewalWorkflowItsBlueprintDeclares() throws IOException {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspotGenerated(42, 50, 0)) {
            Audit audit = (blueprint, out) -> CliRun.withEnvironment(Map.of("HUBSPOT_TOKEN", "any-token"), "audit",
                    "--blueprint", blueprint.toString(), "--source", "hubspot", "--base-url", portal.url(),
                    "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out", out.toString());

            // when / then
            assertThat(renewalFindingsAtAnotherLeadTime(audit, "deals", "Create renewal deal", "contract_end_date"))
                    .singleElement().asString().startsWith("L2O-RENEWAL-TIMING hubspot:");
        }
    }
}
