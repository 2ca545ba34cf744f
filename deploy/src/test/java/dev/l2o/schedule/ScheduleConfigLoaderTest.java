package dev.l2o.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.notify.NotificationTarget;
import dev.l2o.report.ReportWriters;
import dev.l2o.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleConfigLoaderTest {
    @TempDir
    Path folder;

    private static final String CONTRACT_EXAMPLE = """
            apiVersion: l2o/v1
            kind: AuditSchedule
            dataDir: ./l2o-data            # run history store and reports (relative to this file)
            store:                         # optional; default: an embedded store under dataDir
              jdbcUrl: jdbc:postgresql://db:5432/l2o
              usernameEnv: L2O_DB_USER
              passwordEnv: L2O_DB_PASSWORD
            cluster: false                 # true: Quartz cluster on the store's database
            http: { port: 9464 }           # optional: GET /health and GET /metrics (Prometheus)
            audits:
              - name: northwind-prod
                source: salesforce         # any --source value
                instanceUrl: https://northwind.my.salesforce.com   # source options as on the command line
                blueprint: blueprints/northwind.yaml
                schedule: "0 0 2 * * ?"    # Quartz cron
                timeZone: Europe/London
                formats: [json, html, sarif]
                notify:
                  - slackWebhookEnv: SLACK_WEBHOOK_URL
                retention: { runs: 90 }
            """;

    private Path write(String yaml) throws IOException {
        Path file = folder.resolve("audits.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** A schedule file of one audit {@code a} with {@code auditLines} (YAML lines, as at the audit's indentation) added. */
    private static String oneAuditWith(String auditLines) {
        return """
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: a
                    source: hubspot
                    blueprint: b.yaml
                """ + auditLines.indent(4);
    }

    private L2oException loadError(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            ScheduleConfigLoader.load(file);
        } catch (L2oException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void acceptsTheContractExampleUnchanged() throws IOException {
        // given
        Path file = write(CONTRACT_EXAMPLE);

        // when
        ScheduleConfig config = ScheduleConfigLoader.load(file);

        // then
        assertThat(config.dataDir()).isEqualTo(folder.toAbsolutePath().resolve("l2o-data"));
        assertThat(config.store().jdbcUrl()).contains("jdbc:postgresql://db:5432/l2o");
        assertThat(config.store().usernameEnv()).contains("L2O_DB_USER");
        assertThat(config.store().passwordEnv()).contains("L2O_DB_PASSWORD");
        assertThat(config.cluster()).isFalse();
        assertThat(config.http()).contains(new HttpSettings("127.0.0.1", 9464));
        ScheduledAudit audit = config.audits().get(0);
        assertThat(audit.name()).isEqualTo("northwind-prod");
        assertThat(audit.source().scheme()).isEqualTo("salesforce");
        assertThat(audit.source().options()).containsEntry("instanceUrl", "https://northwind.my.salesforce.com");
        assertThat(audit.blueprint()).isEqualTo(folder.toAbsolutePath().resolve("blueprints/northwind.yaml"));
        assertThat(audit.cron()).isEqualTo("0 0 2 * * ?");
        assertThat(audit.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(audit.formats()).containsExactly("json", "html", "sarif");
        assertThat(audit.notifications()).containsExactly(new NotificationTarget.SlackWebhook("SLACK_WEBHOOK_URL"));
        assertThat(audit.retentionRuns()).isEqualTo(90);
        assertThat(audit.outputDirectory()).isEqualTo(folder.toAbsolutePath().resolve("l2o-data/reports/northwind-prod"));
    }

    @Test
    void fillsDefaultsForAMinimalAudit() throws IOException {
        // given
        Path file = write("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: local
                    source: sfdx:force-app
                    blueprint: blueprint.yaml
                """);

        // when
        ScheduleConfig config = ScheduleConfigLoader.load(file);

        // then
        ScheduledAudit audit = config.audits().get(0);
        assertThat(config.store().isEmbedded()).isTrue();
        assertThat(config.http()).isEmpty();
        assertThat(config.workers()).isEqualTo(2);
        assertThat(audit.cron()).isEqualTo("0 0 2 * * ?");
        assertThat(audit.timeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(audit.failOn()).contains(Severity.ERROR);
        assertThat(audit.formats()).containsExactly("json", "html");
        assertThat(audit.retentionRuns()).isEqualTo(ScheduledAudit.DEFAULT_RETENTION_RUNS);
        assertThat(audit.source().location()).isEqualTo(folder.toAbsolutePath().resolve("force-app").toString());
        assertThat(audit.ruleset()).isEmpty();
    }

    @Test
    void readsARulesetFileBesideTheScheduleFile() throws IOException {
        // given
        Path file = write(oneAuditWith("ruleset: rulesets/team.yaml"));

        // when
        ScheduledAudit audit = ScheduleConfigLoader.load(file).audits().get(0);

        // then
        assertThat(audit.ruleset()).contains(folder.toAbsolutePath().resolve("rulesets/team.yaml"));
    }

    @Test
    void readsCredentialsFromNamedVariablesAndFiles() throws IOException {
        // given
        Files.writeString(folder.resolve("token.txt"), "file-token\n");
        Path file = write("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: two-portals
                    source: hubspot
                    blueprint: blueprint.yaml
                    credentials:
                      HUBSPOT_TOKEN: { file: token.txt }
                      SF_ACCESS_TOKEN: { env: NORTHWIND_TOKEN }
                """);

        // when
        ScheduledAudit audit = ScheduleConfigLoader.load(file).audits().get(0);

        // then
        Map<String, String> environment = audit.sourceEnvironment(Map.of("NORTHWIND_TOKEN", "env-token", "PATH", "/bin"));
        assertThat(environment).containsEntry("HUBSPOT_TOKEN", "file-token")
                .containsEntry("SF_ACCESS_TOKEN", "env-token")
                .containsEntry("PATH", "/bin");
    }

    @Test
    void rejectsAnUnknownKeyWithItsLineAndColumn() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: a
                    source: hubspot
                    blueprint: b.yaml
                    retention: { runs: 3, days: 5 }
                """);

        // then
        assertThat(error.code()).isEqualTo(ErrorCode.BAD_CONFIG);
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":7:27: unknown key 'days' in 'retention'; allowed keys: runs");
    }

    @Test
    void rejectsAWrongTypeWithItsLineAndColumn() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                http:
                  port: ninety
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml }
                """);

        // then
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":4:9: 'port' must be a whole number, not 'ninety'");
    }

    @Test
    void rejectsAnInvalidCronExpressionAtItsPosition() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: a
                    source: hubspot
                    blueprint: b.yaml
                    schedule: "0 0 25 * * ?"
                """);

        // then
        assertThat(error.getMessage()).startsWith(folder.resolve("audits.yaml") + ":7:15: audits[0].schedule: not a Quartz cron expression");
    }

    @Test
    void rejectsAnUnknownTimeZone() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml, timeZone: Europe/Atlantis }
                """);

        // then
        assertThat(error.getMessage()).contains(":4:").contains("unknown time zone 'Europe/Atlantis'");
    }

    @Test
    void rejectsTwoAuditsWithOneName() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml }
                  - { name: a, source: salesforce, blueprint: b.yaml }
                """);

        // then
        assertThat(error.getMessage()).contains(":5:").contains("another audit is already named 'a'");
    }

    @Test
    void rejectsAClusterWithoutASharedPostgresStore() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                cluster: true
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml }
                """);

        // then
        assertThat(error.getMessage()).contains(":3:10:").contains("cluster: true needs a PostgreSQL store");
    }

    @Test
    void rejectsASecretWhereAVariableNameBelongs() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: a
                    source: hubspot
                    blueprint: b.yaml
                    notify:
                      - slackWebhookEnv: https://hooks.example.invalid/T000/B000/XXXX
                """);

        // then
        assertThat(error.getMessage()).contains(":8:").contains("'slackWebhookEnv' must be an environment variable name")
                .doesNotContain("hooks.example.invalid");
    }

    @Test
    void rejectsAFileOfAnotherKind() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: Blueprint
                audits: []
                """);

        // then
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":2:7: 'kind' must be 'AuditSchedule', not 'Blueprint'");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirPosition() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: [unclosed
                """);

        // then
        assertThat(error.code()).isEqualTo(ErrorCode.BAD_CONFIG);
        assertThat(error.getMessage()).startsWith(folder.resolve("audits.yaml") + ":5:1: YAML syntax error: ")
                .contains("at line 4").doesNotContain("\n");
    }

    @Test
    void acceptsEveryFormatTheReportWritersKnowAndNamesThemForAnUnknownOne() throws IOException {
        // given
        Path file = write(oneAuditWith("formats: [" + String.join(", ", ReportWriters.formats()) + "]"));

        // when
        ScheduledAudit audit = ScheduleConfigLoader.load(file).audits().get(0);
        L2oException error = loadError(oneAuditWith("formats: [json, docx]"));

        // then
        assertThat(audit.formats()).isEqualTo(ReportWriters.formats());
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":7:21: audits[0].formats: unknown format 'docx'; use one of "
                + String.join(", ", ReportWriters.formats()));
    }

    @Test
    void theSchemaLeavesTheListOfFormatsToTheReportWriters() {
        // when
        String schema = ScheduleConfigLoader.schema();

        // then
        assertThat(ReportWriters.formats()).allSatisfy(format -> assertThat(schema).doesNotContain("\"" + format + "\""));
    }

    @Test
    void rejectsANotificationWithBothTargets() throws IOException {
        // when
        L2oException error = loadError(oneAuditWith("notify:\n  - { slackWebhookEnv: SLACK, webhookEnv: HOOK }"));

        // then
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml")
                + ":8:9: each notification must name exactly one of slackWebhookEnv, webhookEnv");
    }

    @Test
    void rejectsACredentialThatIsNotAnEnvironmentVariableName() throws IOException {
        // when
        L2oException error = loadError(oneAuditWith("credentials:\n  HUBSPOT-TOKEN: { env: TOKEN }"));

        // then
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml")
                + ":8:7: audits[0].credentials.HUBSPOT-TOKEN: not an environment variable name");
    }

    @Test
    void rejectsAnEmptyAuditListAMissingKeyAndARangeAsBlueprintsDo() throws IOException {
        // when
        L2oException empty = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits: []
                """);
        L2oException missing = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                audits:
                  - name: a
                    blueprint: b.yaml
                """);
        L2oException range = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                workers: 100
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml }
                """);

        // then
        assertThat(empty.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":3:9: 'audits' must list at least one item");
        assertThat(missing.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":4:5: missing required key 'source' in audit");
        assertThat(range.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":3:10: 'workers' must be between 1 and 64, not 100");
    }

    @Test
    void rejectsADuplicateKeyWithThePositionOfTheFirst() throws IOException {
        // when
        L2oException error = loadError("""
                apiVersion: l2o/v1
                kind: AuditSchedule
                workers: 2
                workers: 3
                audits:
                  - { name: a, source: hubspot, blueprint: b.yaml }
                """);

        // then
        assertThat(error.getMessage()).isEqualTo(folder.resolve("audits.yaml") + ":4:1: duplicate key 'workers' (first at line 3)");
    }
}
