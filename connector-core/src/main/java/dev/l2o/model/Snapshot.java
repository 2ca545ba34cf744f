package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a source holds, in one CRM-neutral vocabulary: the configuration, current values of the records
 * the blueprint needs, and the stage-history stream.
 *
 * @param source where it came from
 * @param crm {@code salesforce} or {@code hubspot} ({@link Crm#id()}): the vocabulary of API names, types and ResourceRefs
 * @param asOf when the source was read (the default "now" of metrics)
 * @param completeness whether everything was read
 * @param pipelines opportunity pipelines and lead lifecycles
 * @param fields field definitions of the objects read
 * @param automations flows, workflow rules, validation rules and assignment automations
 * @param assignmentRules assignment rules (Salesforce)
 * @param assignees queues, users, teams and owners that records can be assigned to
 * @param records current values of records, where the source has them
 * @param history the stage history, or null when the source has none (history untracked)
 * @param changeTrail who changed the setup and when, as far as the source tells
 */
public record Snapshot(
        SourceInfo source,
        String crm,
        Instant asOf,
        Completeness completeness,
        List<Pipeline> pipelines,
        List<FieldDef> fields,
        List<Automation> automations,
        List<AssignmentRule> assignmentRules,
        List<Assignee> assignees,
        List<CrmRecord> records,
        StageHistory history,
        ChangeTrail changeTrail) {
    /** The reason a source that says nothing of its setup changes gives. */
    public static final String NO_CHANGE_TRAIL = "the source keeps no record of setup changes";

    public Snapshot {
        requireNonNull(source, "source is null");
        requireNonNull(crm, "crm is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(completeness, "completeness is null");
        pipelines = List.copyOf(pipelines);
        fields = List.copyOf(fields);
        automations = List.copyOf(automations);
        assignmentRules = List.copyOf(assignmentRules);
        assignees = List.copyOf(assignees);
        records = List.copyOf(records);
        requireNonNull(changeTrail, "changeTrail is null");
    }

    /** A snapshot of a source that keeps no record of setup changes ({@link #NO_CHANGE_TRAIL}). */
    public Snapshot(SourceInfo source, String crm, Instant asOf, Completeness completeness, List<Pipeline> pipelines,
            List<FieldDef> fields, List<Automation> automations, List<AssignmentRule> assignmentRules, List<Assignee> assignees,
            List<CrmRecord> records, StageHistory history) {
        this(source, crm, asOf, completeness, pipelines, fields, automations, assignmentRules, assignees, records, history,
                ChangeTrail.none(NO_CHANGE_TRAIL));
    }

    /** Whether the snapshot is of {@code kind} (its {@link #crm()} is that CRM's id, ignoring case). */
    public boolean is(Crm kind) {
        return Crm.of(crm).filter(kind::equals).isPresent();
    }

    public Optional<StageHistory> stageHistory() {
        return Optional.ofNullable(history);
    }

    /** Pipelines of {@code object}, ignoring case. */
    public List<Pipeline> pipelinesOf(String object) {
        return pipelines.stream().filter(p -> p.object().equalsIgnoreCase(object)).toList();
    }

    /** The field {@code object.name}, ignoring case of both. */
    public Optional<FieldDef> field(String object, String name) {
        String o = object.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        return fields.stream()
                .filter(f -> f.object().toLowerCase(Locale.ROOT).equals(o) && f.name().toLowerCase(Locale.ROOT).equals(n))
                .findFirst();
    }

    public Snapshot withHistory(StageHistory replacement) {
        return new Snapshot(source, crm, asOf, completeness, pipelines, fields, automations, assignmentRules,
                assignees, records, replacement, changeTrail);
    }

    public Snapshot withCompleteness(Completeness replacement) {
        return new Snapshot(source, crm, asOf, replacement, pipelines, fields, automations, assignmentRules,
                assignees, records, history, changeTrail);
    }

    public Snapshot withAsOf(Instant replacement) {
        return new Snapshot(source, crm, replacement, completeness, pipelines, fields, automations, assignmentRules,
                assignees, records, history, changeTrail);
    }

    public Snapshot withChangeTrail(ChangeTrail replacement) {
        return new Snapshot(source, crm, asOf, completeness, pipelines, fields, automations, assignmentRules,
                assignees, records, history, replacement);
    }
}
