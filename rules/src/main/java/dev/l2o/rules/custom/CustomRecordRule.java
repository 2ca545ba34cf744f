package dev.l2o.rules.custom;

import dev.l2o.model.Crm;
import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.model.CrmRecord;
import dev.l2o.model.FieldDef;
import dev.l2o.model.Pipeline;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleContext;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.StageMapping;
import dev.l2o.rules.cel.CelCondition;
import dev.l2o.rules.cel.CelConditionException;
import dev.l2o.rules.cel.CelScope;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A custom rule over opportunity or lead records; see {@link CustomRules}. Stateless and thread-safe. */
final class CustomRecordRule implements Rule {
    private static final int EVIDENCE = 10;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d{1,18}");

    private final RuleDescriptor descriptor;
    private final CelScope scope;
    private final CelCondition when;
    private final CelCondition require;

    CustomRecordRule(RuleDescriptor descriptor, CelScope scope, CelCondition when, CelCondition require) {
        this.descriptor = descriptor;
        this.scope = scope;
        this.when = when;
        this.require = require;
    }

    @Override
    public RuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void check(Blueprint blueprint, Snapshot snapshot, RuleContext context) {
        String object = object(blueprint);
        String stageField = stageField(snapshot, object);
        Map<String, String> stageKeys = stageKeys(blueprint, snapshot, object);
        Optional<String> pipelineId = pipelineId(blueprint, snapshot);
        Map<String, FieldKind> kinds = fieldKinds(snapshot, object);
        long matching = 0;
        long violations = 0;
        TreeSet<String> examples = new TreeSet<>();
        for (CrmRecord record : snapshot.records()) {
            if (!record.object().equalsIgnoreCase(object) || !inPipeline(record, pipelineId)) {
                continue;
            }
            Map<String, Object> values = variables(record, stageField, stageKeys, kinds);
            Map<String, Object> bindings = new LinkedHashMap<>();
            scope.variables().forEach(name -> bindings.put(name, values));
            if (!holds(when, bindings)) {
                continue;
            }
            matching++;
            if (!holds(require, bindings)) {
                violations++;
                examples.add(record.id());
                if (examples.size() > EVIDENCE) {
                    examples.pollLast();
                }
            }
        }
        if (violations > 0) {
            String subject = snapshot.crm() + ":" + object;
            String message = descriptor.title() + ": " + violations + " of " + matching + " " + object
                    + (matching == 1 ? " record" : " records") + " fail the requirement";
            context.report(FindingDraft.of(DriftKind.THRESHOLD, subject, message)
                    .expectedActual(require.expression(), violations + (violations == 1 ? " record fails" : " records fail"))
                    .counted(violations, List.copyOf(examples))
                    .declaredAt(BlueprintPointers.rule(blueprint, descriptor.id())));
        }
    }

    /** Whether {@code condition} holds; one that cannot be evaluated on this record (a missing key) does not. */
    private static boolean holds(CelCondition condition, Map<String, Object> bindings) {
        if (condition == null) {
            return true;
        }
        try {
            return condition.test(bindings);
        } catch (CelConditionException notEvaluable) {
            return false;
        }
    }

    private String object(Blueprint blueprint) {
        return switch (scope) {
            case OPPORTUNITY -> blueprint.opportunityLifecycle() == null ? "Opportunity" : blueprint.opportunityLifecycle().object();
            case LEAD -> blueprint.leadLifecycle() == null ? "Lead" : blueprint.leadLifecycle().object();
            case RECORD, CONFIG -> throw new IllegalStateException("not a record scope: " + scope);
        };
    }

    /** The field that holds a record's stage or status, by CRM and object. */
    static String stageField(Snapshot snapshot, String object) {
        String lowerObject = object.toLowerCase(Locale.ROOT);
        if (snapshot.is(Crm.HUBSPOT)) {
            return switch (lowerObject) {
                case "contacts", "contact" -> "lifecyclestage";
                case "leads" -> "hs_pipeline_stage";
                default -> "dealstage";
            };
        }
        return lowerObject.equals("lead") ? "Status" : "StageName";
    }

    /** CRM stage API name to blueprint key, for the lifecycle the rule is about. */
    private Map<String, String> stageKeys(Blueprint blueprint, Snapshot snapshot, String object) {
        Map<String, String> keys = new HashMap<>();
        if (scope == CelScope.OPPORTUNITY && blueprint.opportunityLifecycle() != null) {
            StageMapping.of(blueprint, snapshot).byKey().forEach((key, stage) -> keys.putIfAbsent(stage.apiName(), key));
        } else if (scope == CelScope.LEAD && blueprint.leadLifecycle() != null) {
            Optional<Pipeline> pipeline = StageMapping.selectPipeline(snapshot.pipelinesOf(object), null);
            for (LeadStatusSpec status : pipeline.isPresent() ? blueprint.leadLifecycle().statuses() : List.<LeadStatusSpec>of()) {
                StageMapping.match(pipeline.get(), status.crm().forCrm(snapshot.crm()), status.key(), status.label())
                        .ifPresent(stage -> keys.putIfAbsent(stage.apiName(), status.key()));
            }
        }
        return keys;
    }

    /** HubSpot deals carry their pipeline's id: deals of other pipelines are not in the designed lifecycle. */
    private Optional<String> pipelineId(Blueprint blueprint, Snapshot snapshot) {
        if (scope != CelScope.OPPORTUNITY || blueprint.opportunityLifecycle() == null || !snapshot.is(Crm.HUBSPOT)) {
            return Optional.empty();
        }
        return Optional.ofNullable(StageMapping.of(blueprint, snapshot).pipeline()).map(Pipeline::id);
    }

    private static boolean inPipeline(CrmRecord record, Optional<String> pipelineId) {
        String pipeline = record.pipeline();
        return pipelineId.isEmpty() || pipeline == null || pipelineId.get().equals(pipeline);
    }

    private static Map<String, Object> variables(CrmRecord record, String stageField, Map<String, String> stageKeys,
            Map<String, FieldKind> kinds) {
        Map<String, Object> values = new LinkedHashMap<>();
        record.values().forEach((name, value) -> {
            Object typed = typed(value, kinds.get(name.toLowerCase(Locale.ROOT)));
            if (typed != null && !(typed instanceof String text && text.isBlank())) {
                values.put(name, typed);
            }
        });
        values.put("id", record.id());
        Object stage = record.values().get(stageField);
        values.remove("stage");
        if (stage != null) {
            values.put("crmStage", stage.toString());
            String key = stageKeys.get(stage.toString());
            if (key != null) {
                values.put("stage", key);
            }
        }
        return values;
    }

    private static Object typed(Object value, FieldKind kind) {
        if (!(value instanceof String text) || kind == null) {
            return value;
        }
        String trimmed = text.trim();
        return switch (kind) {
            case NUMBER -> {
                if (WHOLE_NUMBER.matcher(trimmed).matches()) {
                    yield Long.parseLong(trimmed);
                }
                try {
                    yield trimmed.isEmpty() ? value : (Object) Double.parseDouble(trimmed);
                } catch (NumberFormatException notANumber) {
                    yield value;
                }
            }
            case BOOLEAN -> trimmed.equalsIgnoreCase("true") ? Boolean.TRUE
                    : trimmed.equalsIgnoreCase("false") ? Boolean.FALSE : value;
        };
    }

    private static Map<String, FieldKind> fieldKinds(Snapshot snapshot, String object) {
        Map<String, FieldKind> kinds = new HashMap<>();
        for (FieldDef field : snapshot.fields()) {
            if (field.object().equalsIgnoreCase(object)) {
                FieldKind.of(field.type()).ifPresent(kind -> kinds.put(field.name().toLowerCase(Locale.ROOT), kind));
            }
        }
        return kinds;
    }

    /** Field types whose text values are converted: Salesforce and HubSpot names ({@code number/number}). */
    private enum FieldKind {
        NUMBER,
        BOOLEAN;

        static Optional<FieldKind> of(String type) {
            String base = type.toLowerCase(Locale.ROOT);
            base = base.contains("/") ? base.substring(0, base.indexOf('/')) : base;
            return Optional.ofNullable(switch (base) {
                case "number", "currency", "double", "percent", "int", "integer", "long" -> NUMBER;
                case "bool", "boolean", "checkbox", "booleancheckbox" -> BOOLEAN;
                default -> null;
            });
        }
    }
}
