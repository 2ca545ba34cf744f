package dev.l2o.salesforce.metadata;

import static java.util.Objects.requireNonNull;

import dev.l2o.model.CrmRecord;
import dev.l2o.model.Pipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which sales process a Salesforce record is in. An opportunity carries no sales process of its own: "A sales,
 * support, lead, or solution process is assigned to a record type" (Metadata API, BusinessProcess), and the
 * {@code RecordType} component names it in {@code businessProcess}. The snapshot's sales processes list the record
 * types that use them ({@link Pipeline#recordTypes()}); a record names its record type by the relationship field
 * {@link #FIELD}, as SOQL selects it and exports name the column. A record without one (no record type, the master
 * record type, or an export that has only {@code RecordTypeId}, an id no metadata file knows) names no sales process.
 */
public final class SalesforceRecordTypes {
    /** The relationship field that names a record's record type by its developer name. */
    public static final String FIELD = "RecordType.DeveloperName";
    /** The relationship itself: a REST query answers {@code "RecordType": null} for a record without a record type. */
    private static final String RELATIONSHIP = "RecordType";

    private SalesforceRecordTypes() {}

    /**
     * {@code records} with their {@link CrmRecord#pipeline()} set to the sales process of their record type among
     * {@code pipelines} (by its id, {@code Opportunity.Renewal}), or null when their record type uses none of them. The
     * record type stays among the values as {@link #FIELD} (a REST answer's null {@code RecordType} too), so that a
     * record kept by an incremental read is decided again by the configuration it is read with. Records without the
     * field are returned as they are.
     */
    public static List<CrmRecord> withPipelines(List<CrmRecord> records, List<Pipeline> pipelines) {
        requireNonNull(records, "records is null");
        requireNonNull(pipelines, "pipelines is null");
        List<CrmRecord> resolved = new ArrayList<>(records.size());
        for (CrmRecord record : records) {
            String recordType = null;
            boolean named = false;
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> value : record.values().entrySet()) {
                if (value.getKey().equalsIgnoreCase(FIELD) || value.getKey().equalsIgnoreCase(RELATIONSHIP)) {
                    named = true;
                    recordType = value.getValue() instanceof String text && !text.isBlank() ? text.strip() : recordType;
                } else {
                    values.put(value.getKey(), value.getValue());
                }
            }
            if (!named) {
                resolved.add(record);
                continue;
            }
            values.put(FIELD, recordType);
            String pipeline = recordType == null ? null
                    : pipelineOf(record.object(), recordType, pipelines).map(Pipeline::id).orElse(null);
            resolved.add(new CrmRecord(record.object(), record.id(), values, pipeline));
        }
        return resolved;
    }

    /** The sales process of {@code object} that record type {@code developerName} uses (names ignoring case). */
    private static Optional<Pipeline> pipelineOf(String object, String developerName, List<Pipeline> pipelines) {
        String lower = developerName.toLowerCase(Locale.ROOT);
        return pipelines.stream()
                .filter(pipeline -> pipeline.object().equalsIgnoreCase(object))
                .filter(pipeline -> pipeline.recordTypes().stream().anyMatch(type -> type.toLowerCase(Locale.ROOT).equals(lower)))
                .findFirst();
    }
}
