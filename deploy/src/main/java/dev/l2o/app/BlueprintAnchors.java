package dev.l2o.app;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.LeadStatusSpec;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.SourcePosition;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.audit.BlueprintAnchor;
import dev.l2o.rules.Finding;
import dev.l2o.rules.builtin.RuleCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the blueprint declaration each finding is about, from the finding's rule id and subject (the subject
 * shapes of CONTRACT.md section 3: {@code salesforce:Opportunity.Pain__c}, {@code …StageName#Qualification},
 * {@code …#Qualification->Closed Won}, {@code …/routing/NAME}, {@code …Flow/NAME}). A finding whose subject
 * names nothing the blueprint declares (an undeclared CRM stage, past close dates) gets the section it is
 * judged by, or no anchor.
 */
final class BlueprintAnchors {
    private final LoadedBlueprint loaded;
    private final String crm;

    private BlueprintAnchors(LoadedBlueprint loaded, String crm) {
        this.loaded = loaded;
        this.crm = crm;
    }

    /** The anchors of {@code findings} that have one, in the order of the findings. */
    static List<BlueprintAnchor> of(LoadedBlueprint loaded, String crm, List<Finding> findings) {
        BlueprintAnchors anchors = new BlueprintAnchors(loaded, crm);
        List<BlueprintAnchor> result = new ArrayList<>();
        for (Finding finding : findings) {
            anchors.position(finding).ifPresent(p -> result.add(new BlueprintAnchor(finding.ruleId(), finding.subject(), p)));
        }
        return result;
    }

    private Optional<SourcePosition> position(Finding finding) {
        String path = afterScheme(finding.subject());
        if (!RuleCatalog.isBuiltin(finding.ruleId())) {
            return loaded.positionOfRule(finding.ruleId());
        }
        return switch (finding.ruleId()) {
            case "L2O-FIELD-MISSING", "L2O-FIELD-TYPE", "L2O-FIELD-PICKLIST" -> field(path);
            case "L2O-CRITERIA-UNENFORCED" -> {
                int at = path.lastIndexOf('@');
                yield at < 0 ? Optional.empty() : stageOrStatus(path.substring(at + 1));
            }
            case "L2O-STAGE-MISSING", "L2O-STAGE-PROBABILITY", "L2O-STAGE-FORECAST", "L2O-STAGE-CLOSED-FLAGS",
                    "L2O-STALE-DEAL" -> stageOrStatus(stageName(path)).or(() -> section("opportunityLifecycle", "stages"));
            case "L2O-STAGE-SKIPPED" -> stageOrStatus(transition(path)[0]).or(() -> section("opportunityLifecycle", "allowSkips"));
            case "L2O-STAGE-REGRESSION" -> section("opportunityLifecycle", "allowRegression");
            case "L2O-CONVERSION-BELOW-TARGET" -> conversion(transition(path));
            case "L2O-STAGE-UNDECLARED", "L2O-STAGE-ORDER", "L2O-PIPELINE-MISSING" -> section("opportunityLifecycle", "stages");
            case "L2O-ROUTING-UNIMPLEMENTED" -> loaded.positionOfRouting(path.substring(path.lastIndexOf('/') + 1));
            case "L2O-ROUTING-UNDECLARED" -> section("routing");
            case "L2O-AUTOMATION-MISSING", "L2O-AUTOMATION-INACTIVE" -> automation(path);
            case "L2O-HISTORY-UNTRACKED" -> section("opportunityLifecycle");
            default -> Optional.empty();
        };
    }

    private Optional<SourcePosition> field(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? Optional.empty() : loaded.positionOfField(path.substring(0, dot), path.substring(dot + 1));
    }

    private Optional<SourcePosition> automation(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return loaded.positionOfAutomation(name)
                .or(() -> loaded.positionOfAutomation(name.substring(name.lastIndexOf('.') + 1)))
                .or(() -> section("automation"));
    }

    private Optional<SourcePosition> conversion(String[] transition) {
        Optional<String> from = stageKey(transition[0]);
        Optional<String> to = stageKey(transition[1]);
        if (from.isPresent() && to.isPresent()) {
            Optional<SourcePosition> target = loaded.positionOfConversion(from.get(), to.get());
            if (target.isPresent()) {
                return target;
            }
        }
        return section("benchmarks", "conversion");
    }

    /** The stage or lead status whose CRM name, label or key is {@code name}. */
    private Optional<SourcePosition> stageOrStatus(String name) {
        Optional<String> stage = stageKey(name);
        if (stage.isPresent()) {
            return loaded.positionOfStage(stage.get());
        }
        Blueprint blueprint = loaded.blueprint();
        if (blueprint.leadLifecycle() != null) {
            for (LeadStatusSpec status : blueprint.leadLifecycle().statuses()) {
                if (matches(name, status.crm().forCrm(crm), status.label(), status.key())) {
                    return loaded.positionOfStatus(status.key());
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> stageKey(String name) {
        Blueprint blueprint = loaded.blueprint();
        if (blueprint.opportunityLifecycle() == null) {
            return Optional.empty();
        }
        for (StageSpec stage : blueprint.opportunityLifecycle().stages()) {
            if (matches(name, stage.crm().forCrm(crm), stage.label(), stage.key())) {
                return Optional.of(stage.key());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String name, String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Optional<SourcePosition> section(Object... path) {
        return loaded.positions().of(dev.l2o.blueprint.SourcePositions.pointer(path));
    }

    /** {@code Opportunity.StageName#Qualification} → {@code Qualification}; {@code pipeline/p/stage/s} → {@code s}. */
    private static String stageName(String path) {
        int hash = path.lastIndexOf('#');
        if (hash >= 0) {
            return path.substring(hash + 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code …#From->To} → {@code [From, To]} (the second is empty when there is no arrow). */
    private static String[] transition(String path) {
        int hash = path.indexOf('#');
        String names = hash >= 0 ? path.substring(hash + 1) : path.substring(path.lastIndexOf("/stage/") + 1);
        int arrow = names.indexOf("->");
        return arrow < 0 ? new String[] {names, ""} : new String[] {names.substring(0, arrow), names.substring(arrow + 2)};
    }

    private static String afterScheme(String subject) {
        int colon = subject.indexOf(':');
        return colon < 0 ? subject : subject.substring(colon + 1);
    }
}
