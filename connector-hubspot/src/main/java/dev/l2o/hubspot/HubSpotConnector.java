package dev.l2o.hubspot;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.CrmConnector;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.http.HttpExecutor;
import dev.l2o.hubspot.internal.HubSpotFetcher;
import dev.l2o.model.Snapshot;
import java.util.Objects;

/**
 * A live HubSpot portal, read over HubSpot's v3/v4 REST API with a private-app token. Reads only (every
 * request passes a read-only guard), keeps within the portal's burst limit, retries transient failures, and
 * spools deal stage history to {@link ConnectorContext#workDirectory()} until {@link #close()}.
 * Not thread-safe; one fetch at a time.
 */
public final class HubSpotConnector implements CrmConnector {
    private final HubSpotSettings settings;
    private final ConnectorContext context;
    private HubSpotFetcher fetcher;

    public HubSpotConnector(HubSpotSettings settings, ConnectorContext context) {
        this.settings = requireNonNull(settings, "settings is null");
        this.context = requireNonNull(context, "context is null");
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.l2o.error.L2oException {@code AUTHENTICATION_FAILED} for a rejected token (401),
     *     {@code MISSING_PERMISSION} naming the missing scope (403), {@code SOURCE_UNAVAILABLE} or
     *     {@code API_LIMIT_REACHED} when not even the deal pipelines could be read
     */
    @Override
    public Snapshot fetch(FetchRequest request) {
        close();
        fetcher = new HubSpotFetcher(settings, context);
        return fetcher.fetch(request);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Pipelines, properties, owners and workflows are read in full (a handful of calls); deals and contacts
     * only where the CRM search API finds them modified since the previous snapshot's watermark (less
     * {@link dev.l2o.connector.IncrementalFetch#OVERLAP}), re-read whole with their history, and archived ones
     * are dropped. A previous snapshot of another portal, incomplete, older than 90 days (how long HubSpot lists
     * archived records) or asking for other data gives a full fetch, as do more than 10,000 changes (the search
     * API's cap).
     */
    @Override
    public Snapshot fetch(FetchRequest request, PreviousSnapshot previous) {
        close();
        fetcher = new HubSpotFetcher(settings, context);
        return fetcher.fetch(request, Objects.requireNonNull(previous, "previous is null"));
    }

    /** Requests sent by the last fetch, with retries and throttled responses (for benchmarks and logs). */
    public HttpExecutor.Stats requestStats() {
        return fetcher == null ? new HttpExecutor.Stats(0, 0, 0) : fetcher.stats();
    }

    @Override
    public void close() {
        if (fetcher != null) {
            fetcher.close();
            fetcher = null;
        }
    }
}
