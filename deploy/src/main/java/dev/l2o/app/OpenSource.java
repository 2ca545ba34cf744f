package dev.l2o.app;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fetched source whose connector stays open while the snapshot is used: live connectors spool history to
 * temporary files that closing deletes.
 */
public final class OpenSource implements AutoCloseable {
    private final CrmConnector connector;
    private final Snapshot snapshot;

    private OpenSource(CrmConnector connector, Snapshot snapshot) {
        this.connector = connector;
        this.snapshot = snapshot;
    }

    /**
     * Fetches {@code spec}; when {@code historyCsv} is given, its rows supply or replace the source's history.
     */
    public static OpenSource fetch(SourceSpec spec, Path historyCsv, FetchRequest request, ConnectorContext context) {
        if (historyCsv != null && !Files.isReadable(historyCsv)) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "--history-csv " + historyCsv + ": no such readable file");
        }
        CrmConnector connector = CrmConnectors.open(spec, context);
        try {
            Snapshot snapshot = connector.fetch(request);
            if (historyCsv != null) {
                snapshot = snapshot.withHistory(OpportunityHistoryCsv.open(historyCsv, historyCsv.toString()));
            }
            return new OpenSource(connector, snapshot);
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public void close() {
        connector.close();
    }
}
