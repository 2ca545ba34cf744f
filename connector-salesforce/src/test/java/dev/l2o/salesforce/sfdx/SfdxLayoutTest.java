package dev.l2o.salesforce.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SfdxLayoutTest {
    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String QUEUE = HEADER + """
            <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
                <doesSendEmailToMembers>false</doesSendEmailToMembers>
                <name>Inbound SDR</name>
                <queueSobject>
                    <sobjectType>Lead</sobjectType>
                </queueSobject>
            </Queue>
            """;
    private static final String DRAFT_FLOW = HEADER + """
            <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                <apiVersion>62.0</apiVersion>
                <label>Stamp Won Date</label>
                <processType>AutoLaunchedFlow</processType>
                <start>
                    <locationX>50</locationX>
                    <locationY>0</locationY>
                    <object>Opportunity</object>
                    <recordTriggerType>Update</recordTriggerType>
                    <triggerType>RecordBeforeSave</triggerType>
                </start>
                <status>%s</status>
            </Flow>
            """;

    @TempDir
    Path folder;

    @Test
    void aFolderWithoutAProjectFileReadsItsForceAppFolder() throws IOException {
        // given
        write("force-app/main/default/queues/Inbound_SDR.queue-meta.xml", QUEUE);
        write("other/queues/Ignored.queue-meta.xml", QUEUE);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.assignees()).extracting(assignee -> assignee.name()).containsExactly("Inbound_SDR");
        assertThat(snapshot.source().attributes()).containsEntry("packageDirectories", "force-app");
    }

    @Test
    void aFolderWithoutProjectFileOrForceAppIsReadAtAnyDepth() throws IOException {
        // given
        write("retrieved/unpackaged/queues/Inbound_SDR.queue-meta.xml", QUEUE);
        write("flows/Stamp_Won_Date.flow-meta.xml", DRAFT_FLOW.formatted("Active"));

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.assignees()).extracting(assignee -> assignee.label()).containsExactly("Inbound SDR");
        assertThat(snapshot.automations()).extracting(Automation::name, Automation::active, Automation::trigger)
                .containsExactly(tuple("Stamp_Won_Date", true, "RecordBeforeSave/Update"));
        assertThat(snapshot.automations().get(0).ref().file()).isEqualTo("flows/Stamp_Won_Date.flow-meta.xml");
        assertThat(snapshot.stageHistory()).isEmpty();
    }

    @Test
    void aRequestWithoutAutomationsReadsNoFlowWorkflowOrQueueFile() throws IOException {
        // given: a flow file that is not even well-formed, which a request for automations reports
        write("force-app/main/default/queues/Inbound_SDR.queue-meta.xml", QUEUE);
        write("force-app/main/default/flows/Broken.flow-meta.xml", "<Flow><start>");

        // when
        Snapshot snapshot = connector(folder).fetch(FetchRequest.everything().withoutAutomations());

        // then
        assertThat(snapshot.automations()).isEmpty();
        assertThat(snapshot.assignees()).isEmpty();
        assertThatThrownBy(this::fetch).isInstanceOf(L2oException.class).hasMessageContaining("Broken.flow-meta.xml");
    }

    @Test
    void everyPackageDirectoryOfTheProjectFileIsRead() throws IOException {
        // given
        write("sfdx-project.json", """
                {"packageDirectories": [{"path": "core", "default": true}, {"path": "packages/sales"}], "sourceApiVersion": "61.0"}
                """);
        write("core/main/default/queues/Inbound_SDR.queue-meta.xml", QUEUE);
        write("packages/sales/flows/Stamp_Won_Date.flow-meta.xml", DRAFT_FLOW.formatted("Active"));
        write("force-app/main/default/queues/Not_Declared.queue-meta.xml", QUEUE);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.assignees()).extracting(assignee -> assignee.name()).containsExactly("Inbound_SDR");
        assertThat(snapshot.automations()).extracting(Automation::name).containsExactly("Stamp_Won_Date");
        assertThat(snapshot.source().attributes()).containsEntry("packageDirectories", "core, packages/sales")
                .containsEntry("sourceApiVersion", "61.0");
    }

    @Test
    void aFlowDefinitionOverridesTheFlowStatus() throws IOException {
        // given
        write("flows/Stamp_Won_Date.flow-meta.xml", DRAFT_FLOW.formatted("Active"));
        write("flowDefinitions/Stamp_Won_Date.flowDefinition-meta.xml", definition(0));
        write("flows/Old_Process.flow-meta.xml", DRAFT_FLOW.formatted("Draft"));
        write("flowDefinitions/Old_Process.flowDefinition-meta.xml", HEADER + """
                <FlowDefinition xmlns="http://soap.sforce.com/2006/04/metadata">
                    <activeVersionNumber>3</activeVersionNumber>
                    <masterLabel>Old Process</masterLabel>
                </FlowDefinition>
                """);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.automations()).extracting(Automation::name, Automation::active, a -> a.attributes().get("activeVersionNumber"))
                .containsExactly(tuple("Old_Process", true, "3"), tuple("Stamp_Won_Date", false, "0"));
    }

    @Test
    void flowVersionsOfTheMetadataFormatBeforeApi44AreOneFlowNamedAsItsDefinition() throws IOException {
        // given: a retrieve in the metadata format of API 43.0: versions Name-N, the definition named Name
        write("flows/Old_Process-1.flow", DRAFT_FLOW.formatted("Obsolete"));
        write("flows/Old_Process-2.flow", DRAFT_FLOW.formatted("Active").replace("Stamp Won Date", "Second"));
        write("flows/Old_Process-3.flow", DRAFT_FLOW.formatted("Draft").replace("Stamp Won Date", "Third"));
        write("flowDefinitions/Old_Process.flowDefinition", definition(2));
        write("flows/Never_Active-1.flow", DRAFT_FLOW.formatted("Draft").replace("Stamp Won Date", "First"));
        write("flows/Never_Active-4.flow", DRAFT_FLOW.formatted("Draft").replace("Stamp Won Date", "Fourth"));
        write("flowDefinitions/Never_Active.flowDefinition", definition(0));
        // a flow whose own name ends in a number, without a definition of the shorter name: left as it is
        write("flows/Route-2.flow", DRAFT_FLOW.formatted("Active").replace("Stamp Won Date", "Route 2"));

        // when
        Snapshot snapshot = fetch();

        // then: the active version stands for Old_Process, the latest for a flow no version of which is active
        assertThat(snapshot.automations()).extracting(Automation::name, Automation::label, Automation::active)
                .containsExactlyInAnyOrder(tuple("Old_Process", "Second", true), tuple("Never_Active", "Fourth", false),
                        tuple("Route-2", "Route 2", true));
    }

    @Test
    void theDecomposedWorkflowLayoutGivesTheSameRulesAsTheWholeFile() throws IOException {
        // given
        write("workflows/Opportunity/Opportunity.workflow-meta.xml", HEADER + """
                <Workflow xmlns="http://soap.sforce.com/2006/04/metadata"/>
                """);
        write("workflows/Opportunity/workflowFieldUpdates/Stamp_Close_Date.workflowFieldUpdate-meta.xml", HEADER + """
                <WorkflowFieldUpdate xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Stamp_Close_Date</fullName>
                    <field>CloseDate</field>
                    <formula>TODAY()</formula>
                    <name>Stamp Close Date</name>
                    <notifyAssignee>false</notifyAssignee>
                    <operation>Formula</operation>
                    <protected>false</protected>
                </WorkflowFieldUpdate>
                """);
        write("workflows/Opportunity/workflowRules/Opp%2E Actual Close Date Stamp.workflowRule-meta.xml", HEADER + """
                <WorkflowRule xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Opp%2E Actual Close Date Stamp</fullName>
                    <actions>
                        <name>Stamp_Close_Date</name>
                        <type>FieldUpdate</type>
                    </actions>
                    <active>true</active>
                    <formula>AND(ISCHANGED(StageName), IsWon)</formula>
                    <triggerType>onAllChanges</triggerType>
                </WorkflowRule>
                """);

        // when
        Snapshot snapshot = fetch();

        // then
        assertThat(snapshot.automations()).singleElement().satisfies(rule -> {
            assertThat(rule.kind()).isEqualTo(AutomationKind.WORKFLOW);
            assertThat(rule.name()).isEqualTo("Opp. Actual Close Date Stamp");
            assertThat(rule.object()).isEqualTo("Opportunity");
            assertThat(rule.fieldsWritten()).containsExactly("CloseDate");
            assertThat(rule.fieldsReferenced()).containsExactly("IsWon", "StageName");
            assertThat(rule.ref().path()).isEqualTo("WorkflowRule/Opportunity.Opp. Actual Close Date Stamp");
        });
    }

    @Test
    void encodedDotsInFileNamesAreDecoded() throws IOException {
        // given
        write("standardValueSets/OpportunityStage.standardValueSet-meta.xml", HEADER + """
                <StandardValueSet xmlns="http://soap.sforce.com/2006/04/metadata">
                    <sorted>false</sorted>
                    <standardValue>
                        <fullName>Discovery</fullName>
                        <default>true</default>
                        <label>Discovery</label>
                        <closed>false</closed>
                        <forecastCategory>Pipeline</forecastCategory>
                        <probability>10</probability>
                        <won>false</won>
                    </standardValue>
                </StandardValueSet>
                """);
        write("objects/Opportunity/businessProcesses/Global 2%2E0.businessProcess-meta.xml", HEADER + """
                <BusinessProcess xmlns="http://soap.sforce.com/2006/04/metadata">
                    <isActive>false</isActive>
                    <values>
                        <fullName>Discovery</fullName>
                        <default>true</default>
                    </values>
                </BusinessProcess>
                """);

        // when
        Snapshot snapshot = fetch();

        // then
        Pipeline process = snapshot.pipelinesOf("Opportunity").get(1);
        assertThat(process.label()).isEqualTo("Global 2.0");
        assertThat(process.ref().path()).isEqualTo("BusinessProcess/Opportunity.Global 2.0");
        assertThat(process.stages()).singleElement().satisfies(stage -> {
            assertThat(stage.probability()).isEqualTo(10.0);
            assertThat(stage.attributes()).containsEntry("businessProcessActive", "false");
        });
    }

    @Test
    void malformedXmlNamesFileLineAndColumn() throws IOException {
        // given
        write("force-app/main/default/queues/Broken.queue-meta.xml", HEADER + """
                <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
                    <name>Broken</name>
                    <queueSobject>
                </Queue>
                """);

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessageStartingWith("force-app/main/default/queues/Broken.queue-meta.xml:5:3: ")
                .hasMessageContaining("queueSobject");
    }

    @Test
    void aFileWhoseRootIsNotItsTypeIsMalformed() throws IOException {
        // given
        write("queues/Odd.queue-meta.xml", DRAFT_FLOW.formatted("Active"));

        // when / then
        assertThatThrownBy(this::fetch)
                .hasMessage("queues/Odd.queue-meta.xml:2:55: expected the root element Queue but found Flow");
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        // given
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET-TOKEN");
        write("queues/Evil.queue-meta.xml", HEADER + """
                <!DOCTYPE Queue [<!ENTITY leak SYSTEM "%s">]>
                <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
                    <name>&leak;</name>
                </Queue>
                """.formatted(secret.toUri()));

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA))
                .hasMessageStartingWith("queues/Evil.queue-meta.xml:2:")
                .hasMessageContaining("DOCTYPE")
                .message().doesNotContain("TOP-SECRET-TOKEN");
    }

    @Test
    void aMissingFolderIsABadSource() {
        // when / then
        assertThatThrownBy(() -> connector(folder.resolve("absent")).fetch(FetchRequest.everything()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE))
                .hasMessageEndingWith("absent: no such directory");
    }

    @Test
    void aPackageDirectoryThatDoesNotExistIsABadSource() throws IOException {
        // given
        write("sfdx-project.json", "{\"packageDirectories\": [{\"path\": \"force-app\"}]}");

        // when / then
        assertThatThrownBy(this::fetch)
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE))
                .hasMessage("sfdx-project.json: package directory 'force-app' does not exist");
    }

    @Test
    void aBrokenProjectFileNamesLineAndColumn() throws IOException {
        // given
        write("sfdx-project.json", "{\n  \"packageDirectories\": [\n    {\"path\": \"force-app\",}\n  ]\n}");

        // when / then
        assertThatThrownBy(this::fetch).hasMessageStartingWith("sfdx-project.json:3:");
    }

    @Test
    void historyIsReadOnlyWhenRequested() throws IOException {
        // given
        write("data/OpportunityHistory.csv", "OpportunityId,StageName,CreatedDate\n0061,Qualification,2026-01-05 09:30:00\n");

        // when
        Snapshot withHistory = fetch();
        Snapshot without = connector(folder).fetch(new FetchRequest(Set.of("Opportunity"), Map.of(), false));

        // then
        assertThat(withHistory.stageHistory()).isPresent();
        assertThat(without.stageHistory()).isEmpty();
    }

    @Test
    void anEmptyLocationIsABadSource() {
        // when / then
        assertThatThrownBy(() -> new SfdxConnectorFactory().create(SourceSpec.parse("sfdx", Map.of()), context()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_SOURCE))
                .hasMessage("sfdx needs the project folder: --source sfdx:PATH");
    }

    private Snapshot fetch() {
        return connector(folder).fetch(FetchRequest.everything());
    }

    private SfdxConnector connector(Path project) {
        return new SfdxConnector(project, project.toString(), context());
    }

    private ConnectorContext context() {
        return new ConnectorContext(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC), Map.of(), folder,
                ProgressListener.NONE);
    }

    /** A {@code FlowDefinition} whose active version is {@code activeVersion} (0: none). */
    private static String definition(int activeVersion) {
        return HEADER + """
                <FlowDefinition xmlns="http://soap.sforce.com/2006/04/metadata">
                    <activeVersionNumber>%d</activeVersionNumber>
                </FlowDefinition>
                """.formatted(activeVersion);
    }

    private void write(String relative, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
