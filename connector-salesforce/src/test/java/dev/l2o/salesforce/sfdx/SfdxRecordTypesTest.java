package dev.l2o.salesforce.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SfdxRecordTypesTest {
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

    @TempDir
    Path folder;

    @BeforeEach
    void project() throws IOException {
        write("sfdx-project.json", "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}]}");
        write(OBJECT + "businessProcesses/New Business.businessProcess-meta.xml", PROCESS.formatted("New Business"));
        write(OBJECT + "businessProcesses/Renewal.businessProcess-meta.xml", PROCESS.formatted("Renewal"));
        write(OBJECT + "recordTypes/New_Logo.recordType-meta.xml", RECORD_TYPE.formatted("New_Logo", true, "New Business", "New Logo"));
        write(OBJECT + "recordTypes/Renewal.recordType-meta.xml", RECORD_TYPE.formatted("Renewal", true, "Renewal", "Renewal"));
        write(OBJECT + "recordTypes/Legacy_Renewal.recordType-meta.xml",
                RECORD_TYPE.formatted("Legacy_Renewal", false, "Renewal", "Legacy Renewal"));
    }

    @Test
    void eachSalesProcessListsTheRecordTypesThatUseItActiveOrNot() {
        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.pipelinesOf("Opportunity")).extracting(Pipeline::id, Pipeline::recordTypes)
                .containsExactly(tuple("Opportunity.New Business", List.of("New_Logo")),
                        tuple("Opportunity.Renewal", List.of("Legacy_Renewal", "Renewal")));
    }

    @Test
    void aRecordNamesTheSalesProcessOfItsRecordTypeWhateverTheCaseOfTheHeader() throws IOException {
        // given: Data Loader writes headers in capitals
        write("data/Opportunity.csv", """
                "ID","NAME","RECORDTYPE.DEVELOPERNAME"
                "006A","Acme renewal","renewal"
                "006B","Globex","New_Logo"
                "006C","Initech","Legacy_Renewal"
                "006D","Master record type",""
                "006E","Deleted record type","Gone"
                """);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.records()).extracting(CrmRecord::id, CrmRecord::pipeline).containsExactly(
                tuple("006A", "Opportunity.Renewal"), tuple("006B", "Opportunity.New Business"), tuple("006C", "Opportunity.Renewal"),
                tuple("006D", null), tuple("006E", null));
        assertThat(snapshot.records().get(0).values()).containsOnlyKeys("Name");
        assertThat(snapshot.source().attributes()).doesNotContainKey(SfdxConnector.RECORD_TYPES);
    }

    @Test
    void anExportWithOnlyRecordTypeIdsNamesNoSalesProcessAndSaysWhy() throws IOException {
        // given
        write("data/Opportunity.csv", """
                Id,Name,RecordTypeId
                006A,Acme renewal,0125g000000AbCdAAK
                """);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.records()).extracting(CrmRecord::pipeline).containsExactly((String) null);
        assertThat(snapshot.source().attributes()).containsEntry(SfdxConnector.RECORD_TYPES,
                "data/Opportunity.csv: record types are named only by RecordTypeId, an id no metadata file holds; add a"
                        + " RecordType.DeveloperName column to decide each record's sales process by its record type");
    }

    private Snapshot fetch() {
        return new SfdxConnector(folder, folder.toString(), new ConnectorContext(
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), Map.of(), folder, ProgressListener.NONE))
                .fetch(FetchRequest.everything());
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
