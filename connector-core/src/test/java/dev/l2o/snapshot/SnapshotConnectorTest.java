package dev.l2o.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotConnectorTest {
    @TempDir
    Path directory;

    @Test
    void theSnapshotSchemeFindsTheSnapshotFactory() {
        // when
        var factory = CrmConnectors.factoryFor(SourceSpec.parse("snapshot:nightly.l2o.json.gz", Map.of()));

        // then
        assertThat(factory).isInstanceOf(SnapshotConnectorFactory.class);
    }

    @Test
    void theSourceNamesTheFileAndRemembersWhereTheSnapshotWasTaken() {
        // given
        Path file = directory.resolve("nightly.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), file);

        // when
        Snapshot snapshot = fetch("snapshot:" + file);

        // then
        assertThat(snapshot.source()).isEqualTo(new SourceInfo("snapshot", file.toString(), Map.of(
                "apiVersion", "62.0", "sourceApiVersion", "62.0", "capturedType", "sfdx", "capturedLocation", "force-app")));
        Snapshot sample = SampleSnapshots.salesforce();
        assertThat(snapshot.asOf()).isEqualTo(sample.asOf());
        assertThat(List.of(snapshot.completeness(), snapshot.pipelines(), snapshot.fields(), snapshot.automations(),
                snapshot.assignmentRules(), snapshot.assignees(), snapshot.records()))
                .isEqualTo(List.of(sample.completeness(), sample.pipelines(), sample.fields(), sample.automations(),
                        sample.assignmentRules(), sample.assignees(), sample.records()));
        SnapshotAssertions.assertSameHistory(snapshot.history(), sample.history());
    }

    @Test
    void aSnapshotOfASnapshotKeepsTheFirstCapture() {
        // given
        Path first = directory.resolve("first.gz");
        Path second = directory.resolve("second.gz");
        SnapshotWriter.write(SampleSnapshots.salesforce(), first);
        SnapshotWriter.write(fetch("snapshot:" + first), second);

        // when
        Snapshot snapshot = fetch("snapshot:" + second);

        // then
        assertThat(snapshot.source().location()).isEqualTo(second.toString());
        assertThat(snapshot.source().attributes()).containsEntry("capturedType", "sfdx").containsEntry("capturedLocation", "force-app");
    }

    @Test
    void aSnapshotSourceWithoutAFileIsABadArgument() {
        // when, then
        assertThatThrownBy(() -> new SnapshotConnectorFactory().create(SourceSpec.parse("snapshot", Map.of()), ConnectorContext.standard()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT))
                .hasMessage("--source snapshot needs a file: use snapshot:FILE");
    }

    @Test
    void aMissingFileFailsOnFetchNotOnCreate() {
        // given
        CrmConnector connector = new SnapshotConnectorFactory()
                .create(SourceSpec.parse("snapshot:" + directory.resolve("absent.gz"), Map.of()), ConnectorContext.standard());

        // when, then
        assertThatThrownBy(() -> connector.fetch(FetchRequest.everything()))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNREADABLE_FILE));
    }

    private static Snapshot fetch(String source) {
        try (CrmConnector connector = new SnapshotConnectorFactory().create(SourceSpec.parse(source, Map.of()), ConnectorContext.standard())) {
            return connector.fetch(FetchRequest.everything());
        }
    }
}
