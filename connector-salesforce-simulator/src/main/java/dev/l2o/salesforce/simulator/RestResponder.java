package dev.l2o.salesforce.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sforce.soap.metadata.CustomObject;
import com.sforce.soap.metadata.Metadata;
import dev.l2o.history.LeadHistoryCsv;
import dev.l2o.model.FieldDef;
import dev.l2o.salesforce.metadata.SalesforceStandardFields;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Answers the REST query resources and the Bulk API 2.0 query job lifecycle over the org's Opportunity,
 * OpportunityHistory and LeadHistory rows (LeadHistory only when the org tracks it, else INVALID_TYPE), in Salesforce's formats: query pages of up to 2,000 records with
 * {@code nextRecordsUrl} locators, Bulk CSV pages with {@code Sforce-Locator}, JSON-array error bodies.
 */
final class RestResponder {
    static final int MAX_PAGE = 2_000;
    private static final int MIN_PAGE = 200;
    private static final DateTimeFormatter REST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BULK_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> HISTORY_FIELDS = List.of("Id", "OpportunityId", "StageName", "CreatedDate", "Amount",
            "CloseDate", "Probability", "ForecastCategory");
    private static final List<String> LEAD_HISTORY_FIELDS = List.of("Id", "LeadId", "Field", "OldValue", "NewValue", "CreatedDate",
            "CreatedById", "DataType", "IsDeleted");
    private static final String RECORD_TYPE_ID = "RecordTypeId";
    private static final String RECORD_TYPE_NAME = "RecordType.DeveloperName";
    private static final List<String> OPPORTUNITY_FIELDS = List.of("Id", "StageName", "Amount", "CloseDate", "Probability",
            "ForecastCategory");

    // SetupAuditTrail's queryable fields; the simulator serves the documented ones the connector and tests ask for
    private static final List<String> SETUP_AUDIT_TRAIL_FIELDS = List.of("Id", "CreatedDate", "CreatedById", "CreatedBy.Name",
            "Action", "Section", "Display", "DelegateUser", "ResponsibleNamespacePrefix");
    /** An open query: its matching rows ({@code rows[i]} is the table index of result {@code i}; null: every row). */
    private record Cursor(SoqlQuery query, int pageSize, int[] rows) {}

    private static final class BulkJob {
        final String id;
        final String apiVersion;
        final SoqlQuery query;
        final int[] rows;
        final String operation;
        final Instant created;
        int polls;

        BulkJob(String id, String apiVersion, SoqlQuery query, int[] rows, String operation, Instant created) {
            this.id = id;
            this.apiVersion = apiVersion;
            this.query = query;
            this.rows = rows;
            this.operation = operation;
            this.created = created;
        }
    }

    private volatile SimulatedOrg org;
    private final SimulatorOptions options;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory json = new JsonFactory();
    /**
     * Open query cursors, oldest first. A locator stays valid after its last page was served, so that a client
     * whose page broke off can ask for it again; like Salesforce, a user keeps at most {@link #OPEN_CURSORS}
     * cursors and opening another closes the oldest.
     */
    private final Map<String, Cursor> cursors = Collections.synchronizedMap(new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > OPEN_CURSORS;
        }
    });
    static final int OPEN_CURSORS = 10;
    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, AtomicInteger> queryRequests = new ConcurrentHashMap<>();
    private volatile int[] currentOpportunityRows;

    RestResponder(SimulatedOrg org, SimulatorOptions options) {
        this.org = org;
        this.options = options;
    }

    /** From now on, answers from {@code changed}; open cursors and jobs keep the rows they selected. */
    void replace(SimulatedOrg changed) {
        org = changed;
        currentOpportunityRows = null;
    }

    /**
     * {@code GET /sobjects/{object}/deleted/?start=&end=}: the object's records deleted in that span, as
     * Salesforce's getDeleted answers, with {@code earliestDateAvailable} 15 days before {@code end} (how long the
     * recycle bin keeps them).
     */
    SimulatorResponse deleted(String object, String start, String end) {
        Instant from;
        Instant to;
        try {
            from = OffsetDateTime.parse(start).toInstant();
            to = OffsetDateTime.parse(end).toInstant();
        } catch (RuntimeException e) {
            return SimulatorResponse.restError(400, "INVALID_REPLICATION_DATE", "start and end must be date-times");
        }
        Instant earliest = to.minus(Duration.ofDays(15));
        ObjectNode answer = SimulatorResponse.object();
        ArrayNode records = answer.putArray("deletedRecords");
        if (object.equals("Opportunity")) {
            new TreeMap<>(org.deletedOpportunities()).forEach((id, when) -> {
                if (when.isAfter(from) && !when.isAfter(to)) {
                    records.addObject().put("id", id).put("deletedDate", REST_DATE_TIME.format(when));
                }
            });
        }
        answer.put("earliestDateAvailable", REST_DATE_TIME.format(earliest)).put("latestDateCovered", REST_DATE_TIME.format(to));
        return SimulatorResponse.json(200, answer);
    }

    SimulatorResponse limits(int used) {
        int max = options.dailyApiLimit();
        ObjectNode limits = SimulatorResponse.object();
        limits.putObject("DailyApiRequests").put("Max", max).put("Remaining", Math.max(0, max - used));
        limits.putObject("DailyBulkV2QueryJobs").put("Max", 10_000).put("Remaining", 10_000 - jobs.size());
        return SimulatorResponse.json(200, limits);
    }

    SimulatorResponse versions(String baseUrl) {
        ArrayNode versions = SimulatorResponse.array();
        versions.addObject().put("label", "Winter '25").put("url", "/services/data/v62.0").put("version", "62.0");
        return SimulatorResponse.json(200, versions);
    }

    SimulatorResponse query(String apiVersion, String soql, String queryOptions) {
        SoqlQuery query;
        try {
            query = SoqlQuery.parse(soql == null ? "" : soql);
        } catch (IllegalArgumentException e) {
            return SimulatorResponse.restError(400, "MALFORMED_QUERY", e.getMessage());
        }
        SimulatorResponse invalid = validate(query);
        if (invalid != null) {
            return invalid;
        }
        int[] rows = select(query);
        if (query.count()) {
            ObjectNode count = SimulatorResponse.object().put("totalSize", rows == null ? rowCount(query) : rows.length).put("done", true);
            count.putArray("records");
            return SimulatorResponse.json(200, count);
        }
        countQuery(query);
        String cursorId = "01gSIM" + String.format("%010d", sequence.incrementAndGet());
        Cursor cursor = new Cursor(query, pageSize(queryOptions), rows);
        cursors.put(cursorId, cursor);
        return page(apiVersion, cursorId, cursor, 0);
    }

    SimulatorResponse queryMore(String apiVersion, String locator) {
        int dash = locator.lastIndexOf('-');
        Cursor cursor = dash < 0 ? null : cursors.get(locator.substring(0, dash));
        if (cursor == null) {
            return SimulatorResponse.restError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int offset;
        try {
            offset = Integer.parseInt(locator.substring(dash + 1));
        } catch (NumberFormatException e) {
            return SimulatorResponse.restError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        countQuery(cursor.query());
        return page(apiVersion, locator.substring(0, dash), cursor, offset);
    }

    private void countQuery(SoqlQuery query) {
        queryRequests.computeIfAbsent(query.object().toLowerCase(Locale.ROOT), object -> new AtomicInteger()).incrementAndGet();
    }

    int queryRequests(String object) {
        AtomicInteger count = queryRequests.get(object.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    private SimulatorResponse page(String apiVersion, String cursorId, Cursor cursor, int offset) {
        int total = cursor.rows() == null ? rowCount(cursor.query()) : cursor.rows().length;
        int end = Math.min(total, offset + cursor.pageSize());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("totalSize", total);
            out.writeBooleanField("done", end >= total);
            if (end < total) {
                out.writeStringField("nextRecordsUrl", "/services/data/v" + apiVersion + "/query/" + cursorId + "-" + end);
            }
            out.writeArrayFieldStart("records");
            HistoryTable.HistoryRow row = new HistoryTable.HistoryRow();
            for (int result = offset; result < end; result++) {
                int i = cursor.rows() == null ? result : cursor.rows()[result];
                readRow(cursor.query(), i, row);
                out.writeStartObject();
                out.writeObjectFieldStart("attributes");
                out.writeStringField("type", cursor.query().object());
                out.writeStringField("url", "/services/data/v" + apiVersion + "/sobjects/" + cursor.query().object() + "/" + idOf(cursor.query(), row));
                out.writeEndObject();
                for (String field : cursor.query().fields()) {
                    Object value = value(cursor.query(), field, i, row);
                    int dot = field.indexOf('.');
                    if (dot > 0) {
                        // a relationship field (CreatedBy.Name) comes as a nested record, or null without one
                        if (value == null) {
                            out.writeNullField(field.substring(0, dot));
                        } else {
                            out.writeObjectFieldStart(field.substring(0, dot));
                            out.writeObjectFieldStart("attributes");
                            out.writeStringField("type", field.substring(0, dot).equals("RecordType") ? "RecordType" : "User");
                            out.writeEndObject();
                            out.writeStringField(field.substring(dot + 1), value.toString());
                            out.writeEndObject();
                        }
                    } else if (value == null) {
                        out.writeNullField(field);
                    } else if (value instanceof Double number) {
                        out.writeNumberField(field, number);
                    } else if (value instanceof Instant instant) {
                        out.writeStringField(field, REST_DATE_TIME.format(instant));
                    } else {
                        out.writeStringField(field, value.toString());
                    }
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SimulatorResponse(200, "application/json;charset=UTF-8", bytes.toByteArray(), Map.of());
    }

    SimulatorResponse createBulkJob(String apiVersion, byte[] body, Instant now) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (IOException e) {
            return SimulatorResponse.restError(400, "JSON_PARSER_ERROR", "the request body is not valid JSON");
        }
        String operation = request.path("operation").asText("");
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            return SimulatorResponse.restError(400, "INVALIDJOB", "Invalid operation: " + operation);
        }
        SoqlQuery query;
        try {
            query = SoqlQuery.parse(request.path("query").asText(""));
        } catch (IllegalArgumentException e) {
            return SimulatorResponse.restError(400, "MALFORMED_QUERY", e.getMessage());
        }
        if (query.count()) {
            return SimulatorResponse.restError(400, "INVALIDJOB", "Aggregate queries are not supported by Bulk API 2.0 query");
        }
        SimulatorResponse invalid = validate(query);
        if (invalid != null) {
            return invalid;
        }
        String id = "750SIM" + String.format("%09d", sequence.incrementAndGet()) + "AAA";
        BulkJob job = new BulkJob(id, apiVersion, query, select(query), operation, now);
        jobs.put(id, job);
        return SimulatorResponse.json(200, jobJson(job, "UploadComplete", false));
    }

    SimulatorResponse bulkJobStatus(String id) {
        BulkJob job = jobs.get(id);
        if (job == null) {
            return SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        synchronized (job) {
            job.polls++;
            String state = job.polls > options.bulkPollsUntilComplete() ? "JobComplete" : "InProgress";
            return SimulatorResponse.json(200, jobJson(job, state, true));
        }
    }

    SimulatorResponse bulkResults(String apiVersion, String id, String locator, String maxRecords) {
        BulkJob job = jobs.get(id);
        if (job == null) {
            return SimulatorResponse.restError(404, "NOT_FOUND", "The requested resource does not exist");
        }
        if (!job.apiVersion.equals(apiVersion)) {
            return SimulatorResponse.restError(409, "INVALIDJOB", "The job was created in API version " + job.apiVersion
                    + "; get its results with the same version");
        }
        synchronized (job) {
            if (job.polls <= options.bulkPollsUntilComplete()) {
                return SimulatorResponse.restError(412, "JOB_NOT_COMPLETE", "The job is not complete");
            }
        }
        int offset;
        int pageSize;
        try {
            offset = locator == null || locator.isEmpty() ? 0
                    : Integer.parseInt(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.US_ASCII));
            // maxRecords is the most the client takes; like Salesforce, the simulator may send fewer
            pageSize = maxRecords == null || maxRecords.isEmpty() ? options.bulkPageSize()
                    : Math.min(options.bulkPageSize(), Integer.parseInt(maxRecords));
        } catch (IllegalArgumentException e) {
            return SimulatorResponse.restError(400, "INVALIDLOCATOR", "invalid locator or maxRecords");
        }
        int total = job.rows == null ? rowCount(job.query) : job.rows.length;
        int end = Math.min(total, offset + Math.max(1, pageSize));
        StringBuilder csv = new StringBuilder((end - offset) * 120 + 128);
        csv.append(String.join(",", job.query.fields().stream().map(f -> "\"" + f + "\"").toList())).append('\n');
        HistoryTable.HistoryRow row = new HistoryTable.HistoryRow();
        for (int result = offset; result < end; result++) {
            int i = job.rows == null ? result : job.rows[result];
            readRow(job.query, i, row);
            List<String> fields = job.query.fields();
            for (int f = 0; f < fields.size(); f++) {
                if (f > 0) {
                    csv.append(',');
                }
                Object value = value(job.query, fields.get(f), i, row);
                if (value != null) {
                    String text = value instanceof Instant instant ? BULK_DATE_TIME.format(instant) : value.toString();
                    csv.append('"').append(text.replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        String next = end >= total ? "null"
                : Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(end).getBytes(StandardCharsets.US_ASCII));
        return new SimulatorResponse(200, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Sforce-Locator", next, "Sforce-NumberOfRecords", Integer.toString(end - offset)));
    }

    private ObjectNode jobJson(BulkJob job, String state, boolean detail) {
        String created = REST_DATE_TIME.format(job.created);
        ObjectNode out = SimulatorResponse.object();
        out.put("id", job.id).put("operation", job.operation).put("object", job.query.object())
                .put("createdById", "005000000000001AAA").put("createdDate", created).put("systemModstamp", created)
                .put("state", state).put("concurrencyMode", "Parallel").put("contentType", "CSV")
                .put("apiVersion", new BigDecimal(job.apiVersion));
        if (detail) {
            out.put("jobType", "V2Query").put("numberRecordsProcessed", state.equals("JobComplete")
                    ? job.rows == null ? rowCount(job.query) : job.rows.length : 0)
                    .put("retries", 0).put("totalProcessingTime", state.equals("JobComplete") ? 1_000 : 0);
        }
        out.put("lineEnding", "LF").put("columnDelimiter", "COMMA");
        return out;
    }

    private static int pageSize(String queryOptions) {
        if (queryOptions != null) {
            for (String option : queryOptions.split(",")) {
                String[] pair = option.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        return Math.max(MIN_PAGE, Math.min(MAX_PAGE, Integer.parseInt(pair[1].trim())));
                    } catch (NumberFormatException e) {
                        return MAX_PAGE;
                    }
                }
            }
        }
        return MAX_PAGE;
    }

    private SimulatorResponse validate(SoqlQuery query) {
        List<String> known;
        if (query.isObject("OpportunityHistory")) {
            known = HISTORY_FIELDS;
        } else if (query.isObject("LeadHistory") && org.leadHistory() != null) {
            // Every row the simulator holds is a Status row, so the connector's WHERE Field = 'Status' needs no evaluating.
            known = LEAD_HISTORY_FIELDS;
        } else if (query.isObject("Organization")) {
            known = List.of("Id", "Name");
        } else if (query.isObject("SetupAuditTrail") && org.setupAuditTrail() != null) {
            known = SETUP_AUDIT_TRAIL_FIELDS;
        } else if (query.isObject("Opportunity")) {
            known = new ArrayList<>(OPPORTUNITY_FIELDS);
            known.addAll(standardFields("Opportunity"));
            known.addAll(customFields("Opportunity"));
            if (!recordTypes("Opportunity").isEmpty()) {
                // like an org: the field exists only once the object has a record type
                known.addAll(List.of(RECORD_TYPE_ID, RECORD_TYPE_NAME));
            }
        } else if (SalesforceStandardFields.OBJECTS.contains(query.object())) {
            known = new ArrayList<>(List.of("Id"));
            known.addAll(standardFields(query.object()));
            known.addAll(customFields(query.object()));
        } else if (org.metadata().find("CustomObject", query.object()) != null) {
            known = new ArrayList<>(List.of("Id"));
            known.addAll(customFields(query.object()));
        } else {
            return SimulatorResponse.restError(400, "INVALID_TYPE", "sObject type '" + query.object() + "' is not supported.");
        }
        for (String field : query.fields()) {
            if (known.stream().noneMatch(k -> k.equalsIgnoreCase(field))) {
                return SimulatorResponse.restError(400, "INVALID_FIELD", "No such column '" + field + "' on entity '"
                        + query.object() + "'. If you are attempting to use a custom field, be sure to append the '__c' after the"
                        + " custom field name.");
            }
        }
        return null;
    }

    /** The standard fields every org has on the object, whether or not the project has files for them. */
    private static List<String> standardFields(String object) {
        return SalesforceStandardFields.fields(object, Map.of()).stream().map(FieldDef::name).toList();
    }

    /** The developer names of {@code object}'s record types, in the order the object lists them. */
    private List<String> recordTypes(String object) {
        return childNames(object, CustomObject::getRecordTypes);
    }

    private List<String> customFields(String object) {
        return childNames(object, CustomObject::getFields);
    }

    /** The fullNames of the {@code children} of the org's custom object {@code object}; none when it has no such object. */
    private List<String> childNames(String object, Function<CustomObject, Metadata[]> children) {
        MetadataStore.Component component = org.metadata().find("CustomObject", object);
        List<String> names = new ArrayList<>();
        if (component != null && component.record() instanceof CustomObject custom && children.apply(custom) != null) {
            for (Metadata child : children.apply(custom)) {
                names.add(child.getFullName());
            }
        }
        return names;
    }

    private int rowCount(SoqlQuery query) {
        if (query.isObject("OpportunityHistory")) {
            return org.history().size();
        }
        if (query.isObject("LeadHistory")) {
            return org.leadHistory().size();
        }
        if (query.isObject("Opportunity")) {
            return currentOpportunityRows().length;
        }
        if (query.isObject("SetupAuditTrail")) {
            return org.setupAuditTrail().size();
        }
        return query.isObject("Organization") ? 1 : 0;
    }

    /**
     * The rows a {@code Field > datetime} condition selects ({@code CreatedDate} of history rows, {@code SystemModstamp}
     * of opportunities: the time of their latest history row, since every change the simulator knows writes one),
     * or null when the query has no such condition.
     */
    private int[] select(SoqlQuery query) {
        Map.Entry<String, Instant> after = query.after();
        if (after == null || query.isObject("Organization")) {
            return null;
        }
        long since = after.getValue().toEpochMilli();
        int total = rowCount(query);
        int[] rows = new int[total];
        int count = 0;
        HistoryTable.HistoryRow row = new HistoryTable.HistoryRow();
        for (int i = 0; i < total; i++) {
            long at;
            if (query.isObject("LeadHistory")) {
                at = org.leadHistory().get(i).at().toEpochMilli();
            } else {
                readRow(query, i, row);
                Instant touched = query.isObject("Opportunity") ? org.touched(row.opportunityId) : null;
                at = touched == null ? row.createdMillis : Math.max(row.createdMillis, touched.toEpochMilli());
            }
            if (at > since) {
                rows[count++] = i;
            }
        }
        return Arrays.copyOf(rows, count);
    }

    /** The 18-character id SOQL gives the organization. */
    private String organizationId() {
        return org.organizationId() + "AAA";
    }

    private void readRow(SoqlQuery query, int index, HistoryTable.HistoryRow row) {
        if (query.isObject("SetupAuditTrail")) {
            row.id = "0Ym5g" + String.format(Locale.ROOT, "%010d", index) + "SIM";
            return;
        }
        if (query.isObject("Organization")) {
            return;
        }
        if (query.isObject("LeadHistory")) {
            row.id = leadHistoryId(index);
            return;
        }
        org.history().read(query.isObject("Opportunity") ? currentOpportunityRows()[index] : index, row);
    }

    private String idOf(SoqlQuery query, HistoryTable.HistoryRow row) {
        if (query.isObject("Organization")) {
            return organizationId();
        }
        return query.isObject("Opportunity") ? row.opportunityId : row.id;
    }

    private static String leadHistoryId(int index) {
        return "0175g" + String.format(Locale.ROOT, "%010d", index) + "SIM";
    }

    /** A field of row {@code index} of the query's object; {@code row} holds it already unless it is LeadHistory. */
    private Object value(SoqlQuery query, String field, int index, HistoryTable.HistoryRow row) {
        if (query.isObject("SetupAuditTrail")) {
            SimulatedOrg.SetupAuditRow audit = org.setupAuditTrail().get(index);
            return switch (field.toLowerCase(Locale.ROOT)) {
                case "id" -> row.id;
                case "createddate" -> audit.createdDate();
                case "createdby.name" -> audit.createdByName();
                case "action" -> audit.action();
                case "section" -> audit.section();
                case "display" -> audit.display();
                default -> null;
            };
        }
        if (query.isObject("Organization")) {
            return field.equalsIgnoreCase("Id") ? organizationId() : org.name();
        }
        if (query.isObject("Opportunity") && (field.equalsIgnoreCase(RECORD_TYPE_NAME) || field.equalsIgnoreCase(RECORD_TYPE_ID))) {
            String recordType = org.opportunityRecordType(row.opportunityId);
            int position = recordType == null ? -1 : recordTypes("Opportunity").indexOf(recordType);
            if (position < 0) {
                return null; // no record type: the master record type, which RecordTypeId leaves null
            }
            return field.equalsIgnoreCase(RECORD_TYPE_NAME) ? recordType : String.format(Locale.ROOT, "0125g%07dSIMAAA", position);
        }
        if (!query.isObject("LeadHistory")) {
            return value(query, field, row);
        }
        LeadHistoryCsv.StatusChange change = org.leadHistory().get(index);
        // OldValue and NewValue are anyType in the API; for a picklist they are the API values as strings.
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "id" -> row.id;
            case "leadid" -> change.leadId();
            case "field" -> LeadHistoryCsv.STATUS_FIELD;
            case "oldvalue" -> change.oldValue().isEmpty() ? null : change.oldValue();
            case "newvalue" -> change.newValue();
            case "createddate" -> change.at();
            case "datatype" -> "Text";
            case "isdeleted" -> "false";
            default -> null;
        };
    }

    private static Object value(SoqlQuery query, String field, HistoryTable.HistoryRow row) {
        boolean opportunity = query.isObject("Opportunity");
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "id" -> opportunity ? row.opportunityId : row.id;
            case "opportunityid" -> row.opportunityId;
            case "stagename" -> row.stageName;
            case "createddate" -> Instant.ofEpochMilli(row.createdMillis);
            case "amount" -> Double.isNaN(row.amount) ? null : row.amount;
            case "closedate" -> row.closeEpochDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(row.closeEpochDay);
            case "probability" -> Double.isNaN(row.probability) ? null : row.probability;
            case "forecastcategory" -> row.forecastCategory;
            default -> null;
        };
    }

    /** For each opportunity, the index of its latest history row, ordered by opportunity id. */
    private int[] currentOpportunityRows() {
        int[] rows = currentOpportunityRows;
        if (rows == null) {
            Map<String, Integer> latest = new HashMap<>();
            Map<String, Long> latestAt = new HashMap<>();
            HistoryTable.HistoryRow row = new HistoryTable.HistoryRow();
            for (int i = 0; i < org.history().size(); i++) {
                org.history().read(i, row);
                Long at = latestAt.get(row.opportunityId);
                if (at == null || row.createdMillis >= at) {
                    latestAt.put(row.opportunityId, row.createdMillis);
                    latest.put(row.opportunityId, i);
                }
            }
            rows = new TreeMap<>(latest).values().stream().mapToInt(Integer::intValue).toArray();
            currentOpportunityRows = rows;
        }
        return rows;
    }
}
