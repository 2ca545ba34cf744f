package dev.l2o.salesforce.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.metadata.Flow;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.SecretRedactor;
import dev.l2o.http.WriteRefusedException;
import dev.l2o.salesforce.SalesforceSettings;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceMetadataReaderTest {
    private SalesforceSimulator simulator;

    @BeforeEach
    void start() {
        simulator = SalesforceSimulator.start(SimulatedOrg.generate(11, new OrgSizes(30, 23, 10)), SimulatorOptions.defaults());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SalesforceHttp http(SalesforceCredentials credentials) {
        SalesforceSettings settings = new SalesforceSettings(credentials instanceof SalesforceCredentials.AccessToken
                ? simulator.instanceUrl() : null, simulator.loginUrl(), "62.0", 50_000, 1);
        SalesforceAuthenticator authenticator = new SalesforceAuthenticator(credentials, settings, Clock.systemUTC());
        SalesforceSession[] current = new SalesforceSession[1];
        SalesforceHttp[] http = new SalesforceHttp[1];
        http[0] = new SalesforceHttp(new ApiBudget(1), new SalesforceHttp.SessionHolder() {
            @Override
            public SalesforceSession current() {
                return current[0];
            }

            @Override
            public SalesforceSession renew() {
                if (!authenticator.renewable()) {
                    return null;
                }
                current[0] = authenticator.login(http[0]);
                return current[0];
            }
        }, SecretRedactor.generic(), d -> { }, new RetryPolicy(2, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO));
        current[0] = authenticator.login(http[0]);
        return http[0];
    }

    private long count(String operation) {
        return simulator.requestLog().stream().filter(r -> r.operation().equals(operation)).count();
    }

    @Test
    void readMetadataAsksForAtMostTenNamesPerCall() {
        // given
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http(new SalesforceCredentials.Password("u", "p")));

        // when
        OrgMetadata metadata = OrgMetadata.read(reader, List.of("Account", "Lead", "Opportunity"));

        // then
        // 23 on Opportunity and the renewal flow
        assertThat(metadata.flows()).hasSize(24);
        assertThat(metadata.flowDefinitions()).hasSize(24);
        assertThat(metadata.queues()).hasSize(5);
        assertThat(metadata.objects()).extracting(Metadata::getFullName).containsExactly("Account", "Lead", "Opportunity");
        assertThat(metadata.workflows()).extracting(Metadata::getFullName).containsExactly("Opportunity");
        assertThat(metadata.assignmentRules()).extracting(Metadata::getFullName).containsExactly("Lead");
        assertThat(count("listMetadata")).isEqualTo(1);
        // StandardValueSet 1, CustomObject 1, Workflow 1, AssignmentRules 1, Flow 3, FlowDefinition 3, Queue 1
        assertThat(count("readMetadata")).isEqualTo(11);
        assertThat(OrgMetadata.minimumCalls(List.of("Account", "Lead", "Opportunity"), 24, 24, 5, 0)).isEqualTo(12);
    }

    @Test
    void anExpiredSessionOnAMetadataCallLogsInAgainOnce() {
        // given
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http(new SalesforceCredentials.Password("u", "p")));
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SESSION_EXPIRED));

        // when
        List<Metadata> flows = reader.read("Flow", List.of("Opportunity_Automation_1"));

        // then
        assertThat(flows).hasSize(1);
        assertThat(count("login")).isEqualTo(2);
    }

    @Test
    void readsOnThePoolThatMeetAnExpiredSessionTogetherShareOneNewLogin() {
        // given
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http(new SalesforceCredentials.Password("u", "p")), 3);
        List<String> names = IntStream.range(0, 23).mapToObj(i -> "Opportunity_Automation_" + i).toList();
        simulator.gatherMetadataReads("Flow", 3);
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SESSION_EXPIRED).on("readMetadata"));

        // when
        List<Metadata> flows = reader.read("Flow", names);

        // then
        assertThat(flows).extracting(Metadata::getFullName).containsExactlyElementsOf(names);
        assertThat(count("login")).isEqualTo(2);
        assertThat(simulator.peakConcurrentMetadataReads()).isEqualTo(3);
    }

    @Test
    void anExpiredAccessTokenCannotBeRenewedAndIsTheUsersToReplace() {
        // given
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http(new SalesforceCredentials.AccessToken("00Dtoken!abc")));
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SESSION_EXPIRED));

        // then
        assertThatThrownBy(() -> reader.read("Flow", List.of("Opportunity_Automation_1")))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED));
    }

    @Test
    void aMetadataFaultForTheDailyLimitStopsTheRead() {
        // given
        SalesforceMetadataReader reader = new SalesforceMetadataReader(http(new SalesforceCredentials.Password("u", "p")));
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.LIMIT_EXCEEDED));

        // then
        assertThatThrownBy(() -> reader.read("Flow", List.of("Opportunity_Automation_1")))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.API_LIMIT_REACHED));
    }

    @Test
    void theSoapTransportRefusesWriteOperationsBeforeSendingThem() throws ConnectionException {
        // given
        SalesforceHttp http = http(new SalesforceCredentials.Password("u", "p"));
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(http.sessions().current().metadataUrl());
        config.setSessionId(http.sessions().current().accessToken());
        config.setTransportFactory(() -> new OkHttpSoapTransport(http));
        MetadataConnection connection = new MetadataConnection(config);
        int before = simulator.requestLog().size();

        // then
        assertThatThrownBy(() -> connection.deleteMetadata("Flow", new String[] {"Opportunity_Automation_1"}))
                .hasCauseInstanceOf(WriteRefusedException.class);
        assertThatThrownBy(() -> connection.createMetadata(new Metadata[] {new Flow()}))
                .hasCauseInstanceOf(WriteRefusedException.class);
        assertThat(simulator.requestLog()).hasSize(before).extracting(SimulatedRequest::operation)
                .doesNotContain("deleteMetadata", "createMetadata");
    }
}
