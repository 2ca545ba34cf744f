package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private-app token with exactly the scopes the README lists for a blueprint audits it, and no more is asked. */
class HubSpotLeastPrivilegeTest {
    /** The scopes connector-hubspot/README.md lists as "always" needed. */
    private static final Set<String> DEAL_SCOPES = Set.of("crm.objects.deals.read", "crm.schemas.deals.read",
            "crm.objects.owners.read", "automation");
    private static final Map<String, String> TOKEN = Map.of("HUBSPOT_TOKEN", "deal-scopes-only");

    @TempDir
    Path temp;

    @Test
    void aTokenWithOnlyTheDealScopesAuditsABlueprintWithoutLeadLifecycleAndNeverAsksForContacts() throws IOException {
        // given
        Path blueprint = temp.resolve("deals-only.yaml");
        Files.writeString(blueprint, withoutLeadLifecycle(Files.readString(RepositoryFiles.file("examples/hubspot/blueprint.yaml"))));
        try (HubSpotSimulator portal = portal(DEAL_SCOPES)) {
            // when
            CliRun run = audit(portal, blueprint);

            // then
            assertThat(run.exitCode()).as(run.err()).isIn(0, 1);
            assertThat(run.err()).doesNotContain("MISSING_SCOPES");
            assertThat(portal.requests()).extracting(HubSpotSimulator.ReceivedRequest::path)
                    .isNotEmpty()
                    .doesNotContain("/crm/v3/properties/contacts", "/crm/v3/objects/contacts");
        }
    }

    @Test
    void aBlueprintWithALeadLifecycleNeedsTheContactScopesAndSaysWhichIsMissing() {
        // given
        Set<String> withContactSchemas = new TreeSet<>(DEAL_SCOPES);
        withContactSchemas.add("crm.schemas.contacts.read");
        try (HubSpotSimulator portal = portal(withContactSchemas)) {
            // when
            CliRun run = audit(portal, RepositoryFiles.file("examples/hubspot/blueprint.yaml"));

            // then
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("crm.objects.contacts.read").doesNotContain("deal-scopes-only");
        }
    }

    @Test
    void aBlueprintWithALeadLifecycleAndNoContactScopeAtAllNamesTheSchemaScope() {
        // given
        try (HubSpotSimulator portal = portal(DEAL_SCOPES)) {
            // when
            CliRun run = audit(portal, RepositoryFiles.file("examples/hubspot/blueprint.yaml"));

            // then
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("crm.schemas.contacts.read");
        }
    }

    private static HubSpotSimulator portal(Set<String> scopes) {
        return HubSpotSimulator.start(PortalDescription.read(RepositoryFiles.file("examples/hubspot/portal.json")),
                SimulatorOptions.defaults().withAcceptedTokens(Set.of("deal-scopes-only")).withGrantedScopes(scopes));
    }

    private CliRun audit(HubSpotSimulator portal, Path blueprint) {
        return CliRun.withEnvironment(TOKEN, "audit", "--blueprint", blueprint.toString(), "--source", "hubspot",
                "--base-url", portal.baseUrl(), "--as-of", AuditCommandTest.AS_OF, "--format", "json", "--out",
                temp.resolve("report").toString());
    }

    /** The example blueprint without its lead lifecycle and the lead conversion target that refers to it. */
    static String withoutLeadLifecycle(String blueprint) {
        int start = blueprint.indexOf("\nleadLifecycle:");
        int end = blueprint.indexOf("\nopportunityLifecycle:");
        return (blueprint.substring(0, start) + blueprint.substring(end)).replaceAll("(?m)^.*from: mql, to: sql.*\\n", "");
    }
}
