package dev.l2o.rules.builtin.routing;

import dev.l2o.blueprint.AutomationSpec;
import dev.l2o.model.AssignmentRule;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.builtin.support.Subjects;
import dev.l2o.rules.builtin.support.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the CRM has for one blueprint {@code automation} entry. An automation matches when its kind is the
 * declared {@code kind}, its object is the declared object (when both say one), and its API name or label is
 * the declared name, ignoring case, with spaces and underscores alike and an {@code Object.} prefix ignored
 * ({@code Opportunity.Require_Pain} is {@code Require_Pain}). For {@code kind: assignment} the snapshot's
 * assignment rules count as well.
 *
 * @param spec the blueprint entry
 * @param candidates every matching CRM automation; empty when missing
 */
record DeclaredAutomation(AutomationSpec spec, List<Candidate> candidates) {
    /** A matching CRM automation, reduced to what the automation rules report. */
    record Candidate(String name, boolean active, ResourceRef ref) {}

    DeclaredAutomation {
        candidates = List.copyOf(candidates);
    }

    static List<DeclaredAutomation> of(List<AutomationSpec> specs, Snapshot snapshot) {
        return specs.stream().map(spec -> find(spec, snapshot)).toList();
    }

    private static DeclaredAutomation find(AutomationSpec spec, Snapshot snapshot) {
        Optional<AutomationKind> kind = kind(spec.kind());
        List<Candidate> candidates = new ArrayList<>();
        for (Automation automation : snapshot.automations()) {
            if ((kind.isEmpty() || automation.kind() == kind.get())
                    && sameObject(spec.object(), automation.object())
                    && (named(spec, automation.object(), automation.name()) || named(spec, automation.object(), automation.label()))) {
                candidates.add(new Candidate(automation.name(), automation.active(), automation.ref()));
            }
        }
        if (kind.isEmpty() || kind.get() == AutomationKind.ASSIGNMENT) {
            for (AssignmentRule rule : snapshot.assignmentRules()) {
                if (sameObject(spec.object(), rule.object()) && named(spec, rule.object(), rule.name())) {
                    candidates.add(new Candidate(rule.name(), rule.active(), rule.ref()));
                }
            }
        }
        return new DeclaredAutomation(spec, candidates);
    }

    private static Optional<AutomationKind> kind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        for (AutomationKind candidate : AutomationKind.values()) {
            if (candidate.name().equals(kind.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean sameObject(String declared, String actual) {
        return declared == null || actual == null || CrmObjects.same(declared, actual);
    }

    private static boolean named(AutomationSpec spec, String object, String name) {
        if (name == null) {
            return false;
        }
        String bare = object == null ? name : Texts.withoutObject(object, name);
        return Texts.sameName(spec.name(), name) || Texts.sameName(spec.name(), bare);
    }

    /** The subject of findings about this entry: the first candidate's address, else a blueprint address. */
    String subject(Snapshot snapshot) {
        return candidates.isEmpty()
                ? Subjects.automation(snapshot, spec.kind(), spec.object(), spec.name())
                : candidates.get(0).ref().address();
    }
}
