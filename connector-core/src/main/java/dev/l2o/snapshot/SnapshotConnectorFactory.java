package dev.l2o.snapshot;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectorFactory;
import dev.l2o.connector.SettingDescriptor;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code snapshot:FILE} source: replays a file written by {@code l2o snapshot}, so an audit can be repeated
 * offline on exactly the data of another day. The snapshot keeps its own as-of time (metrics are as of the day
 * it was taken, not as of the replay); its source says {@code snapshot} and remembers the original source in
 * the attributes {@code capturedType} and {@code capturedLocation}.
 */
public final class SnapshotConnectorFactory implements CrmConnectorFactory {
    /** The {@code --source} scheme. */
    public static final String NAME = "snapshot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A snapshot file written by 'l2o snapshot' (snapshot:FILE), audited as of the time it was taken.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public CrmConnector create(SourceSpec spec, ConnectorContext context) {
        if (spec.location().isBlank()) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--source snapshot needs a file: use snapshot:FILE");
        }
        try {
            return new SnapshotConnector(Path.of(spec.location()), spec.location());
        } catch (InvalidPathException e) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--source snapshot:" + spec.location() + " is not a valid file name: "
                    + e.getReason());
        }
    }
}
