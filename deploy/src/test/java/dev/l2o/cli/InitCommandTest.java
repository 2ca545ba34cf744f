package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.app.SimulatedSources;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2o init} always writes a blueprint that its own loader accepts. */
class InitCommandTest {
    @TempDir
    Path temp;

    @Test
    void aProjectWithoutStagesGetsSalesforcesDefaultStagesAndIsToldHowToRetrieveItsOwn() throws IOException {
        // given
        Path project = SfdxDiffTest.copy(RepositoryFiles.file("examples/northwind"), temp.resolve("northwind"));
        // as partial retrieves leave it: custom metadata only, no stage value set and no sales process
        Files.delete(project.resolve("force-app/main/default/standardValueSets/OpportunityStage.standardValueSet-meta.xml"));
        delete(project.resolve("force-app/main/default/objects/Opportunity/businessProcesses"));
        Path draft = temp.resolve("draft.yaml");

        // when
        CliRun init = CliRun.of("init", "--source", "sfdx:" + project, "--out", draft.toString());
        CliRun validate = CliRun.of("validate", draft.toString());

        // then
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).contains("no OpportunityStage standard value set", "default stages",
                "sf project retrieve start -m StandardValueSet:OpportunityStage");
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        String text = Files.readString(draft);
        assertThat(text).contains("# Salesforce's DEFAULT stages: the source has no OpportunityStage standard value set.");
        Blueprint blueprint = BlueprintLoader.load(draft).blueprint();
        assertThat(blueprint.opportunityLifecycle().stages()).extracting(StageSpec::displayName)
                .containsExactly("Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                        "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost");
    }

    @Test
    void theNorthwindExampleDraftsAValidBlueprintWithItsOwnStagesAndNoWarning() throws IOException {
        // given
        Path draft = temp.resolve("northwind.yaml");

        // when
        CliRun init = CliRun.of("init", "--source", "sfdx:" + RepositoryFiles.file("examples/northwind"), "--out", draft.toString());

        // then
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).doesNotContain("default stages");
        Blueprint blueprint = BlueprintLoader.load(draft).blueprint();
        assertThat(blueprint.opportunityLifecycle().pipeline()).isEqualTo("New Business");
        assertThat(blueprint.opportunityLifecycle().stages()).isNotEmpty();
        assertThat(blueprint.lifecycles()).extracting(Lifecycle::name, Lifecycle::motion, Lifecycle::pipeline)
                .containsExactly(tuple("renewal", Motion.RENEWAL, "Renewal"));
        assertThat(blueprint.lifecycles().get(0).stages()).extracting(StageSpec::displayName)
                .containsExactly("Renewal Review", "Negotiation/Review", "Closed Won", "Closed Lost");
        assertThat(Files.readString(draft)).doesNotContain("DEFAULT stages");
    }

    @Test
    void theHubSpotExampleDraftsAValidBlueprintThroughItsSimulator() {
        // given
        Path draft = temp.resolve("hubspot.yaml");
        try (SimulatedSources.Running portal = SimulatedSources.hubspot(RepositoryFiles.file("examples/hubspot/portal.json"), 0)) {
            // when
            CliRun init = CliRun.withEnvironment(portal.environment(), "init", "--source", "hubspot", "--base-url", portal.url(),
                    "--out", draft.toString());

            // then
            assertThat(init.exitCode()).as(init.err()).isZero();
        }
        Blueprint blueprint = BlueprintLoader.load(draft).blueprint();
        assertThat(blueprint.opportunityLifecycle().object()).isEqualTo("deals");
        assertThat(blueprint.opportunityLifecycle().pipeline()).isNull();
        assertThat(blueprint.lifecycles()).extracting(Lifecycle::name, Lifecycle::motion, Lifecycle::pipeline)
                .containsExactly(tuple("renewals", Motion.RENEWAL, "Renewals"));
        assertThat(blueprint.opportunityLifecycle().stages()).isNotEmpty();
        assertThat(blueprint.leadLifecycle().object()).isEqualTo("contacts");
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
