package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code l2o metrics} of an SFDX project whose opportunities go through the stages both sales processes share: each
 * is measured in the lifecycle of its record type's sales process.
 */
class RecordTypeLifecyclesTest {
    private static final String PROCESS = """
            <BusinessProcess xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>%s</fullName>
                <isActive>true</isActive>
                <values><fullName>%s</fullName><default>true</default></values>
                <values><fullName>Negotiation/Review</fullName><default>false</default></values>
                <values><fullName>Closed Won</fullName><default>false</default></values>
            </BusinessProcess>
            """;
    /** A record type as {@code sf project retrieve} writes it, reduced to what decides the sales process. */
    private static final String RECORD_TYPE = "<RecordType xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
            + "<fullName>%s</fullName><active>true</active><businessProcess>%s</businessProcess><label>%s</label></RecordType>\n";

    @TempDir
    Path project;

    @Test
    void anOpportunityInSharedStagesIsMeasuredInTheLifecycleOfItsRecordType() throws IOException {
        // given: three new-business and one renewal opportunity, all negotiated and won
        write("sfdx-project.json", "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}]}");
        opportunityMetadata("businessProcesses/New Business.businessProcess", PROCESS.formatted("New Business", "Qualification"));
        opportunityMetadata("businessProcesses/Renewal.businessProcess", PROCESS.formatted("Renewal", "Renewal Review"));
        opportunityMetadata("recordTypes/New_Business.recordType", RECORD_TYPE.formatted("New_Business", "New Business", "New Business"));
        opportunityMetadata("recordTypes/Renewal.recordType", RECORD_TYPE.formatted("Renewal", "Renewal", "Renewal"));
        write("data/Opportunity.csv", """
                Id,Name,RecordType.DeveloperName
                006A,Acme,New_Business
                006B,Globex,New_Business
                006C,Initech,New_Business
                006D,Acme - Renewal,Renewal
                """);
        StringBuilder history = new StringBuilder("OpportunityId,StageName,CreatedDate\n");
        for (String id : new String[] {"006A", "006B", "006C", "006D"}) {
            history.append(id).append(",Negotiation/Review,2026-03-01T10:00:00.000+0000\n")
                    .append(id).append(",Closed Won,2026-03-11T10:00:00.000+0000\n");
        }
        write("data/OpportunityHistory.csv", history.toString());
        write("blueprint.yaml", """
                apiVersion: l2o/v1
                kind: Blueprint
                metadata: { name: record-types }
                opportunityLifecycle:
                  pipeline: New Business
                  stages:
                    - { key: negotiation, crm: { salesforce: Negotiation/Review } }
                    - { key: won, crm: { salesforce: Closed Won }, closed: true, won: true }
                lifecycles:
                  - name: renewals
                    motion: renewal
                    pipeline: Renewal
                    stages:
                      - { key: renewal-negotiation, crm: { salesforce: Negotiation/Review } }
                      - { key: renewed, crm: { salesforce: Closed Won }, closed: true, won: true }
                """);

        // when
        Cli run = Cli.run("metrics", "--source", "sfdx:" + project, "--blueprint", project.resolve("blueprint.yaml").toString(),
                "--as-of", "2026-04-01T00:00:00Z", "--format", "json");

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(run.out());
        assertThat(metrics.path("records").asInt()).isEqualTo(3);
        JsonNode renewals = metrics.path("lifecycles").path(1);
        assertThat(renewals.path("name").asText()).isEqualTo("renewals");
        assertThat(renewals.path("metrics").path("records").asInt()).isEqualTo(1);
        assertThat(renewals.path("won").asInt()).isEqualTo(1);
    }

    /** A metadata file of the Opportunity object in source format: {@code name}-meta.xml under its folder. */
    private void opportunityMetadata(String name, String xml) throws IOException {
        write("force-app/main/default/objects/Opportunity/" + name + "-meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
    }

    private void write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
