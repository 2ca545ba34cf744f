package dev.l2o.salesforce.metadata;

import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Assignee;
import dev.l2o.model.Automation;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import java.util.List;

/**
 * The configuration part of a Salesforce snapshot, as {@link SalesforceMetadataAssembler} builds it, in a
 * deterministic order: pipelines by object with the default (whole value set) first, then business processes
 * by label; fields by object and name; automations by kind, object and name; assignment rules by object and
 * name; assignees by kind and name.
 */
public record SalesforceMetadata(
        List<Pipeline> pipelines,
        List<FieldDef> fields,
        List<Automation> automations,
        List<AssignmentRule> assignmentRules,
        List<Assignee> assignees) {
    public SalesforceMetadata {
        pipelines = List.copyOf(pipelines);
        fields = List.copyOf(fields);
        automations = List.copyOf(automations);
        assignmentRules = List.copyOf(assignmentRules);
        assignees = List.copyOf(assignees);
    }
}
