package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.salesforce.SalesforceSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads metadata with Force WSC's {@link MetadataConnection} in the fewest calls the API allows:
 * {@code listMetadata} with up to three queries a call, {@code readMetadata} with up to ten names a call, the
 * batches of one type on a bounded pool of at most {@link #concurrentReads()} calls at once. WSC does not renew a
 * session on a Metadata API {@code INVALID_SESSION_ID} fault (it has no detail), so this reader logs in again
 * itself, once per call, and once for all the calls that failed with the same session. Not thread-safe: one
 * thread calls it, and it runs its own worker threads.
 */
public final class SalesforceMetadataReader {
    /** The most queries one listMetadata call takes. */
    public static final int LIST_BATCH = 3;
    /**
     * The most names one readMetadata call takes: 10 for every type l2o reads (200 only for CustomMetadata and
     * CustomApplication), https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_readMetadata.htm.
     */
    public static final int READ_BATCH = 10;
    /**
     * How many readMetadata calls run at once by default. Salesforce counts inbound API calls that last 20 s or
     * longer against a concurrency limit of 5 in Developer Edition and trial orgs and 25 in production orgs and
     * sandboxes (more fail with REQUEST_LIMIT_EXCEEDED; shorter calls are not limited),
     * https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html.
     * A readMetadata of ten names takes well under a second, yet 4 stays below even a Developer Edition's 5 if the
     * org is slow, and leaves the org's other integrations most of a production org's 25.
     */
    public static final int CONCURRENT_READS = 4;

    @FunctionalInterface
    private interface MetadataCall<T> {
        T call(MetadataConnection connection) throws ConnectionException;
    }

    private final SalesforceHttp http;
    private final int concurrentReads;
    private final Object renewal = new Object();
    private final Channel own = new Channel();

    public SalesforceMetadataReader(SalesforceHttp http) {
        this(http, CONCURRENT_READS);
    }

    /** A reader that runs at most {@code concurrentReads} readMetadata calls at once (1: one after the other). */
    public SalesforceMetadataReader(SalesforceHttp http, int concurrentReads) {
        this.http = requireNonNull(http, "http is null");
        if (concurrentReads < 1) {
            throw new IllegalArgumentException("concurrentReads must be at least 1: " + concurrentReads);
        }
        this.concurrentReads = concurrentReads;
    }

    /** The most readMetadata calls this reader runs at once. */
    public int concurrentReads() {
        return concurrentReads;
    }

    /** The components of {@code types}, sorted by type and fullName. */
    public List<FileProperties> list(List<String> types) {
        List<FileProperties> all = new ArrayList<>();
        for (int from = 0; from < types.size(); from += LIST_BATCH) {
            List<String> batch = types.subList(from, Math.min(types.size(), from + LIST_BATCH));
            ListMetadataQuery[] queries = batch.stream().map(type -> {
                ListMetadataQuery query = new ListMetadataQuery();
                query.setType(type);
                return query;
            }).toArray(ListMetadataQuery[]::new);
            FileProperties[] listed = own.call("listMetadata of " + String.join(", ", batch),
                    c -> c.listMetadata(queries, Double.parseDouble(SalesforceSettings.METADATA_API_VERSION)));
            if (listed != null) {
                all.addAll(List.of(listed));
            }
        }
        all.sort(Comparator.comparing(FileProperties::getType).thenComparing(FileProperties::getFullName));
        return all;
    }

    /**
     * The records of {@code names} of one type, in the order asked (whatever order the calls answer in); names
     * the org lacks are left out. Once a call has failed, no worker starts another, the calls under way end, and
     * the failure of the first failed batch in name order is thrown.
     */
    public List<Metadata> read(String type, List<String> names) {
        int batches = (names.size() + READ_BATCH - 1) / READ_BATCH;
        List<List<Metadata>> read = new ArrayList<>(batches);
        if (batches <= 1 || concurrentReads == 1) {
            for (int batch = 0; batch < batches; batch++) {
                read.add(readBatch(own, type, names, batch));
            }
        } else {
            read.addAll(readConcurrently(type, names, batches));
        }
        return read.stream().flatMap(List::stream).toList();
    }

    /** Each batch's records, by batch, read by workers that each take the next batch until none is left. */
    private List<List<Metadata>> readConcurrently(String type, List<String> names, int batches) {
        List<List<Metadata>> read = new ArrayList<>(batches);
        List<RuntimeException> failures = new ArrayList<>(batches);
        for (int batch = 0; batch < batches; batch++) {
            read.add(null);
            failures.add(null);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        int workers = Math.min(concurrentReads, batches);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "l2o-salesforce-metadata-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>(workers);
            for (int worker = 0; worker < workers; worker++) {
                Channel channel = new Channel();
                running.add(pool.submit(() -> {
                    for (int batch = next.getAndIncrement(); batch < batches && !failed.get(); batch = next.getAndIncrement()) {
                        try {
                            List<Metadata> records = readBatch(channel, type, names, batch);
                            synchronized (read) {
                                read.set(batch, records);
                            }
                        } catch (RuntimeException e) {
                            synchronized (read) {
                                failures.set(batch, e);
                            }
                            failed.set(true);
                        }
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "interrupted while reading the " + type + " metadata", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a metadata read failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        synchronized (read) {
            for (RuntimeException failure : failures) {
                if (failure != null) {
                    throw failure;
                }
            }
            return List.copyOf(read);
        }
    }

    private List<Metadata> readBatch(Channel channel, String type, List<String> names, int batch) {
        String[] batchNames = names.subList(batch * READ_BATCH, Math.min(names.size(), (batch + 1) * READ_BATCH)).toArray(String[]::new);
        Metadata[] read = channel.call("readMetadata of " + type, c -> c.readMetadata(type, batchNames).getRecords());
        List<Metadata> records = new ArrayList<>(batchNames.length);
        if (read != null) {
            for (Metadata record : read) {
                // the API answers a missing name with an empty record (or nil), not a fault
                if (record != null && record.getFullName() != null) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /**
     * A new session after {@code expired} was refused: the one another call already got, or a new login. Calls
     * that ran at once with the same session fail together, and one login serves them all.
     */
    private SalesforceSession renewedAfter(SalesforceSession expired) {
        synchronized (renewal) {
            SalesforceSession current = http.sessions().current();
            return current != expired ? current : http.sessions().renew();
        }
    }

    /**
     * One {@link MetadataConnection} and the session it carries, used by one thread: WSC does not promise that a
     * connection is thread-safe (it keeps its headers in plain fields), so every worker has its own, each with the
     * current session's id.
     */
    private final class Channel {
        private MetadataConnection connection;
        private SalesforceSession connected;

        <T> T call(String what, MetadataCall<T> call) {
            SalesforceSession session = http.sessions().current();
            try {
                return call.call(connection(session));
            } catch (ConnectionException e) {
                if (!SoapFaults.isInvalidSession(e)) {
                    throw SoapFaults.toL2o("the " + what, e, http);
                }
            }
            SalesforceSession renewed = renewedAfter(session);
            if (renewed == null) {
                throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "Salesforce refused the " + what
                        + ": INVALID_SESSION_ID (the access token expired; an access token cannot be renewed: set a new SF_ACCESS_TOKEN)");
            }
            try {
                return call.call(connection(renewed));
            } catch (ConnectionException e) {
                throw SoapFaults.toL2o("the " + what, e, http);
            }
        }

        private MetadataConnection connection(SalesforceSession session) throws ConnectionException {
            if (connection == null || session != connected) {
                ConnectorConfig config = new ConnectorConfig();
                config.setServiceEndpoint(session.metadataUrl());
                config.setSessionId(session.accessToken());
                config.setTransportFactory(() -> new OkHttpSoapTransport(http));
                connection = new MetadataConnection(config);
                connected = session;
            }
            return connection;
        }
    }
}
