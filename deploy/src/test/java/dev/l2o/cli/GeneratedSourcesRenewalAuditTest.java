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
                metadata:
                  name: generated-renewals
                opportunityLifecycle:
                  object: %1$s
                  stages:
                    - key: won
                      closed: true
                      won: true
                lifecycles:
                  - name: renewals
                    motion: renewal
                    object: %1$s
                    pipeline: Renewal
                    stages:
                      - key: renewed
                        closed: true
                        won: true
                    renewal:
                      automation: "%2$s"
                      daysBeforeContractEnd: %3$d
                      contractEndField: %4$s
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

    private CliRun auditSalesforce(SimulatedSources.Running org, Path blueprint, Path out) {
        return CliRun.withEnvironment(Map.of("SF_ACCESS_TOKEN", "any-token"), "audit", "--blueprint", blueprint.toString(),
                "--source", "salesforce", "--instance-url", org.url(), "--as-of", AuditCommandTest.AS_OF, "--format", "json",
                "--out", out.toString());
    }

    private CliRun auditHubSpot(SimulatedSources.Running portal, Path blueprint, Path out) {
        return CliRun.withEnvironment(Map.of("HUBSPOT_TOKEN", "any-token"), "audit", "--blueprint", blueprint.toString(),
                "--source", "hubspot", "--base-url", portal.url(), "--as-of", AuditCommandTest.AS_OF, "--format", "json",
                "--out", out.toString());
    }

    @Test
    void aGeneratedOrgHasTheRenewalFlowItsBlueprintDeclares() throws IOException {
        // given
        try (SimulatedSources.Running org = SimulatedSources.salesforceGenerated(42, new OrgSizes(10, 3, 600), 0)) {
            // when
            CliRun declared = auditSalesforce(org, blueprint("Opportunity", "Create_Renewal_Opportunity", 120, "EndDate"),
                    temp.resolve("declared"));
            CliRun otherTiming = auditSalesforce(org, blueprint("Opportunity", "Create_Renewal_Opportunity", 90, "EndDate"),
                    temp.resolve("other-timing"));

            // then
            assertThat(declared.exitCode()).as(declared.err()).isIn(0, 1);
            assertThat(renewalFindings(temp.resolve("declared"))).isEmpty();
            assertThat(renewalFindings(temp.resolve("other-timing")))
                    .containsExactly("L2O-RENEWAL-TIMING salesforce:Flow/Create_Renewal_Opportunity");
            assertThat(otherTiming.exitCode()).as(otherTiming.err()).isEqualTo(1);
        }
    }

    @Test
    void aGeneratedPortalHasTheRenewalWorkflowItsBlueprintDeclares() throws IOException {
        // given
        try (SimulatedSources.Running portal = SimulatedSources.hubspotGenerated(42, 50, 0)) {
            // when
            CliRun declared = auditHubSpot(portal, blueprint("deals", "Create renewal deal", 120, "contract_end_date"),
                    temp.resolve("declared"));
            CliRun otherTiming = auditHubSpot(portal, blueprint("deals", "Create renewal deal", 90, "contract_end_date"),
                    temp.resolve("other-timing"));

            // then
            assertThat(declared.exitCode()).as(declared.err()).isIn(0, 1);
            assertThat(renewalFindings(temp.resolve("declared"))).isEmpty();
            assertThat(renewalFindings(temp.resolve("other-timing"))).singleElement().asString().startsWith("L2O-RENEWAL-TIMING ");
            assertThat(otherTiming.exitCode()).as(otherTiming.err()).isEqualTo(1);
        }
    }
}
