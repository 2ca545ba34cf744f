package dev.l2o.snapshot;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.FetchRequest;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a snapshot file as a source. The request is not consulted: a snapshot holds what it was taken with,
 * and the rules decide what is missing from it.
 */
final class SnapshotConnector implements CrmConnector {
    static final String CAPTURED_TYPE = "capturedType";
    static final String CAPTURED_LOCATION = "capturedLocation";

    private final Path file;
    private final String location;

    SnapshotConnector(Path file, String location) {
        this.file = requireNonNull(file, "file is null");
        this.location = requireNonNull(location, "location is null");
    }

    /**
     * The snapshot in the file with its own as-of time, and a source that names the file; the source it was
     * captured from stays in the attributes (a snapshot of a snapshot keeps the first capture).
     */
    @Override
    public Snapshot fetch(FetchRequest request) {
        Snapshot snapshot = SnapshotReader.read(file);
        SourceInfo captured = snapshot.source();
        Map<String, String> attributes = new TreeMap<>(captured.attributes());
        if (!captured.type().equals(SnapshotConnectorFactory.NAME)) {
            attributes.put(CAPTURED_TYPE, captured.type());
            attributes.put(CAPTURED_LOCATION, captured.location());
        }
        SourceInfo source = new SourceInfo(SnapshotConnectorFactory.NAME, location, attributes);
        return new Snapshot(source, snapshot.crm(), snapshot.asOf(), snapshot.completeness(), snapshot.pipelines(),
                snapshot.fields(), snapshot.automations(), snapshot.assignmentRules(), snapshot.assignees(),
                snapshot.records(), snapshot.history(), snapshot.changeTrail());
    }
}
