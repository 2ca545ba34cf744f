package dev.l2o.salesforce.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.connector.ProgressListener;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.http.Sleeper;
import dev.l2o.model.CrmRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * SOQL over REST and Bulk API 2.0. Large results are never held in memory: query pages and Bulk result
 * pages are written straight into a CSV spool file as they arrive (a page that breaks off and is retried
 * is first cut off the spool again, so no row is written twice).
 */
public final class SalesforceQueries {
    /** Rows per Bulk result page the connector asks for. */
    static final int BULK_PAGE_SIZE = 100_000;
    private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
    private static final Duration FIRST_POLL = Duration.ofSeconds(1);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(15);
    private static final int MAX_POLLS = 2_000;

    private final SalesforceHttp http;
    private final String apiVersion;
    private final Sleeper sleeper;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory json = new JsonFactory();

    public SalesforceQueries(SalesforceHttp http, String apiVersion, Sleeper sleeper) {
        this.http = requireNonNull(http, "http is null");
        this.apiVersion = requireNonNull(apiVersion, "apiVersion is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
    }

    private String dataPath() {
        return "/services/data/v" + apiVersion;
    }

    private Request.Builder authorized(SalesforceSession session, String pathAndQuery) {
        return new Request.Builder().url(session.instanceUrl() + pathAndQuery).header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", "application/json");
    }

    /** The org's daily API request limit and what remains: {@code DailyApiRequests{Max, Remaining}}. */
    public long[] dailyApiRequests() {
        JsonNode limits = http.call("the limits request", s -> authorized(s, dataPath() + "/limits").get().build(),
                response -> mapper.readTree(response.body().byteStream()));
        JsonNode daily = limits.path("DailyApiRequests");
        if (!daily.has("Max") || !daily.has("Remaining")) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "the limits resource of Salesforce has no DailyApiRequests");
        }
        return new long[] {daily.path("Max").asLong(), daily.path("Remaining").asLong()};
    }

    /** {@code SELECT fields FROM object [WHERE where]}. */
    public static String soql(String object, List<String> fields, String where) {
        requireNonNull(where, "where is null");
        return "SELECT " + String.join(", ", fields) + " FROM " + object + (where.isEmpty() ? "" : " WHERE " + where);
    }

    /** {@code SELECT COUNT() FROM object}'s total. */
    public long count(String object) {
        return count(object, "");
    }

    /** {@code SELECT COUNT() FROM object WHERE where}'s total ({@code where} empty for every row). */
    public long count(String object, String where) {
        String soql = "SELECT COUNT() FROM " + object + (where.isEmpty() ? "" : " WHERE " + where);
        JsonNode result = http.call("the count of " + object, s -> authorized(s, queryPath(soql)).get().build(),
                response -> mapper.readTree(response.body().byteStream()));
        return result.path("totalSize").asLong();
    }

    private String queryPath(String soql) {
        return dataPath() + "/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Runs {@code SELECT fields FROM object} page by page (following {@code nextRecordsUrl}) and appends
     * every record as a CSV row with a header of {@code fields} to {@code spool}.
     *
     * @return the rows written
     */
    public long queryToCsv(String object, List<String> fields, Path spool, ProgressListener progress) {
        return queryToCsv(object, fields, "", spool, progress);
    }

    /**
     * As {@link #queryToCsv(String, List, Path, ProgressListener)}, restricted by {@code where} (a SOQL condition
     * such as {@code Field = 'Status'}; empty for every row).
     */
    public long queryToCsv(String object, List<String> fields, String where, Path spool, ProgressListener progress) {
        return queryToCsv(object, fields, null, queryPath(soql(object, fields, where)), spool, progress);
    }

    /**
     * As {@link #queryToCsv(String, List, String, Path, ProgressListener)} when the first page of
     * {@code SELECT fields FROM object WHERE ...} was read already (in a composite call): writes it, then reads the
     * further pages.
     */
    public long queryToCsv(String object, List<String> fields, JsonNode firstPage, Path spool, ProgressListener progress) {
        return queryToCsv(object, fields, requireNonNull(firstPage, "firstPage is null"), null, spool, progress);
    }

    private long queryToCsv(String object, List<String> fields, JsonNode firstPage, String firstPath, Path spool, ProgressListener progress) {
        long rows = 0;
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeHeader(channel, fields);
            String next = firstPath;
            if (firstPage != null) {
                PageResult result = copyRecords(new ByteArrayInputStream(mapper.writeValueAsBytes(firstPage)), fields, channel);
                rows += result.rows;
                progress.advanced(result.rows);
                next = result.nextRecordsUrl;
            }
            while (next != null) {
                String page = next;
                long start = channel.size();
                PageResult result = http.call("the " + object + " query", s -> authorized(s, page).get().build(), response -> {
                    channel.truncate(start);
                    channel.position(start);
                    return copyRecords(response.body().byteStream(), fields, channel);
                });
                rows += result.rows;
                progress.advanced(result.rows);
                next = result.nextRecordsUrl;
            }
        } catch (IOException e) {
            throw spoolFailure(spool, e);
        }
        return rows;
    }

    private record PageResult(long rows, String nextRecordsUrl) {}

    private PageResult copyRecords(InputStream body, List<String> fields, FileChannel channel) throws IOException {
        Writer out = Channels.newWriter(new NonClosingChannel(channel), StandardCharsets.UTF_8);
        long rows = 0;
        String next = null;
        try (JsonParser parser = json.createParser(body)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("nextRecordsUrl") && value == JsonToken.VALUE_STRING) {
                    next = parser.getText();
                } else if (name.equals("records") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode record = mapper.readTree(parser);
                        for (int i = 0; i < fields.size(); i++) {
                            if (i > 0) {
                                out.write(',');
                            }
                            JsonNode field = record.get(fields.get(i));
                            if (field != null && !field.isNull()) {
                                out.write(quote(field.asText()));
                            }
                        }
                        out.write('\n');
                        rows++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        out.flush();
        return new PageResult(rows, next);
    }

    /**
     * Runs {@code SELECT fields FROM object} as a Bulk API 2.0 query job: creates the job, polls until it is
     * complete, and streams every CSV result page (following {@code Sforce-Locator}) into {@code spool}
     * under one header row.
     *
     * @return the rows written
     */
    public long bulkQueryToCsv(String object, List<String> fields, Path spool, ProgressListener progress) {
        return bulkQueryToCsv(object, fields, "", spool, progress);
    }

    /**
     * As {@link #bulkQueryToCsv(String, List, Path, ProgressListener)}, restricted by {@code where} (a SOQL
     * condition; empty for every row).
     */
    public long bulkQueryToCsv(String object, List<String> fields, String where, Path spool, ProgressListener progress) {
        String soql = soql(object, fields, where);
        String body = bulkJobRequest(soql);
        JsonNode job = http.call("the Bulk query job for " + object,
                s -> authorized(s, dataPath() + "/jobs/query").post(RequestBody.create(body, JSON)).build(),
                response -> mapper.readTree(response.body().byteStream()));
        String id = job.path("id").asText("");
        if (id.isEmpty()) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce created a Bulk query job without an id");
        }
        awaitCompletion(id, object);
        long rows = 0;
        String locator = "";
        boolean first = true;
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            do {
                String path = dataPath() + "/jobs/query/" + id + "/results?maxRecords=" + BULK_PAGE_SIZE
                        + (locator.isEmpty() ? "" : "&locator=" + URLEncoder.encode(locator, StandardCharsets.UTF_8));
                long start = channel.size();
                boolean keepHeader = first;
                String[] nextLocator = new String[1];
                long pageRows = http.call("the Bulk query results for " + object,
                        s -> authorized(s, path).header("Accept", "text/csv").get().build(), response -> {
                            channel.truncate(start);
                            channel.position(start);
                            nextLocator[0] = response.header("Sforce-Locator", "null");
                            long copied = copyCsv(response.body().byteStream(), channel, keepHeader);
                            checkRowCount(copied, response.header("Sforce-NumberOfRecords"));
                            return copied;
                        });
                rows += pageRows;
                progress.advanced(pageRows);
                first = false;
                locator = nextLocator[0];
            } while (locator != null && !locator.isEmpty() && !locator.equals("null"));
        } catch (IOException e) {
            throw spoolFailure(spool, e);
        }
        return rows;
    }

    private void awaitCompletion(String id, String object) {
        Duration wait = FIRST_POLL;
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            JsonNode status = http.call("the status of the Bulk query job for " + object,
                    s -> authorized(s, dataPath() + "/jobs/query/" + id).get().build(),
                    response -> mapper.readTree(response.body().byteStream()));
            String state = status.path("state").asText("");
            switch (state) {
                case "JobComplete" -> {
                    return;
                }
                case "Failed", "Aborted" -> throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "the Bulk query job for " + object
                        + " ended " + state + ": " + status.path("errorMessage").asText("no reason given"));
                default -> {
                    try {
                        sleeper.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "interrupted while waiting for the Bulk query job", e);
                    }
                    wait = wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait.multipliedBy(2);
                }
            }
        }
        throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "the Bulk query job for " + object + " did not complete after "
                + MAX_POLLS + " polls");
    }

    /**
     * Fails a Bulk result page whose rows are fewer or more than its {@code Sforce-NumberOfRecords} header says: a
     * CSV body cut at a line end is still well-formed CSV, and only the count tells that rows are missing.
     */
    private static void checkRowCount(long copied, String announced) throws IOException {
        if (announced == null) {
            return;
        }
        long expected;
        try {
            expected = Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (copied != expected) {
            throw new IOException("a Bulk result page held " + copied + " rows where its Sforce-NumberOfRecords header announced " + expected);
        }
    }

    /** Copies a CSV page, dropping its header unless {@code keepHeader}; returns the data rows copied. */
    private static long copyCsv(InputStream body, FileChannel channel, boolean keepHeader) throws IOException {
        OutputStream out = Channels.newOutputStream(new NonClosingChannel(channel));
        byte[] buffer = new byte[64 * 1024];
        long newlines = 0;
        boolean inHeader = true;
        boolean inQuotes = false;
        int read;
        while ((read = body.read(buffer)) > 0) {
            int from = 0;
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    inQuotes = !inQuotes;
                } else if (b == '\n' && !inQuotes) {
                    newlines++;
                    if (inHeader) {
                        inHeader = false;
                        if (!keepHeader) {
                            from = i + 1;
                        }
                    }
                }
            }
            if (inHeader && !keepHeader) {
                continue;
            }
            out.write(buffer, from, read - from);
        }
        out.flush();
        return Math.max(0, newlines - 1);
    }

    /** {@code SELECT Id, fields FROM object} as records with typed values, page by page. */
    public List<CrmRecord> records(String object, List<String> fields) {
        return records(object, fields, "");
    }

    /** {@code SELECT Id, fields FROM object WHERE where} ({@code where} empty for every record), page by page. */
    public List<CrmRecord> records(String object, List<String> fields, String where) {
        return recordPages(object, null, queryPath(recordsQuery(object, fields, where)));
    }

    /** The SOQL of {@link #records(String, List, String)}: {@code Id} and {@code fields}. */
    public static String recordsQuery(String object, List<String> fields, String where) {
        List<String> selected = new ArrayList<>(List.of("Id"));
        fields.stream().filter(f -> !f.equalsIgnoreCase("Id")).forEach(selected::add);
        return soql(object, selected, where);
    }

    /** The records of {@link #recordsQuery}'s first page, read already (in a composite call), and of the further pages. */
    public List<CrmRecord> records(String object, JsonNode firstPage) {
        return recordPages(object, requireNonNull(firstPage, "firstPage is null"), null);
    }

    private List<CrmRecord> recordPages(String object, JsonNode firstPage, String firstPath) {
        List<CrmRecord> records = new ArrayList<>();
        JsonNode result = firstPage;
        String next = firstPath;
        while (result != null || next != null) {
            if (result == null) {
                String page = next;
                result = http.call("the " + object + " records query", s -> authorized(s, page).get().build(),
                        response -> mapper.readTree(response.body().byteStream()));
            }
            for (JsonNode record : result.path("records")) {
                Map<String, Object> values = new LinkedHashMap<>();
                putValues(values, "", record);
                records.add(new CrmRecord(object, record.path("Id").asText(), values));
            }
            next = result.hasNonNull("nextRecordsUrl") ? result.path("nextRecordsUrl").asText() : null;
            result = null;
        }
        return records;
    }

    /**
     * The fields of a REST record under {@code prefix}: a relationship field ({@code RecordType.DeveloperName}) comes as a
     * nested record, whose fields are named by the path SOQL selected them by; a null relationship stays null under its name.
     */
    private static void putValues(Map<String, Object> values, String prefix, JsonNode record) {
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("attributes")) {
                continue;
            }
            if (field.getValue().isObject()) {
                putValues(values, prefix + field.getKey() + ".", field.getValue());
            } else {
                values.put(prefix + field.getKey(), value(field.getValue()));
            }
        }
    }

    /** The path and query of a REST query of {@code soql}, as a top-level request or a composite subrequest takes it. */
    public String queryUrl(String soql) {
        return queryPath(soql);
    }

    /** The org's id: {@code SELECT Id FROM Organization} (every org has exactly one row). */
    public String organizationId() {
        return organizationId(http.call("the organization id", s -> authorized(s, queryPath(ORGANIZATION_QUERY)).get().build(),
                response -> mapper.readTree(response.body().byteStream())));
    }

    /** The query whose answer {@link #organizationId(JsonNode)} reads. */
    public static final String ORGANIZATION_QUERY = "SELECT Id FROM Organization";

    /** The org's id from an answer to {@link #ORGANIZATION_QUERY}. */
    public static String organizationId(JsonNode result) {
        String id = result.path("records").path(0).path("Id").asText("");
        if (id.isEmpty()) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce answered the Organization query without an id");
        }
        return id;
    }

    /**
     * Records of {@code object} deleted after {@code start} and up to {@code end}, and from when Salesforce can
     * tell (getDeleted: {@code GET /sobjects/{object}/deleted/?start=&end=}).
     *
     * @param ids the deleted records' ids
     * @param earliestDateAvailable deletions before this instant may be missing (the recycle bin was emptied)
     */
    public record DeletedRecords(Set<String> ids, Instant earliestDateAvailable) {
        public DeletedRecords {
            ids = Set.copyOf(ids);
            requireNonNull(earliestDateAvailable, "earliestDateAvailable is null");
        }
    }

    /** The records of {@code object} deleted in ({@code start}, {@code end}]. */
    public DeletedRecords deleted(String object, Instant start, Instant end) {
        String path = deletedUrl(object, start, end);
        return deleted(object, http.call(deletedWhat(object, start), s -> authorized(s, path).get().build(),
                response -> mapper.readTree(response.body().byteStream())));
    }

    /** How messages name the getDeleted read of {@code object}. */
    public static String deletedWhat(String object, Instant start) {
        return "the " + object + " records deleted since " + start;
    }

    /** The getDeleted path of {@code object} for ({@code start}, {@code end}]. */
    public String deletedUrl(String object, Instant start, Instant end) {
        return dataPath() + "/sobjects/" + object + "/deleted/?start=" + URLEncoder.encode(soqlDateTime(start), StandardCharsets.UTF_8)
                + "&end=" + URLEncoder.encode(soqlDateTime(end), StandardCharsets.UTF_8);
    }

    /** The records a getDeleted answer of {@code object} lists. */
    public static DeletedRecords deleted(String object, JsonNode result) {
        Set<String> ids = new HashSet<>();
        result.path("deletedRecords").forEach(record -> ids.add(record.path("id").asText()));
        String earliest = result.path("earliestDateAvailable").asText("");
        try {
            return new DeletedRecords(ids, OffsetDateTime.parse(earliest, SALESFORCE_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "Salesforce's getDeleted answer for " + object
                    + " has no readable earliestDateAvailable: '" + earliest + "'", e);
        }
    }

    private static final DateTimeFormatter SALESFORCE_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    /** An instant as SOQL and the REST API take it: {@code 2026-02-01T01:45:00Z} (whole seconds). */
    public static String soqlDateTime(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC).format(instant);
    }

    /**
     * Runs {@code soql} over REST, reading at most {@code maxPages} pages (following {@code nextRecordsUrl}), and hands
     * every record to {@code sink} as JSON.
     *
     * @return the query's {@code totalSize}: more than the records handed over when pages were left unread
     */
    public long query(String what, String soql, int maxPages, Consumer<JsonNode> sink) {
        return query(what, null, queryPath(soql), maxPages, sink);
    }

    /** As {@link #query(String, String, int, Consumer)} when the first page was read already (in a composite call). */
    public long query(String what, JsonNode firstPage, int maxPages, Consumer<JsonNode> sink) {
        return query(what, requireNonNull(firstPage, "firstPage is null"), null, maxPages, sink);
    }

    private long query(String what, JsonNode firstPage, String firstPath, int maxPages, Consumer<JsonNode> sink) {
        JsonNode result = firstPage;
        String next = firstPath;
        long total = 0;
        for (int page = 0; page < maxPages && (result != null || next != null); page++) {
            if (result == null) {
                String path = next;
                result = http.call(what, s -> authorized(s, path).get().build(), response -> mapper.readTree(response.body().byteStream()));
            }
            total = result.path("totalSize").asLong();
            result.path("records").forEach(sink);
            next = result.hasNonNull("nextRecordsUrl") ? result.path("nextRecordsUrl").asText() : null;
            result = null;
        }
        return total;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static void writeHeader(FileChannel channel, List<String> fields) throws IOException {
        Writer out = Channels.newWriter(new NonClosingChannel(channel), StandardCharsets.UTF_8);
        out.write(String.join(",", fields));
        out.write('\n');
        out.flush();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("unexpected JSON: " + actual + " where " + expected + " was expected");
        }
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** The body that creates a Bulk API 2.0 query job for {@code soql}, CSV results with LF line endings. */
    String bulkJobRequest(String soql) {
        ObjectNode job = mapper.createObjectNode()
                .put("operation", "query")
                .put("query", soql)
                .put("contentType", "CSV")
                .put("columnDelimiter", "COMMA")
                .put("lineEnding", "LF");
        return job.toString();
    }

    private static L2oException spoolFailure(Path spool, IOException e) {
        return new L2oException(ErrorCode.SOURCE_UNAVAILABLE, "cannot write the history spool " + spool + ": " + e.getMessage(), e);
    }

    /** Lets writers wrap the spool channel without closing it when they are flushed and dropped. */
    private static final class NonClosingChannel implements WritableByteChannel {
        private final FileChannel channel;

        NonClosingChannel(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            return channel.write(source);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
            // the spool stays open across pages
        }
    }
}
