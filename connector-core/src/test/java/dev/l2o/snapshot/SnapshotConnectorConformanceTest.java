package dev.l2o.snapshot;

import dev.l2o.connector.ConnectorConformanceTest;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

class SnapshotConnectorConformanceTest extends ConnectorConformanceTest {
    private Path fixture;

    @BeforeEach
    void writeFixture() {
        fixture = workDirectory.resolve("fixture.l2o.json.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), fixture);
    }

    @Override
    protected CrmConnectorFactory factory() {
        return new SnapshotConnectorFactory();
    }

    @Override
    protected SourceSpec sourceSpec() {
        return SourceSpec.parse("snapshot:" + fixture, Map.of());
    }

    @Override
    protected String expectedCrm() {
        return SampleSnapshots.CRM;
    }

    @Override
    protected Instant expectedAsOf() {
        return SampleSnapshots.AS_OF;
    }

    @Override
    protected boolean fixtureIsComplete() {
        return SampleSnapshots.salesforce().completeness().complete();
    }

    @Override
    protected long requestsReceived() {
        return 0;
    }

    @Override
    protected void breakSource() {
        try {
            Files.writeString(fixture, "{\"not\": \"a snapshot\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("SF_ACCESS_TOKEN", "00D5g000004Xy1Z!AQ8AQJXg5oZ.conformance.fixture.token", "HUBSPOT_TOKEN",
                "pat-eu1-3f1d2c4b-9a8e-4f7d-b6c5-a4b3c2d1e0f9");
    }
}
