package dev.l2o.rules.builtin.lifecycle;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.BlueprintPointers;
import dev.l2o.blueprint.Lifecycle;
import dev.l2o.blueprint.Motion;
import dev.l2o.blueprint.RenewalSpec;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.model.Automation;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.ScheduledOffset;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.CrmObjects;
import dev.l2o.rules.builtin.support.Subjects;
import dev.l2o.rules.builtin.support.Texts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the CRM has for the {@code renewal} block of one renewal lifecycle: the flows and workflows named by its
 * {@code automation} (API name or label, ignoring case, spaces and underscores alike; HubSpot also by flow id), and
 * among them the one that creates records of the lifecycle's object. The three renewal rules derive from it.
 *
 * @param lifecycle the lifecycle's name
 * @param object the object renewal records belong to ({@code Opportunity}, {@code deals})
 * @param spec the renewal block
 * @param declaration the JSON Pointer of the renewal block
 * @param named every flow or workflow by the declared name
 * @param creating the first of {@code named} that creates records of {@code object}, if any
 */
record RenewalAutomation(String lifecycle, String object, RenewalSpec spec, String declaration, List<Automation> named,
        Optional<Automation> creating) {
    RenewalAutomation {
        named = List.copyOf(named);
    }

    /** One per renewal lifecycle of {@code blueprint} that has a renewal block, in blueprint order. */
    static List<RenewalAutomation> of(Blueprint blueprint, Snapshot snapshot) {
        List<RenewalAutomation> all = new ArrayList<>();
        for (Lifecycle lifecycle : blueprint.lifecycles()) {
            if (lifecycle.motion() != Motion.RENEWAL || lifecycle.renewal() == null) {
                continue;
            }
            RenewalSpec spec = lifecycle.renewal();
            List<Automation> named = snapshot.automations().stream()
                    .filter(a -> a.kind() == AutomationKind.FLOW || a.kind() == AutomationKind.WORKFLOW)
                    .filter(a -> Texts.sameName(spec.automation(), a.name()) || Texts.sameName(spec.automation(), a.label())
                            || spec.automation().equals(a.attributes().get("flowId")))
                    .toList();
            Optional<Automation> creating = named.stream()
                    .filter(a -> a.creates().stream().anyMatch(created -> CrmObjects.same(created, lifecycle.object())))
                    .findFirst();
            String pointer = SourcePositions.child(BlueprintPointers.lifecycle(blueprint, lifecycle.name()).orElseThrow(), "renewal");
            all.add(new RenewalAutomation(lifecycle.name(), lifecycle.object(), spec, pointer, named, creating));
        }
        return List.copyOf(all);
    }

    /** The subject of findings: the automation's address when there is one, else a blueprint address. */
    String subject(Snapshot snapshot) {
        Optional<Automation> any = creating.or(() -> named.stream().findFirst());
        return any.map(a -> a.ref().address())
                .orElseGet(() -> Subjects.automation(snapshot, "flow", object, spec.automation()));
    }

    /**
     * Whether one of {@code offsets} runs {@code daysBeforeContractEnd} days before the contract ends: that many
     * days before {@code contractEndField}, or, with a {@code contractTermDays}, the term less that many days after
     * another date (the contract's start or the close date).
     */
    boolean timed(List<ScheduledOffset> offsets) {
        BigDecimal before = BigDecimal.valueOf(-spec.daysBeforeContractEnd());
        BigDecimal afterStart = BigDecimal.valueOf((long) spec.contractTermDays() - spec.daysBeforeContractEnd());
        for (ScheduledOffset offset : offsets) {
            if (offset.field() != null && offset.field().equalsIgnoreCase(spec.contractEndField())
                    && offset.days().compareTo(before) == 0) {
                return true;
            }
            if (spec.contractTermDays() > 0 && offset.field() != null && offset.days().compareTo(afterStart) == 0) {
                return true;
            }
        }
        return false;
    }

    /** What {@code timed} looks for, in a user's words. */
    String expectedTiming() {
        String expected = spec.daysBeforeContractEnd() + " days before " + spec.contractEndField();
        return spec.contractTermDays() > 0
                ? expected + " (or " + (spec.contractTermDays() - spec.daysBeforeContractEnd()) + " days after the contract's start)"
                : expected;
    }
}
