package dev.l2o.app;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.CrmConnectors;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.SourceSpec;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.ErrorType;
import dev.l2o.error.L2oException;
import dev.l2o.error.Unwrapped;
import dev.l2o.history.OpportunityHistoryCsv;
import dev.l2o.model.Snapshot;
import dev.l2o.snapshot.SnapshotReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
        return fetch(spec, historyCsv, context, connector -> connector.fetch(request));
    }

    /**
     * Fetches {@code spec} incrementally on top of the previous run's snapshot where the connector can prove it
     * holds; no snapshot, or a missing or unreadable file, makes the fetch full, and the snapshot says why. (The
     * previous file must stay until the returned source is closed: the merged history reads its rows.)
     */
    public static OpenSource fetchSince(SourceSpec spec, Path historyCsv, FetchRequest request, PreviousRun previousRun,
            ConnectorContext context) {
        PreviousSnapshot previous = previousRun.file() == null ? PreviousSnapshot.absent(previousRun.absentReason())
                : previous(previousRun.file());
        return fetch(spec, historyCsv, context, connector -> connector.fetch(request, previous));
    }

    private static PreviousSnapshot previous(Path file) {
        if (!Files.exists(file)) {
            return PreviousSnapshot.absent("the previous snapshot " + file + " does not exist");
        }
        try {
            return PreviousSnapshot.of(SnapshotReader.read(file));
        } catch (L2oException e) {
            if (e.type() != ErrorType.USER) {
                throw e;
            }
            return PreviousSnapshot.absent("the previous snapshot could not be read (" + e.getMessage() + ")");
        }
    }

    private static OpenSource fetch(SourceSpec spec, Path historyCsv, ConnectorContext context, Function<CrmConnector, Snapshot> read) {
        if (historyCsv != null && !Files.isReadable(historyCsv)) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "--history-csv " + historyCsv + ": no such readable file");
        }
        // The history file is opened (its header read) while the source is fetched; its errors still come after the
        // fetch's, as they did when it was opened afterwards.
        CompletableFuture<OpportunityHistoryCsv> history = historyCsv == null ? null
                : CompletableFuture.supplyAsync(() -> OpportunityHistoryCsv.open(historyCsv, historyCsv.toString()));
        CrmConnector connector = CrmConnectors.open(spec, context);
        try {
            Snapshot snapshot = read.apply(connector);
            if (history != null) {
                snapshot = snapshot.withHistory(Unwrapped.join(history));
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
