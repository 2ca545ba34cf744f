package dev.l2o.hubspot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.l2o.model.Crm;
import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.ScheduledOffset;
import dev.l2o.model.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Maps HubSpot's response shapes onto the CRM-neutral model. Stateless. */
final class SnapshotMapper {
    static final String CRM = Crm.HUBSPOT.id();
    static final String LIFECYCLE_STAGE = "lifecyclestage";
    static final String LEAD_STATUS = "hs_lead_status";
    static final String OWNER_PROPERTY = "hubspot_owner_id";

    /** Lifecycle stages a contact reaches once a deal exists for it (HubSpot's default stages). */
    private static final Set<String> CONVERTED_LIFECYCLE_STAGES = Set.of("opportunity", "customer", "evangelist");
    /** The default lead status that means a deal was opened. */
    private static final Set<String> CONVERTED_LEAD_STATUSES = Set.of("OPEN_DEAL");

    private static final String ROTATE_TO_OWNER = "0-11";
    private static final String SET_PROPERTY = "0-5";
    // Action types as public v4 flow definitions use them [OBS, CRM-APIS.md H6]: 0-1 is documented as the delay
    // (fields delta, time_unit); 0-35 waits until a date property (fields date.propertyName, delta: negative is
    // before the date); 0-14 creates a record of fields.object_type_id (0-3: a deal).
    private static final String DELAY = "0-1";
    private static final String DELAY_UNTIL_DATE = "0-35";
    private static final String CREATE_RECORD = "0-14";

    private SnapshotMapper() {}

    private static final Comparator<Integer> DISPLAY_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    /**
     * Deal pipelines ordered by display order then label (the spec's tie rule), stages likewise. Probability is
     * {@code metadata.probability} (a string 0.0–1.0) in percent; a stage is won when closed at 100 %, since
     * HubSpot has no won flag. Archived stages, and every stage of an archived pipeline, are inactive.
     */
    static List<Pipeline> dealPipelines(List<Dto.Pipeline> pipelines) {
        return pipelines.stream()
                .sorted(Comparator.comparing(Dto.Pipeline::displayOrder, DISPLAY_ORDER)
                        .thenComparing(p -> nullToEmpty(p.label())).thenComparing(p -> nullToEmpty(p.id())))
                .map(SnapshotMapper::dealPipeline)
                .toList();
    }

    private static Pipeline dealPipeline(Dto.Pipeline pipeline) {
        List<Dto.Stage> sorted = (pipeline.stages() == null ? List.<Dto.Stage>of() : pipeline.stages()).stream()
                .sorted(Comparator.comparing(Dto.Stage::displayOrder, DISPLAY_ORDER)
                        .thenComparing(s -> nullToEmpty(s.label())).thenComparing(s -> nullToEmpty(s.id())))
                .toList();
        List<Stage> stages = new ArrayList<>();
        for (Dto.Stage stage : sorted) {
            Map<String, String> metadata = stage.metadata() == null ? Map.of() : stage.metadata();
            Double probability = probability(metadata.get("probability"));
            boolean closed = "true".equalsIgnoreCase(metadata.get("isClosed"));
            Map<String, String> attributes = new TreeMap<>();
            if (stage.displayOrder() != null) {
                attributes.put("displayOrder", String.valueOf(stage.displayOrder()));
            }
            if (stage.archived()) {
                attributes.put("archived", "true");
            }
            stages.add(new Stage(stage.id(), stage.label(), stages.size(), probability, null, closed,
                    closed && probability != null && probability == 100.0, false, !stage.archived() && !pipeline.archived(),
                    ResourceRef.of(CRM, "pipeline/" + pipeline.id() + "/stage/" + stage.id()), attributes));
        }
        return new Pipeline(pipeline.id(), pipeline.label(), HubSpotObjects.DEALS, "default".equals(pipeline.id()), stages,
                ResourceRef.of(CRM, "pipeline/" + pipeline.id()));
    }

    private static Double probability(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double fraction = Double.parseDouble(text.trim());
            // 0.2 × 100 is 20.000000000000004 in binary floating point; two decimals are all HubSpot keeps
            return Math.max(0.0, Math.min(100.0, Math.round(fraction * 10_000) / 100.0));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A contact property whose options are a lifecycle ({@code lifecyclestage}, {@code hs_lead_status}) as a
     * pipeline of the {@code contacts} object; hidden options are inactive stages.
     */
    static Pipeline leadLifecycle(Dto.Property property, boolean isDefault) {
        Set<String> converted = LIFECYCLE_STAGE.equals(property.name()) ? CONVERTED_LIFECYCLE_STAGES : CONVERTED_LEAD_STATUSES;
        List<Stage> stages = new ArrayList<>();
        for (Dto.Option option : sortedOptions(property)) {
            stages.add(new Stage(option.value(), option.label(), stages.size(), null, null, false, false,
                    converted.contains(option.value()), !Boolean.TRUE.equals(option.hidden()),
                    ResourceRef.of(CRM, "property/contacts/" + property.name() + "/option/" + option.value()), Map.of()));
        }
        return new Pipeline(property.name(), property.label(), HubSpotObjects.CONTACTS, isDefault, stages,
                ResourceRef.of(CRM, "property/contacts/" + property.name()));
    }

    private static List<Dto.Option> sortedOptions(Dto.Property property) {
        return (property.options() == null ? List.<Dto.Option>of() : property.options()).stream()
                .filter(o -> o.value() != null)
                .sorted(Comparator.comparing(Dto.Option::displayOrder, DISPLAY_ORDER))
                .toList();
    }

    /** A property as a field: type {@code type/fieldType}, values the visible option values in display order. */
    static FieldDef field(String object, Dto.Property property) {
        List<String> values = sortedOptions(property).stream()
                .filter(o -> !Boolean.TRUE.equals(o.hidden()))
                .map(Dto.Option::value)
                .toList();
        return new FieldDef(object, property.name(), property.label(), nullToEmpty(property.type()) + "/" + nullToEmpty(property.fieldType()),
                false, !Boolean.TRUE.equals(property.hubspotDefined()), values, null,
                property.calculationFormula() == null || property.calculationFormula().isBlank() ? null : property.calculationFormula(),
                true, ResourceRef.of(CRM, "property/" + object + "/" + property.name()));
    }

    /** Owners as users (queues as queues) named by owner id, and their teams, sorted by kind then name. */
    static List<Assignee> assignees(List<Dto.Owner> owners) {
        Map<String, Assignee> byKey = new TreeMap<>();
        for (Dto.Owner owner : owners) {
            if (owner.id() == null) {
                continue;
            }
            AssigneeKind kind = "QUEUE".equalsIgnoreCase(owner.type()) ? AssigneeKind.QUEUE : AssigneeKind.USER;
            byKey.put(kind.ordinal() + ":" + owner.id(), new Assignee(kind, owner.id(), ownerLabel(owner)));
            for (Dto.Team team : owner.teams() == null ? List.<Dto.Team>of() : owner.teams()) {
                if (team.id() != null) {
                    byKey.putIfAbsent(AssigneeKind.TEAM.ordinal() + ":" + team.id(), new Assignee(AssigneeKind.TEAM, team.id(), team.name()));
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    private static String ownerLabel(Dto.Owner owner) {
        String name = (nullToEmpty(owner.firstName()) + " " + nullToEmpty(owner.lastName())).trim();
        if (!name.isEmpty()) {
            return name;
        }
        return owner.email() == null || owner.email().isBlank() ? owner.id() : owner.email();
    }

    /**
     * A v4 flow as an automation. Routing is what assigns owners: "rotate record to owner" ({@code 0-11}, whose
     * {@code user_ids} are user ids, mapped to owner ids through the owners list) and "set property" ({@code 0-5})
     * of {@code hubspot_owner_id} (whose value is an owner id). Fields referenced are the enrollment filters'
     * properties; fields written are the set-property targets.
     *
     * @param ownerIdByUserId owner id per user id, from the owners API
     */
    static Automation flow(JsonNode flow, Map<Long, String> ownerIdByUserId) {
        String id = flow.path("id").asText();
        String name = flow.path("name").asText(id);
        Set<String> written = new TreeSet<>();
        Map<String, Assignee> assignees = new LinkedHashMap<>();
        Set<String> created = new TreeSet<>();
        List<ScheduledOffset> schedule = new ArrayList<>();
        for (JsonNode action : flow.path("actions")) {
            String type = action.path("actionTypeId").asText("");
            JsonNode fields = action.path("fields");
            if (type.equals(CREATE_RECORD)) {
                String object = HubSpotObjects.nameOfTypeId(fields.path("object_type_id").asText(null));
                if (object != null) {
                    created.add(object);
                }
            } else if (type.equals(DELAY) || type.equals(DELAY_UNTIL_DATE)) {
                String property = type.equals(DELAY_UNTIL_DATE) ? fields.path("date").path("propertyName").asText(null) : null;
                ScheduledOffset offset = ScheduledOffset.of(fields.path("delta").asText(null), fields.path("time_unit").asText(null),
                        property);
                if (offset != null) {
                    schedule.add(offset);
                }
            } else if (type.equals(ROTATE_TO_OWNER)) {
                written.add(fields.path("target_property").asText(OWNER_PROPERTY));
                for (JsonNode user : fields.path("user_ids")) {
                    String ownerId = ownerIdOf(user.asText(), ownerIdByUserId);
                    assignees.putIfAbsent("U" + ownerId, new Assignee(AssigneeKind.USER, ownerId, null));
                }
                for (JsonNode team : fields.path("team_ids")) {
                    assignees.putIfAbsent("T" + team.asText(), new Assignee(AssigneeKind.TEAM, team.asText(), null));
                }
            } else if (type.equals(SET_PROPERTY)) {
                String property = fields.path("property_name").asText("");
                if (!property.isEmpty()) {
                    written.add(property);
                }
                String value = fields.path("value").path("staticValue").asText("");
                if (property.equals(OWNER_PROPERTY) && !value.isEmpty()) {
                    assignees.putIfAbsent("U" + value, new Assignee(AssigneeKind.USER, value, null));
                }
            }
        }
        Set<String> referenced = new TreeSet<>();
        collectFilterProperties(flow.path("enrollmentCriteria"), referenced);
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("flowId", id);
        putText(attributes, "flowType", flow.path("flowType"));
        putText(attributes, "type", flow.path("type"));
        putText(attributes, "objectTypeId", flow.path("objectTypeId"));
        putText(attributes, "revisionId", flow.path("revisionId"));
        if (!created.isEmpty()) {
            attributes.put(Automation.CREATES, String.join(",", created));
        }
        if (!schedule.isEmpty()) {
            attributes.put(Automation.SCHEDULE, ScheduledOffset.format(schedule));
        }
        String trigger = flow.path("enrollmentCriteria").path("type").asText(null);
        return new Automation(AutomationKind.FLOW, name, name, HubSpotObjects.nameOfTypeId(flow.path("objectTypeId").asText(null)),
                flow.path("isEnabled").asBoolean(false), trigger, referenced, written, List.of(), List.copyOf(assignees.values()),
                null, ResourceRef.of(CRM, "flow/" + id), attributes);
    }

    private static String ownerIdOf(String userId, Map<Long, String> ownerIdByUserId) {
        try {
            return ownerIdByUserId.getOrDefault(Long.parseLong(userId.trim()), userId);
        } catch (NumberFormatException e) {
            return userId;
        }
    }

    /**
     * Every {@code property} named in filters under {@code node}. Property-change events filter on
     * {@code hs_name} (the changed property's name, given as the value) and {@code hs_value}.
     */
    private static void collectFilterProperties(JsonNode node, Set<String> into) {
        if (node.isArray()) {
            node.forEach(child -> collectFilterProperties(child, into));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode property = node.get("property");
        if (property != null && property.isTextual() && node.has("operation")) {
            String name = property.asText();
            if (name.equals("hs_name")) {
                String changed = node.path("operation").path("value").asText("");
                if (!changed.isEmpty()) {
                    into.add(changed);
                }
            } else if (!name.equals("hs_value")) {
                into.add(name);
            }
        }
        node.forEach(child -> collectFilterProperties(child, into));
    }

    private static void putText(Map<String, String> attributes, String key, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            attributes.put(key, value.asText());
        }
    }

    /**
     * A record value typed by its property's type: HubSpot sends every value as a string (or null);
     * {@code number} becomes a Double, {@code bool} a Boolean, anything else stays a string.
     */
    static Object typedValue(String raw, String propertyType) {
        if (raw == null) {
            return null;
        }
        String type = propertyType == null ? "" : propertyType.toLowerCase(Locale.ROOT);
        switch (type) {
            case "number" -> {
                if (raw.isBlank()) {
                    return null;
                }
                try {
                    return Double.valueOf(raw.trim());
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            case "bool", "boolean" -> {
                return raw.isBlank() ? null : Boolean.valueOf(raw.trim().equalsIgnoreCase("true"));
            }
            default -> {
                return raw;
            }
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
