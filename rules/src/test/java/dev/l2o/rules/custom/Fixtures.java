package dev.l2o.rules.custom;

import dev.l2o.testing.RepositoryFiles;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.model.Completeness;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.ForecastCategory;
import dev.l2o.model.Pipeline;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.Stage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built snapshots shaped like the example org, and the example blueprint. */
final class Fixtures {
    static final Instant AS_OF = Instant.parse("2026-01-15T00:00:00Z");
    static final Path EXAMPLE = RepositoryFiles.exampleBlueprint();

    private Fixtures() {}

    static Blueprint example() {
        return BlueprintLoader.load(EXAMPLE).blueprint();
    }

    static Blueprint blueprint(String yaml) {
        return BlueprintLoader.parse(yaml, "test.yaml").blueprint();
    }

    /** A Salesforce org with the example's opportunity stages and lead statuses. */
    static Snapshot salesforce(List<FieldDef> fields, List<CrmRecord> records) {
        Pipeline opportunity = pipeline("salesforce", "OpportunityStage", "New Business", "Opportunity",
                List.of("Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"));
        Pipeline lead = pipeline("salesforce", "LeadStatus", "Lead Status", "Lead",
                List.of("Open - Not Contacted", "Marketing Qualified", "Sales Qualified", "Recycled", "Closed - Converted"));
        return snapshot("salesforce", List.of(opportunity, lead), fields, records);
    }

    static Snapshot snapshot(String crm, List<Pipeline> pipelines, List<FieldDef> fields, List<CrmRecord> records) {
        return new Snapshot(new SourceInfo("snapshot", "test", Map.of()), crm, AS_OF, Completeness.full(), pipelines, fields,
                List.of(), List.of(), List.of(), records, null);
    }

    static Pipeline pipeline(String crm, String id, String label, String object, List<String> stageNames) {
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < stageNames.size(); i++) {
            String name = stageNames.get(i);
            boolean closed = name.startsWith("Closed") || name.startsWith("closed");
            boolean won = name.equalsIgnoreCase("Closed Won") || name.equals("closedwon");
            stages.add(new Stage(name, name, i, null, closed ? ForecastCategory.CLOSED : ForecastCategory.PIPELINE, closed, won,
                    false, true, ResourceRef.of(crm, object + "/" + name), Map.of()));
        }
        return new Pipeline(id, label, object, true, stages, ResourceRef.of(crm, object + "/" + id));
    }

    static FieldDef field(String crm, String object, String name, String type) {
        return new FieldDef(object, name, name, type, false, true, List.of(), null, null, false, ResourceRef.of(crm, object + "." + name));
    }

    /** A record; {@code keyValues} alternate field name and value. */
    static CrmRecord record(String object, String id, Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        // as the HubSpot connector reads a deal: its pipeline property names its pipeline
        return new CrmRecord(object, id, values, object.equals("deals") && values.get("pipeline") instanceof String pipeline ? pipeline : null);
    }
}
