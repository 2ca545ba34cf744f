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

/**
 * Reads metadata with Force WSC's {@link MetadataConnection} in the fewest calls the API allows:
 * {@code listMetadata} with up to three queries a call, {@code readMetadata} with up to ten names a call.
 * WSC does not renew a session on a Metadata API {@code INVALID_SESSION_ID} fault (it has no detail), so
 * this reader logs in again itself, once per call. Not thread-safe.
 */
public final class SalesforceMetadataReader {
    /** The most queries one listMetadata call takes. */
    public static final int LIST_BATCH = 3;
    /** The most names one readMetadata call takes. */
    public static final int READ_BATCH = 10;

    @FunctionalInterface
    private interface MetadataCall<T> {
        T call(MetadataConnection connection) throws ConnectionException;
    }

    private final SalesforceHttp http;
    private MetadataConnection connection;
    private SalesforceSession connectedSession;

    public SalesforceMetadataReader(SalesforceHttp http) {
        this.http = requireNonNull(http, "http is null");
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
            FileProperties[] listed = call("listMetadata of " + String.join(", ", batch),
                    c -> c.listMetadata(queries, Double.parseDouble(SalesforceSettings.METADATA_API_VERSION)));
            if (listed != null) {
                all.addAll(List.of(listed));
            }
        }
        all.sort(Comparator.comparing(FileProperties::getType).thenComparing(FileProperties::getFullName));
        return all;
    }

    /** The records of {@code names} of one type, in the order asked; names the org lacks are left out. */
    public List<Metadata> read(String type, List<String> names) {
        List<Metadata> records = new ArrayList<>();
        for (int from = 0; from < names.size(); from += READ_BATCH) {
            String[] batch = names.subList(from, Math.min(names.size(), from + READ_BATCH)).toArray(String[]::new);
            Metadata[] read = call("readMetadata of " + type, c -> c.readMetadata(type, batch).getRecords());
            if (read != null) {
                for (Metadata record : read) {
                    // the API answers a missing name with an empty record (or nil), not a fault
                    if (record != null && record.getFullName() != null) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private <T> T call(String what, MetadataCall<T> call) {
        try {
            return call.call(connection());
        } catch (ConnectionException e) {
            if (!SoapFaults.isInvalidSession(e)) {
                throw SoapFaults.toL2o("the " + what, e, http);
            }
        }
        SalesforceSession renewed = http.sessions().renew();
        if (renewed == null) {
            throw new L2oException(ErrorCode.AUTHENTICATION_FAILED, "Salesforce refused the " + what
                    + ": INVALID_SESSION_ID (the access token expired; an access token cannot be renewed: set a new SF_ACCESS_TOKEN)");
        }
        try {
            return call.call(connection());
        } catch (ConnectionException e) {
            throw SoapFaults.toL2o("the " + what, e, http);
        }
    }

    private MetadataConnection connection() throws ConnectionException {
        SalesforceSession session = http.sessions().current();
        if (connection == null || session != connectedSession) {
            ConnectorConfig config = new ConnectorConfig();
            config.setServiceEndpoint(session.metadataUrl());
            config.setSessionId(session.accessToken());
            config.setTransportFactory(() -> new OkHttpSoapTransport(http));
            connection = new MetadataConnection(config);
            connectedSession = session;
        }
        return connection;
    }
}
