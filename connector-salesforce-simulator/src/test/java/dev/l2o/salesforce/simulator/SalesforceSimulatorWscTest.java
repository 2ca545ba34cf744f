package dev.l2o.salesforce.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.metadata.CustomObject;
import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.FlowVersionStatus;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.ManageableState;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.StandardValueSet;
import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator's SOAP envelopes as the real Force WSC client (its default JDK transport) parses them. */
class SalesforceSimulatorWscTest {
    private static SalesforceSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = SalesforceSimulator.start(SimulatedOrg.generate(7, new OrgSizes(40, 12, 600)), SimulatorOptions.defaults());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static LoginResult login() throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(simulator.loginUrl() + "/services/Soap/u/62.0");
        config.setServiceEndpoint(simulator.loginUrl() + "/services/Soap/u/62.0");
        config.setManualLogin(true);
        PartnerConnection partner = new PartnerConnection(config);
        return partner.login("anyone@example.com", "any password");
    }

    private static MetadataConnection metadata(LoginResult login) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(login.getMetadataServerUrl());
        config.setSessionId(login.getSessionId());
        return new MetadataConnection(config);
    }

    @Test
    void loginAcceptsAnyCredentialsAndPointsTheServerUrlsAtTheSimulator() throws ConnectionException {
        // when
        LoginResult result = login();

        // then
        assertThat(result.getServerUrl()).startsWith(simulator.instanceUrl() + "/services/Soap/u/62.0/");
        assertThat(result.getMetadataServerUrl()).startsWith(simulator.instanceUrl() + "/services/Soap/m/62.0/");
        assertThat(result.getSessionId()).isNotBlank();
        assertThat(result.getUserInfo().getSessionSecondsValid()).isEqualTo(7200);
    }

    @Test
    void listMetadataAnswersUpToThreeQueriesWithFileProperties() throws ConnectionException {
        // given
        MetadataConnection connection = metadata(login());

        // when
        FileProperties[] listed = connection.listMetadata(new ListMetadataQuery[] {query("Flow"), query("FlowDefinition"), query("Queue")}, 62.0);

        // then
        // 12 flows on Opportunity and the renewal flow, each with its definition, and 5 queues
        assertThat(listed).hasSize(13 + 13 + 5);
        assertThat(listed).filteredOn(p -> p.getType().equals("Queue")).extracting(FileProperties::getFullName).contains("EMEA_SDR");
        // the org's own components, as an org without a namespace lists them: an id, unmanaged, no namespace prefix
        assertThat(listed[0].getId()).isNotEmpty();
        assertThat(listed[0].getManageableState()).isEqualTo(ManageableState.unmanaged);
        assertThat(listed[0].getNamespacePrefix()).isNull();
    }

    @Test
    void readMetadataReturnsTypedRecordsAndEmptyRecordsForUnknownNames() throws ConnectionException {
        // given
        MetadataConnection connection = metadata(login());

        // when
        Metadata[] flows = connection.readMetadata("Flow", new String[] {"Opportunity_Automation_0", "No_Such_Flow"}).getRecords();
        Metadata[] objects = connection.readMetadata("CustomObject", new String[] {"Opportunity"}).getRecords();
        Metadata[] stages = connection.readMetadata("StandardValueSet", new String[] {"OpportunityStage"}).getRecords();

        // then
        assertThat(flows[0]).isInstanceOf(Flow.class);
        assertThat(((Flow) flows[0]).getStatus()).isEqualTo(FlowVersionStatus.Active);
        assertThat(((Flow) flows[0]).getStart().getObject()).isEqualTo("Opportunity");
        assertThat(flows[1] == null || flows[1].getFullName() == null).isTrue();
        assertThat(((CustomObject) objects[0]).getFields()).extracting(Metadata::getFullName).contains("StageName", "Field_0__c");
        assertThat(((CustomObject) objects[0]).getValidationRules()).isNotEmpty();
        assertThat(((StandardValueSet) stages[0]).getStandardValue()).hasSize(10);
    }

    @Test
    void readMetadataRefusesMoreThanTenNames() throws ConnectionException {
        // given
        MetadataConnection connection = metadata(login());
        String[] names = new String[11];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Opportunity_Automation_" + i;
        }

        // then
        assertThatThrownBy(() -> connection.readMetadata("Flow", names)).isInstanceOf(SoapFaultException.class);
    }

    @Test
    void anExpiredSessionFailsMetadataCallsWithAPlainFaultThatWscDoesNotRenew() throws ConnectionException {
        // given
        MetadataConnection connection = metadata(login());
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SESSION_EXPIRED));

        // then
        assertThatThrownBy(() -> connection.readMetadata("Flow", new String[] {"Opportunity_Automation_0"}))
                .isInstanceOfSatisfying(SoapFaultException.class,
                        fault -> assertThat(fault.getFaultCode().getLocalPart()).isEqualTo("INVALID_SESSION_ID"));
        assertThat(metadata(login()).readMetadata("Flow", new String[] {"Opportunity_Automation_0"}).getRecords()).hasSize(1);
    }

    private static ListMetadataQuery query(String type) {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType(type);
        return query;
    }
}
