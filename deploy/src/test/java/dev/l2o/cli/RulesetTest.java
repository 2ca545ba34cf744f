package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ruleset}: the effective severities and selection reach every format and {@code l2o rules}. */
class RulesetTest {
    private static final String RULESET = """
            apiVersion: l2o/v1
            kind: Ruleset
            exclude: [routing]
            severity:
              L2O-STAGE-PROBABILITY: error
            """;

    @TempDir
    Path temp;

    @Test
    void sarifAndJunitCarryTheEffectiveSeveritiesAndOnlyTheSelectedRules() throws IOException {
        // given
        Path ruleset = Files.writeString(temp.resolve("team.yaml"), RULESET);

        // when
        CliRun run = CliRun.of("audit", "--blueprint", AuditCommandTest.BLUEPRINT, "--source", "sfdx:" + AuditCommandTest.ORG,
                "--as-of", AuditCommandTest.AS_OF, "--ruleset", ruleset.toString(), "--format", "sarif", "--format", "junit",
                "--format", "json", "--out", temp.resolve("out").toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(temp.resolve("out/report.sarif").toFile()).path("runs").get(0);
        List<JsonNode> rules = StreamSupport.stream(sarif.path("tool").path("driver").path("rules").spliterator(), false).toList();
        assertThat(rules).extracting(r -> r.path("id").asText())
                .contains("L2O-STAGE-PROBABILITY", "L2O-STALE-DEAL")
                .doesNotContain("L2O-ROUTING-UNIMPLEMENTED", "L2O-ROUTING-UNDECLARED", "L2O-AUTOMATION-INACTIVE");
        assertThat(rules).filteredOn(r -> r.path("id").asText().equals("L2O-STAGE-PROBABILITY"))
                .singleElement().satisfies(r -> assertThat(r.path("defaultConfiguration").path("level").asText()).isEqualTo("error"));
        List<JsonNode> results = StreamSupport.stream(sarif.path("results").spliterator(), false).toList();
        assertThat(results).filteredOn(r -> r.path("ruleId").asText().equals("L2O-STAGE-PROBABILITY"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.path("level").asText()).isEqualTo("error"));
        assertThat(results).extracting(r -> r.path("ruleId").asText()).noneMatch(id -> id.startsWith("L2O-ROUTING-"));
        String junit = Files.readString(temp.resolve("out/junit.xml"));
        assertThat(junit).containsPattern("classname=\"L2O-STAGE-PROBABILITY\"[^>]*>\\s*<failure type=\"error\"")
                .doesNotContain("L2O-ROUTING-UNDECLARED");
        JsonNode report = AuditCommandTest.report(temp.resolve("out"));
        assertThat(StreamSupport.stream(report.path("findings").spliterator(), false))
                .filteredOn(f -> f.path("ruleId").asText().equals("L2O-STAGE-PROBABILITY"))
                .allSatisfy(f -> assertThat(f.path("severity").asText()).isEqualTo("error"));
    }

    @Test
    void withoutTheRulesetTheSameAuditUsesTheCatalogsSeverities() throws IOException {
        // when
        CliRun.of("audit", "--blueprint", AuditCommandTest.BLUEPRINT, "--source", "sfdx:" + AuditCommandTest.ORG,
                "--as-of", AuditCommandTest.AS_OF, "--format", "sarif", "--out", temp.toString());

        // then
        JsonNode sarif = new ObjectMapper().readTree(temp.resolve("report.sarif").toFile()).path("runs").get(0);
        assertThat(StreamSupport.stream(sarif.path("results").spliterator(), false))
                .filteredOn(r -> r.path("ruleId").asText().equals("L2O-STAGE-PROBABILITY"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.path("level").asText()).isEqualTo("warning"));
    }

    @Test
    void rulesWithABlueprintShowItsCustomRulesWhichAreOffAndChangedSeverities() throws IOException {
        // given
        Path blueprint = Files.writeString(temp.resolve("bp.yaml"), """
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: team }
                opportunityLifecycle:
                  stages: [{ key: open }, { key: won, closed: true, won: true }]
                rules:
                  - id: amount-set
                    description: Every opportunity has an amount
                    severity: info
                    dimension: pipeline
                    on: opportunity
                    require: "has(opp.Amount)"
                ruleset:
                  exclude: [measurement]
                  severity: { L2O-STALE-DEAL: error }
                """);

        // when
        CliRun run = CliRun.of("rules", "--blueprint", blueprint.toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(26);
        assertThat(run.out()).containsPattern("(?m)^on\\s+L2O-STALE-DEAL\\s+error\\s+pipeline\\s+.*\\(severity warning by default\\)$")
                .containsPattern("(?m)^off\\s+L2O-STAGE-PROBABILITY\\s+warning\\s+measurement")
                .containsPattern("(?m)^on\\s+amount-set\\s+info\\s+pipeline\\s+Every opportunity has an amount");
    }

    @Test
    void rulesWithARulesetFileLayItOverTheBlueprints() throws IOException {
        // given
        Path ruleset = Files.writeString(temp.resolve("team.yaml"), RULESET);

        // when
        CliRun run = CliRun.of("rules", "--blueprint", AuditCommandTest.BLUEPRINT, "--ruleset", ruleset.toString(),
                "L2O-STAGE-PROBABILITY");
        CliRun off = CliRun.of("rules", "--ruleset", ruleset.toString(), "L2O-ROUTING-UNDECLARED");

        // then
        assertThat(run.out()).startsWith("L2O-STAGE-PROBABILITY (error, warning by default, measurement)");
        assertThat(off.out()).startsWith("L2O-ROUTING-UNDECLARED (warning, routing, off)");
    }

    @Test
    void aRulesetNamingAnUnknownRuleIsAUsageErrorAtItsLine() throws IOException {
        // given
        Path ruleset = Files.writeString(temp.resolve("team.yaml"), "apiVersion: l2o/v1\nkind: Ruleset\nexclude: [L2O-NOPE]\n");

        // when
        CliRun run = CliRun.of("rules", "--ruleset", ruleset.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("l2o: " + ruleset + ":3:11: 'L2O-NOPE' in exclude is neither a rule id nor a dimension");
    }
}
