package dev.l2o.hubspot.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a simulated portal holds, read from a JSON portal description file (format in the connector README)
 * or generated from a seed. Property and workflow definitions are kept in HubSpot's own JSON shapes; the
 * simulator completes missing standard fields.
 *
 * @param portalId the HubSpot account id
 * @param company the fictional company's name
 * @param pipelines deal pipelines; when empty, HubSpot's default sales pipeline
 * @param dealProperties deal properties beyond HubSpot's standard ones (same name: replaces the standard one)
 * @param contactProperties contact properties beyond the standard ones (e.g. custom {@code lifecyclestage} options)
 * @param companyProperties company properties beyond the standard ones
 * @param owners owners (users and queues) with their teams
 * @param flows v4 workflows as {@code GET /automation/v4/flows/{id}} returns them
 * @param deals deals with their stage history
 * @param generate more deals (and contacts) generated from a seed, or null
 * @param contacts contacts with their lifecycle stage history (optional; none when absent)
 * @param auditLogs the account activity audit log as {@code GET /account-info/v3/activity/audit-logs} returns its
 *     entries, or null for a portal whose tier has none (the endpoint answers 403)
 */
public record PortalDescription(
        long portalId,
        String company,
        List<PipelineSpec> pipelines,
        List<ObjectNode> dealProperties,
        List<ObjectNode> contactProperties,
        List<ObjectNode> companyProperties,
        List<OwnerSpec> owners,
        List<ObjectNode> flows,
        List<DealSpec> deals,
        GenerateSpec generate,
        List<ContactSpec> contacts,
        List<ObjectNode> auditLogs) {
    public PortalDescription {
        company = company == null ? "Simulated portal" : company;
        pipelines = List.copyOf(pipelines == null ? List.of() : pipelines);
        dealProperties = List.copyOf(dealProperties == null ? List.of() : dealProperties);
        contactProperties = List.copyOf(contactProperties == null ? List.of() : contactProperties);
        companyProperties = List.copyOf(companyProperties == null ? List.of() : companyProperties);
        owners = List.copyOf(owners == null ? List.of() : owners);
        flows = List.copyOf(flows == null ? List.of() : flows);
        deals = List.copyOf(deals == null ? List.of() : deals);
        contacts = List.copyOf(contacts == null ? List.of() : contacts);
        auditLogs = auditLogs == null ? null : List.copyOf(auditLogs);
    }

    /**
     * A deal pipeline.
     *
     * @param id the pipeline id ({@code default} for the default pipeline)
     * @param label the label
     * @param displayOrder the position among pipelines
     * @param stages its stages
     */
    public record PipelineSpec(String id, String label, int displayOrder, List<StageSpec> stages) {
        public PipelineSpec {
            requireNonNull(id, "pipeline id is null");
            label = label == null ? id : label;
            stages = List.copyOf(stages == null ? List.of() : stages);
        }
    }

    /**
     * A deal stage.
     *
     * @param id the stage id (HubSpot's default ids such as {@code closedwon}, or numeric strings)
     * @param label the label
     * @param displayOrder the position in the pipeline (ties are ordered by label)
     * @param probability the win probability 0.0–1.0
     * @param closed whether deals in it are closed
     * @param archived whether the stage is archived
     */
    public record StageSpec(String id, String label, int displayOrder, double probability, boolean closed, boolean archived) {
        public StageSpec {
            requireNonNull(id, "stage id is null");
            label = label == null ? id : label;
        }
    }

    /**
     * An owner.
     *
     * @param id the owner id (stored in {@code hubspot_owner_id})
     * @param userId the user id (named by workflows), or null for queues
     * @param type {@code PERSON} (default) or {@code QUEUE}
     */
    public record OwnerSpec(String id, String email, String firstName, String lastName, Long userId, String type, List<TeamSpec> teams,
            boolean archived) {
        public OwnerSpec {
            requireNonNull(id, "owner id is null");
            type = type == null ? "PERSON" : type;
            teams = List.copyOf(teams == null ? List.of() : teams);
        }
    }

    /** A team an owner belongs to. */
    public record TeamSpec(String id, String name, boolean primary) {
        public TeamSpec {
            requireNonNull(id, "team id is null");
        }
    }

    /**
     * A deal.
     *
     * @param id the deal id
     * @param properties current property values as HubSpot stores them (strings); {@code dealstage} defaults
     *     to the newest history entry and {@code pipeline} to the first pipeline
     * @param stageHistory the {@code dealstage} history in any order
     */
    public record DealSpec(String id, Map<String, String> properties, List<HistoryEntry> stageHistory) {
        public DealSpec {
            requireNonNull(id, "deal id is null");
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            stageHistory = List.copyOf(stageHistory == null ? List.of() : stageHistory);
        }
    }

    /**
     * A contact.
     *
     * @param id the contact id
     * @param properties current property values as HubSpot stores them (strings); {@code lifecyclestage}
     *     defaults to the newest history entry
     * @param lifecycleHistory the {@code lifecyclestage} history in any order (served in the order given)
     */
    public record ContactSpec(String id, Map<String, String> properties, List<HistoryEntry> lifecycleHistory) {
        public ContactSpec {
            requireNonNull(id, "contact id is null");
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
            lifecycleHistory = List.copyOf(lifecycleHistory == null ? List.of() : lifecycleHistory);
        }
    }

    /**
     * One {@code dealstage} or {@code lifecyclestage} history entry ({@code ValueWithTimestamp}).
     *
     * @param stage the stage id (or lifecycle stage value) set
     * @param timestamp when
     * @param sourceType who set it ({@code CRM_UI}, {@code API}, {@code IMPORT}, {@code AUTOMATION_PLATFORM}, …)
     * @param sourceId the source's id ({@code userId:123}), or null
     * @param updatedByUserId the user, or null
     */
    public record HistoryEntry(String stage, Instant timestamp, String sourceType, String sourceId, Long updatedByUserId) {
        public HistoryEntry {
            requireNonNull(stage, "history stage is null");
            requireNonNull(timestamp, "history timestamp is null");
            sourceType = sourceType == null ? "CRM_UI" : sourceType;
        }
    }

    /**
     * Deals and contacts generated deterministically from a seed, after the listed ones.
     *
     * @param seed the random seed
     * @param deals how many deals
     * @param from the earliest creation time (default 2024-01-01)
     * @param contacts how many contacts (optional, default none)
     */
    public record GenerateSpec(long seed, int deals, Instant from, int contacts) {
        public GenerateSpec {
            if (deals < 0) {
                throw new IllegalArgumentException("generate.deals is negative");
            }
            if (contacts < 0) {
                throw new IllegalArgumentException("generate.contacts is negative");
            }
            from = from == null ? Instant.parse("2024-01-01T00:00:00Z") : from;
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /**
     * Reads a portal description file.
     *
     * @throws L2oException {@code UNREADABLE_FILE} when it cannot be read, {@code BAD_SOURCE} naming file, line
     *     and column when it is not a valid description
     */
    public static PortalDescription read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, file + ": no such file");
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses a portal description; {@code origin} names it in error messages. */
    public static PortalDescription parse(String json, String origin) {
        try {
            PortalDescription description = mapper().readValue(json, PortalDescription.class);
            if (description == null) {
                throw new L2oException(ErrorCode.BAD_SOURCE, origin + ": empty portal description");
            }
            return description;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? origin : origin + ":" + at.getLineNr() + ":" + at.getColumnNr();
            if (e instanceof UnrecognizedPropertyException unknown) {
                // records are built after all their fields are buffered, so Jackson reports the object's end
                where = locate(json, unknown.getPropertyName()).map(position -> origin + ":" + position).orElse(where);
            }
            throw new L2oException(ErrorCode.BAD_SOURCE, where + ": not a valid portal description: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new L2oException(ErrorCode.BAD_SOURCE, origin + ": not a valid portal description: " + e.getMessage());
        }
    }

    /** The line:column of the first key {@code "name"} in {@code json}. */
    private static Optional<String> locate(String json, String name) {
        Matcher key = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:").matcher(json);
        if (!key.find()) {
            return Optional.empty();
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < key.start(); i++) {
            if (json.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Optional.of(line + ":" + (key.start() - lineStart + 1));
    }

    /** This description as JSON, in the file format {@link #read} accepts. */
    public String toJson() {
        try {
            return mapper().configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new L2oException(ErrorCode.INTERNAL_ERROR, "cannot write the portal description: " + e.getMessage(), e);
        }
    }

    /** The generated portal's workflow that opens renewal deals. */
    public static final String RENEWAL_WORKFLOW = "Create renewal deal";
    /** How many days before a deal's {@code contract_end_date} the renewal workflow creates the renewal deal. */
    public static final int RENEWAL_DAYS_BEFORE_END = 120;
    private static final String RENEWALS_PIPELINE = "75e28846-ad0d-4be2-a027-5e1da6590b98";
    private static final String RENEWAL_DUE_STAGE = "1012659571";

    /**
     * A generated portal: HubSpot's default sales pipeline plus a renewals pipeline, six owners in two teams, the
     * workflow that opens renewal deals, and {@code deals} deals with stage history drawn from {@code seed} (the same
     * seed gives the same portal).
     */
    public static PortalDescription generate(long seed, int deals) {
        List<PipelineSpec> pipelines = List.of(
                defaultPipeline(),
                new PipelineSpec(RENEWALS_PIPELINE, "Renewals", 1, List.of(
                        new StageSpec(RENEWAL_DUE_STAGE, "Renewal due", 0, 0.5, false, false),
                        new StageSpec("1012659572", "Terms agreed", 1, 0.8, false, false),
                        new StageSpec("1012659573", "Renewed", 2, 1.0, true, false),
                        new StageSpec("1012659574", "Churned", 3, 0.0, true, false))));
        List<TeamSpec> east = List.of(new TeamSpec("4721", "Sales East", true));
        List<TeamSpec> west = List.of(new TeamSpec("4722", "Sales West", true));
        List<OwnerSpec> owners = List.of(
                new OwnerSpec("81000001", "ada@example.com", "Ada", "Lovelace", 5100001L, "PERSON", east, false),
                new OwnerSpec("81000002", "grace@example.com", "Grace", "Hopper", 5100002L, "PERSON", east, false),
                new OwnerSpec("81000003", "alan@example.com", "Alan", "Turing", 5100003L, "PERSON", west, false),
                new OwnerSpec("81000004", "edsger@example.com", "Edsger", "Dijkstra", 5100004L, "PERSON", west, false),
                new OwnerSpec("81000005", "barbara@example.com", "Barbara", "Liskov", 5100005L, "PERSON", east, false),
                new OwnerSpec("81000006", "ken@example.com", "Ken", "Thompson", 5100006L, "PERSON", west, true));
        return new PortalDescription(20_000_000L + Math.floorMod(seed, 1_000_000L), "Generated portal " + seed, pipelines,
                List.of(), List.of(), List.of(), owners, List.of(renewalWorkflow()), List.of(), new GenerateSpec(seed, deals, null, 0),
                List.of(), List.of());
    }

    /**
     * A v4 deal workflow as HubSpot's workflows API returns it: deals enrol when won; the first action waits until
     * {@value #RENEWAL_DAYS_BEFORE_END} days before the deal's {@code contract_end_date} (action type 0-35, delay until
     * a date property), the second creates a deal (0-14, object type 0-3) in the Renewals pipeline's first stage. The
     * shape of the HubSpot example portal's renewal workflow.
     */
    private static ObjectNode renewalWorkflow() {
        String json = """
                {
                  "id": "585051101",
                  "name": "%s",
                  "isEnabled": true,
                  "objectTypeId": "0-3",
                  "revisionId": "2",
                  "enrollmentCriteria": {
                    "type": "LIST_BASED",
                    "shouldReEnroll": false,
                    "listFilterBranch": {
                      "filterBranchType": "OR",
                      "filters": [],
                      "filterBranches": [{
                        "filterBranchType": "AND",
                        "filterBranches": [],
                        "filters": [{
                          "property": "dealstage",
                          "filterType": "PROPERTY",
                          "operation": {"operator": "IS_ANY_OF", "values": ["closedwon"], "operationType": "ENUMERATION",
                                        "includeObjectsWithNoValueSet": false}
                        }]
                      }]
                    }
                  },
                  "actions": [
                    {
                      "actionId": "1",
                      "actionTypeId": "0-35",
                      "actionTypeVersion": 0,
                      "type": "SINGLE_CONNECTION",
                      "connection": {"edgeType": "STANDARD", "nextActionId": "2"},
                      "fields": {
                        "date": {"propertyName": "contract_end_date", "type": "OBJECT_PROPERTY"},
                        "delta": "-%d",
                        "time_unit": "DAYS",
                        "time_of_day": {"hour": 9, "minute": 0}
                      }
                    },
                    {
                      "actionId": "2",
                      "actionTypeId": "0-14",
                      "actionTypeVersion": 0,
                      "type": "SINGLE_CONNECTION",
                      "fields": {
                        "object_type_id": "0-3",
                        "properties": [
                          {"targetProperty": "pipeline", "value": {"staticValue": "%s", "type": "STATIC_VALUE"}},
                          {"targetProperty": "dealstage", "value": {"staticValue": "%s", "type": "STATIC_VALUE"}}
                        ]
                      }
                    }
                  ]
                }
                """.formatted(RENEWAL_WORKFLOW, RENEWAL_DAYS_BEFORE_END, RENEWALS_PIPELINE, RENEWAL_DUE_STAGE);
        try {
            return mapper().readValue(json, ObjectNode.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generated renewal workflow is not JSON", e);
        }
    }

    /** HubSpot's default deal pipeline: id {@code default} and its standard stage ids and probabilities. */
    public static PipelineSpec defaultPipeline() {
        return new PipelineSpec("default", "Sales Pipeline", 0, List.of(
                new StageSpec("appointmentscheduled", "Appointment Scheduled", 0, 0.2, false, false),
                new StageSpec("qualifiedtobuy", "Qualified To Buy", 1, 0.4, false, false),
                new StageSpec("presentationscheduled", "Presentation Scheduled", 2, 0.6, false, false),
                new StageSpec("decisionmakerboughtin", "Decision Maker Bought-In", 3, 0.8, false, false),
                new StageSpec("contractsent", "Contract Sent", 4, 0.9, false, false),
                new StageSpec("closedwon", "Closed Won", 5, 1.0, true, false),
                new StageSpec("closedlost", "Closed Lost", 6, 0.0, true, false)));
    }

    /** The pipelines the portal serves: the described ones, or HubSpot's default pipeline. */
    List<PipelineSpec> effectivePipelines() {
        return pipelines.isEmpty() ? List.of(defaultPipeline()) : pipelines;
    }
}
