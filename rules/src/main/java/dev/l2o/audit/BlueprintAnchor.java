package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.SourcePosition;

/**
 * Where in the blueprint file a finding's subject is designed: the declaration of the stage, field, routing
 * rule, automation, conversion target or custom rule the finding is about. Reports point there (SARIF results)
 * when the CRM side has no file to point at, such as a field the CRM lacks.
 *
 * @param ruleId the finding's rule id
 * @param subject the finding's subject
 * @param position the line and column of the declaration
 */
public record BlueprintAnchor(String ruleId, String subject, SourcePosition position) {
    public BlueprintAnchor {
        requireNonNull(ruleId, "ruleId is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(position, "position is null");
    }
}
