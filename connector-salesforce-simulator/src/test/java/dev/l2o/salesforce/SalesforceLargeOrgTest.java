package dev.l2o.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.internal.OrgMetadata;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.internal.SalesforceMetadataReader;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import dev.l2o.snapshot.SnapshotWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large org of issue 14: 2,000 flows, 500 validation rules and 300 custom fields on Opportunity, read with
 * readMetadata calls of ten names on a bounded pool.
 */
class SalesforceLargeOrgTest {
    private static final int FLOWS = 2_000;
    private static final int VALIDATION_RULES = 500;
    private static final int OPPORTUNITY_FIELDS = 300;
    private static final FetchRequest REQUEST = new FetchRequest(Set.of("Opportunity"), Map.of(), false);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    private static SalesforceSimulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    static void startTheLargeOrg() {
        simulator = SalesforceSimulator.start(SimulatedOrg.generate(14, new OrgSizes(2 * OPPORTUNITY_FIELDS, FLOWS, 10, VALIDATION_RULES)),
                SimulatorOptions.defaults().withApiUsage(0, 1_000_000));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private SalesforceConnector connector(int concurrentReads) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0", SalesforceSettings.DEFAULT_BULK_THRESHOLD, 1.0);
        return new SalesforceConnector(settings, new SalesforceCredentials.Password("integration@example.com", "any"),
                new ConnectorContext(CLOCK, Map.of(), work, ProgressListener.NONE), duration -> { },
                new RetryPolicy(3, Duration.ZERO, 1, Duration.ZERO, Duration.ZERO), null, concurrentReads);
    }

    private Snapshot fetch(int concurrentReads) {
        try (SalesforceConnector connector = connector(concurrentReads)) {
            return connector.fetch(REQUEST);
        }
    }

    private long metadataCalls(int from) {
        return simulator.requestLog().stream().skip(from)
                .filter(r -> r.operation().equals("readMetadata") || r.operation().equals("listMetadata")).count();
    }

    private static byte[] bytes(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotWriter.write(snapshot, out);
        return out.toByteArray();
    }

    @Test
    void everyFlowValidationRuleAndFieldIsReadWithTheFewestCallsOnAPoolThatOverlapsWithinItsBound() {
        // given
        int before = simulator.requestLog().size();
        simulator.gatherMetadataReads("Flow", 2);

        // when
        Snapshot snapshot = fetch(SalesforceMetadataReader.CONCURRENT_READS);

        // then
        assertThat(snapshot.completeness().complete()).isTrue();
        // the sized flows on Opportunity and the generated org's renewal flow on Contract
        assertThat(snapshot.automations()).filteredOn(a -> a.kind() == AutomationKind.FLOW).hasSize(FLOWS + 1);
        assertThat(snapshot.automations()).filteredOn(a -> a.kind() == AutomationKind.VALIDATION).hasSize(VALIDATION_RULES)
                .extracting(Automation::object).containsOnly("Opportunity");
        assertThat(snapshot.fields()).filteredOn(f -> f.custom() && f.object().equals("Opportunity")).hasSize(OPPORTUNITY_FIELDS);
        // one listMetadata, then readMetadata: 201 of flows, 201 of their definitions, 1 of queues, 1 of the object,
        // 1 of its workflow, 1 of the standard value sets
        assertThat(metadataCalls(before)).isEqualTo(OrgMetadata.minimumCalls(List.of("Opportunity"), FLOWS + 1, FLOWS + 1, 5, 0))
                .isEqualTo(407);
        assertThat(simulator.peakConcurrentMetadataReads()).isBetween(2, SalesforceMetadataReader.CONCURRENT_READS);
    }

    @Test
    void readsOnThePoolGiveTheSameSnapshotByteForByteAsReadsOneAfterTheOther() {
        // when
        byte[] sequential = bytes(fetch(1));
        int sequentialPeak = simulator.peakConcurrentMetadataReads();
        byte[] concurrent = bytes(fetch(SalesforceMetadataReader.CONCURRENT_READS));

        // then
        assertThat(sequentialPeak).isEqualTo(1);
        assertThat(concurrent).isEqualTo(sequential);
    }

    @Test
    void aBatchThatFailsOnThePoolFailsTheFetchAndStopsTheRemainingReads() {
        // given
        int before = simulator.requestLog().size();
        // the standard value sets, the object and its workflow come first: this fails the 48th batch of flows
        simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.SOAP_FAULT).on("readMetadata").after(50));

        // then
        assertThatThrownBy(() -> fetch(SalesforceMetadataReader.CONCURRENT_READS))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.type()).isEqualTo(ErrorType.EXTERNAL))
                .hasMessageContaining("readMetadata of Flow").hasMessageContaining("UNKNOWN_EXCEPTION");
        // the listing, the 51 reads up to the failed one, and the few the other workers made until they saw it; the
        // flows' other batches and their definitions (which come after them) are never read
        assertThat(metadataCalls(before)).isGreaterThanOrEqualTo(1 + 51).isLessThan(1 + 3 + FLOWS / 10);
    }
}
