package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.sfdx.SfdxConnector;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opportunities name the sales process of their record type: read from an SFDX project (record type files and the
 * {@code RecordType.DeveloperName} column of its export), and from the live org that project describes.
 */
class SalesforceRecordTypesTest {
    private static final FetchRequest OPPORTUNITIES = new FetchRequest(Set.of("Opportunity"),
            Map.of("Opportunity", Set.of("Amount")), true);
    private static final String OBJECT = "force-app/main/default/objects/Opportunity/";
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String PROCESS = HEADER + """
            <BusinessProcess xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>%s</fullName>
                <isActive>true</isActive>
                <values>
                    <fullName>Negotiation/Review</fullName>
                    <default>true</default>
                </values>
                <values>
                    <fullName>Closed Won</fullName>
                    <default>false</default>
                </values>
            </BusinessProcess>
            """;
    private static final String RECORD_TYPE = HEADER + """
            <RecordType xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>%s</fullName>
                <active>%s</active>
                <businessProcess>%s</businessProcess>
                <label>%s</label>
            </RecordType>
            """;
    private static final String RECORDS = """
            Id,Amount,RecordType.DeveloperName
            006A,1000,Renewal
            006B,2000,New_Logo
            006C,3000,
            """;

    @TempDir
    Path project;
    @TempDir
    Path work;

    @Test
    void eachSalesProcessListsTheRecordTypesThatUseItActiveOrNot() throws IOException {
        // given
        org(true, RECORDS);

        // when
        Snapshot snapshot = sfdx();

        // then
        assertThat(snapshot.pipelinesOf("Opportunity")).extracting(Pipeline::id, Pipeline::recordTypes).containsExactly(
                tuple("Opportunity.New Business", List.of("New_Logo")), tuple("Opportunity.Renewal", List.of("Legacy_Renewal", "Renewal")));
    }

    @Test
    void anExportedRecordNamesTheSalesProcessOfItsRecordTypeWhateverTheCaseOfTheHeader() throws IOException {
        // given: Data Loader writes headers in capitals
        org(true, """
                "ID","AMOUNT","RECORDTYPE.DEVELOPERNAME"
                "006A","1000","renewal"
                "006B","2000","New_Logo"
                "006C","3000","Legacy_Renewal"
                "006D","4000",""
                "006E","5000","Deleted_Type"
                """);

        // when
        Snapshot snapshot = sfdx();

        // then
        assertThat(snapshot.records()).extracting(CrmRecord::id, CrmRecord::pipeline).containsExactly(
                tuple("006A", "Opportunity.Renewal"), tuple("006B", "Opportunity.New Business"), tuple("006C", "Opportunity.Renewal"),
                tuple("006D", null), tuple("006E", null));
        assertThat(snapshot.records().get(0).values()).containsOnlyKeys("Amount", "RecordType.DeveloperName")
                .containsEntry("RecordType.DeveloperName", "renewal");
        assertThat(snapshot.source().attributes()).doesNotContainKey(SfdxConnector.RECORD_TYPES);
    }

    @Test
    void anExportWithOnlyRecordTypeIdsNamesNoSalesProcessAndSaysWhy() throws IOException {
        // given
        org(true, """
                Id,Amount,RecordTypeId
                006A,1000,0125g000000AbCdAAK
                """);

        // when
        Snapshot snapshot = sfdx();

        // then
        assertThat(snapshot.records()).extracting(CrmRecord::pipeline).containsExactly((String) null);
        assertThat(snapshot.source().attributes()).containsEntry(SfdxConnector.RECORD_TYPES,
                "data/Opportunity.csv: record types are named only by RecordTypeId, an id no metadata file holds; add a"
                        + " RecordType.DeveloperName column to decide each record's sales process by its record type");
    }

    @Test
    void liveOpportunitiesNameTheSalesProcessOfTheirRecordTypeAsTheSfdxProjectDoes() throws IOException {
        // given
        org(true, RECORDS);

        // when
        Snapshot live = live(simulator -> assertThat(simulator.queryRequests("Opportunity")).isEqualTo(1));

        // then
        assertThat(live.completeness().complete()).isTrue();
        assertThat(live.records()).extracting(CrmRecord::id, CrmRecord::pipeline).containsExactly(
                tuple("006A", "Opportunity.Renewal"), tuple("006B", "Opportunity.New Business"), tuple("006C", null));
        assertThat(live.records().get(0).values()).containsEntry("RecordType.DeveloperName", "Renewal");
        assertThat(live.records().get(2).values()).containsEntry("RecordType.DeveloperName", null);
        Snapshot sfdx = sfdx();
        assertThat(live.pipelinesOf("Opportunity")).extracting(Pipeline::recordTypes)
                .containsExactlyElementsOf(sfdx.pipelinesOf("Opportunity").stream().map(Pipeline::recordTypes).toList());
        assertThat(live.records()).extracting(CrmRecord::pipeline)
                .containsExactlyElementsOf(sfdx.records().stream().map(CrmRecord::pipeline).toList());
    }

    @Test
    void aLiveOrgWithoutRecordTypesIsNotAskedForThem() throws IOException {
        // given: no record type, so no RecordTypeId field: naming it would fail the query with INVALID_FIELD
        org(false, RECORDS);

        // when
        Snapshot live = live(simulator -> { });

        // then
        assertThat(live.completeness().complete()).isTrue();
        assertThat(live.records()).hasSize(3).allSatisfy(record -> {
            assertThat(record.pipeline()).isNull();
            assertThat(record.values()).doesNotContainKey("RecordType.DeveloperName");
        });
    }

    private void org(boolean recordTypes, String records) throws IOException {
        write("sfdx-project.json", "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}]}");
        write(OBJECT + "Opportunity.object-meta.xml", HEADER + """
                <CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
                    <enableHistory>true</enableHistory>
                </CustomObject>
                """);
        write(OBJECT + "businessProcesses/New Business.businessProcess-meta.xml", PROCESS.formatted("New Business"));
        write(OBJECT + "businessProcesses/Renewal.businessProcess-meta.xml", PROCESS.formatted("Renewal"));
        if (recordTypes) {
            write(OBJECT + "recordTypes/New_Logo.recordType-meta.xml", RECORD_TYPE.formatted("New_Logo", true, "New Business", "New Logo"));
            write(OBJECT + "recordTypes/Renewal.recordType-meta.xml", RECORD_TYPE.formatted("Renewal", true, "Renewal", "Renewal"));
            write(OBJECT + "recordTypes/Legacy_Renewal.recordType-meta.xml",
                    RECORD_TYPE.formatted("Legacy_Renewal", false, "Renewal", "Legacy Renewal"));
        }
        write("data/Opportunity.csv", records);
        write("data/OpportunityHistory.csv", """
                OpportunityId,StageName,CreatedDate,Amount
                006A,Negotiation/Review,2026-01-05T10:00:00.000+0000,1000
                006B,Negotiation/Review,2026-01-06T10:00:00.000+0000,2000
                006C,Negotiation/Review,2026-01-07T10:00:00.000+0000,3000
                """);
    }

    private Snapshot sfdx() {
        try (CrmConnector sfdx = CrmConnectors.open(new SourceSpec("sfdx", project.toString(), Map.of()), context())) {
            return sfdx.fetch(OPPORTUNITIES);
        }
    }

    /** A live fetch from the org of the project; {@code afterwards} looks at the simulator before it stops. */
    private Snapshot live(Consumer<SalesforceSimulator> afterwards) {
        try (SalesforceSimulator simulator = SalesforceSimulator.start(SimulatedOrg.fromSfdx(project), SimulatorOptions.defaults());
                SalesforceConnector connector = new SalesforceConnector(
                        new SalesforceSettings(null, simulator.loginUrl(), "62.0", 50_000, 0.5),
                        new SalesforceCredentials.Password("integration@example.com", "any"), context(),
                        duration -> { }, new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO))) {
            Snapshot snapshot = connector.fetch(OPPORTUNITIES);
            afterwards.accept(simulator);
            return snapshot;
        }
    }

    private ConnectorContext context() {
        return new ConnectorContext(Clock.systemUTC(), Map.of(), work, ProgressListener.NONE);
    }

    private void write(String relative, String content) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
