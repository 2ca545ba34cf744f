package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.ConversionTarget;
import dev.l2o.blueprint.LoadedBlueprint;
import dev.l2o.blueprint.SourcePosition;
import dev.l2o.blueprint.SourcePositions;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.builtin.lifecycle.PipelineMissingRule;
import dev.l2o.rules.builtin.lifecycle.StageMissingRule;
import dev.l2o.rules.builtin.measurement.HistoryUntrackedRule;
import dev.l2o.rules.builtin.qualification.CriteriaUnenforcedRule;
import dev.l2o.rules.builtin.strategy.FieldMissingRule;
import dev.l2o.rules.builtin.support.Lifecycle;
import dev.l2o.rules.builtin.support.Subjects;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Blueprint coverage: for every designed element whether it is live, partly live or absent in the CRM, and the
 * share per section and overall. It is decided from the audit's findings (all of them: suppressions and the
 * baseline accept a difference, they do not make it go away) and from {@link dev.l2o.rules.StageMapping}, so it
 * always agrees with what the findings say:
 *
 * <ul>
 *   <li>A <b>stage</b> (opportunity stage or lead status) is absent when no active CRM stage of the compared
 *       pipeline maps to it (what {@code L2O-STAGE-MISSING} and {@code L2O-PIPELINE-MISSING} report), partly live
 *       when a mismatch finding is declared at it (closed/won flags, probability, forecast category).
 *   <li>A <b>criterion</b> (one field of a stage's {@code entry} or {@code exit.requiredFields}) is absent when its
 *       stage is absent or {@code L2O-FIELD-MISSING} reports its field, partly live when {@code
 *       L2O-CRITERIA-UNENFORCED} is declared at it (the field exists, nothing enforces it).
 *   <li>A <b>field</b>, <b>routing rule</b> or <b>automation</b> is absent when a missing finding is declared at it,
 *       partly live when a mismatch finding is (field type or picklist values, an inactive automation).
 *   <li>A <b>benchmark</b> ({@code maxDaysInStage} of a stage, a conversion target) is absent when the source has
 *       no stage history ({@code L2O-HISTORY-UNTRACKED}) or the stages it measures are absent; a conversion target
 *       with one absent end is partly live.
 * </ul>
 *
 * Threshold findings (stale deals, skipped stages, conversion below target) and undeclared findings do not
 * change coverage: they judge the data or the CRM's extras, not whether the design exists. The share of a
 * section counts a live element 1, a partly live one ½ and an absent one 0, over its elements; the overall share
 * does the same over every element. Immutable.
 *
 * @param elements every designed element with its status, by section in {@link Section} order, then in
 *     blueprint order
 */
public record Coverage(List<Element> elements) {
    /** A part of the blueprint whose elements coverage counts, in report order. */
    public enum Section {
        STAGES("stages"),
        CRITERIA("criteria"),
        FIELDS("fields"),
        ROUTING("routing"),
        AUTOMATION("automation"),
        BENCHMARKS("benchmarks");

        private final String key;

        Section(String key) {
            this.key = key;
        }

        /** The name in report.json and the Prometheus label. */
        public String key() {
            return key;
        }
    }

    /** Whether a designed element exists in the CRM. */
    public enum Status {
        LIVE("live"),
        PARTIAL("partial"),
        ABSENT("absent");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        /** The name in report.json. */
        public String id() {
            return id;
        }

        /** What the element counts towards a share: 1, ½ or 0. */
        double weight() {
            return switch (this) {
                case LIVE -> 1;
                case PARTIAL -> 0.5;
                case ABSENT -> 0;
            };
        }
    }

    /**
     * One designed element.
     *
     * @param section where it is designed
     * @param name what it is, for people ({@code discovery}, {@code discovery: enter requires Amount})
     * @param status live, partly live or absent
     * @param because the rule ids (or, for an element judged through another element, a short phrase) that make
     *     it partly live or absent, sorted; empty for a live element
     */
    public record Element(Section section, String name, Status status, List<String> because) {
        public Element {
            requireNonNull(section, "section is null");
            requireNonNull(name, "name is null");
            requireNonNull(status, "status is null");
            because = List.copyOf(because);
            if ((status == Status.LIVE) != because.isEmpty()) {
                throw new IllegalArgumentException("a live element has no reason, another has one: " + name);
            }
        }
    }

    /**
     * The counts of one section.
     *
     * @param share (live + ½ partial) / total, rounded to four decimals
     */
    public record SectionShare(Section section, int live, int partial, int absent, double share) {
        public SectionShare {
            requireNonNull(section, "section is null");
        }

        public int total() {
            return live + partial + absent;
        }
    }

    public Coverage {
        elements = List.copyOf(elements);
    }

    /** No designed elements (a report written without coverage). */
    public static Coverage none() {
        return new Coverage(List.of());
    }

    /** The sections that have elements, in {@link Section} order. */
    public List<SectionShare> sections() {
        List<SectionShare> shares = new ArrayList<>();
        for (Section section : Section.values()) {
            List<Element> of = elements.stream().filter(e -> e.section() == section).toList();
            if (!of.isEmpty()) {
                shares.add(new SectionShare(section, count(of, Status.LIVE), count(of, Status.PARTIAL),
                        count(of, Status.ABSENT), share(of)));
            }
        }
        return List.copyOf(shares);
    }

    /** The share over every element, rounded to four decimals; empty when the blueprint designs none. */
    public OptionalDouble overall() {
        return elements.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(share(elements));
    }

    /** Elements that are not live, in section then blueprint order. */
    public List<Element> gaps() {
        return elements.stream().filter(e -> e.status() != Status.LIVE).toList();
    }

    private static int count(List<Element> elements, Status status) {
        return (int) elements.stream().filter(e -> e.status() == status).count();
    }

    private static double share(List<Element> elements) {
        double sum = elements.stream().mapToDouble(e -> e.status().weight()).sum();
        return BigDecimal.valueOf(sum / elements.size()).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * The coverage of {@code loaded}'s blueprint in {@code snapshot}, judged by {@code findings}: every finding the
     * rules made for this blueprint and snapshot, before suppressions and the baseline.
     */
    public static Coverage of(LoadedBlueprint loaded, Snapshot snapshot, List<Finding> findings) {
        return new Judge(loaded, snapshot, findings).coverage();
    }

    /** Collects the elements of one blueprint; not thread-safe, used once. */
    private static final class Judge {
        private final Blueprint blueprint;
        private final SourcePositions positions;
        private final Snapshot snapshot;
        private final List<Finding> findings;
        private final List<Element> elements = new ArrayList<>();
        private final boolean historyUntracked;

        Judge(LoadedBlueprint loaded, Snapshot snapshot, List<Finding> findings) {
            this.blueprint = loaded.blueprint();
            this.positions = loaded.positions();
            this.snapshot = requireNonNull(snapshot, "snapshot is null");
            this.findings = List.copyOf(findings);
            this.historyUntracked = findings.stream().anyMatch(f -> f.ruleId().equals(HistoryUntrackedRule.DESCRIPTOR.id()));
        }

        Coverage coverage() {
            List<Lifecycle> lifecycles = Lifecycle.of(blueprint, snapshot);
            lifecycles.forEach(this::stages);
            lifecycles.forEach(this::criteria);
            for (int index = 0; index < blueprint.fields().size(); index++) {
                var field = blueprint.fields().get(index);
                add(Section.FIELDS, field.object() + "." + field.name(), SourcePositions.pointer("fields", index));
            }
            for (int index = 0; index < blueprint.routing().size(); index++) {
                add(Section.ROUTING, blueprint.routing().get(index).name(), SourcePositions.pointer("routing", index));
            }
            for (int index = 0; index < blueprint.automation().size(); index++) {
                var automation = blueprint.automation().get(index);
                add(Section.AUTOMATION, automation.kind() + " " + automation.name(), SourcePositions.pointer("automation", index));
            }
            benchmarks(lifecycles);
            return new Coverage(elements);
        }

        private void stages(Lifecycle lifecycle) {
            for (Lifecycle.Step step : lifecycle.steps()) {
                String name = stageName(lifecycle, step);
                if (lifecycle.stage(step).isEmpty()) {
                    elements.add(new Element(Section.STAGES, name, Status.ABSENT, List.of(absentStageReason(lifecycle))));
                } else {
                    add(Section.STAGES, name, lifecycle.declaration(step));
                }
            }
        }

        private void criteria(Lifecycle lifecycle) {
            for (Lifecycle.Step step : lifecycle.steps()) {
                criteria(lifecycle, step, false, step.entryFields());
                criteria(lifecycle, step, true, step.exitFields());
            }
        }

        private void criteria(Lifecycle lifecycle, Lifecycle.Step step, boolean exit, List<String> fields) {
            for (String field : fields) {
                String name = stageName(lifecycle, step) + ": " + (exit ? "leave" : "enter") + " requires " + field;
                String fieldSubject = Subjects.field(snapshot, lifecycle.object(), field);
                boolean fieldMissing = findings.stream().anyMatch(f -> f.ruleId().equals(FieldMissingRule.DESCRIPTOR.id())
                        && f.subject().equalsIgnoreCase(fieldSubject));
                if (lifecycle.stage(step).isEmpty()) {
                    elements.add(new Element(Section.CRITERIA, name, Status.ABSENT, List.of(lifecycle.kind().noun() + " absent")));
                } else if (fieldMissing) {
                    elements.add(new Element(Section.CRITERIA, name, Status.ABSENT, List.of(FieldMissingRule.DESCRIPTOR.id())));
                } else {
                    add(Section.CRITERIA, name, lifecycle.declaration(step, exit, field));
                }
            }
        }

        private void benchmarks(List<Lifecycle> lifecycles) {
            Optional<Lifecycle> opportunity = lifecycles.stream().filter(l -> l.kind() == Lifecycle.Kind.OPPORTUNITY).findFirst();
            if (opportunity.isPresent()) {
                List<StageSpec> specs = blueprint.opportunityLifecycle().stages();
                for (int index = 0; index < specs.size(); index++) {
                    StageSpec spec = specs.get(index);
                    if (spec.maxDaysInStage() == null) {
                        continue;
                    }
                    String name = "maxDaysInStage " + spec.key() + " (" + spec.maxDaysInStage() + " days)";
                    List<String> reasons = new ArrayList<>(historyReason());
                    if (opportunity.get().step(spec.key()).flatMap(opportunity.get()::stage).isEmpty()) {
                        reasons.add("stage absent");
                    }
                    elements.add(new Element(Section.BENCHMARKS, name, reasons.isEmpty() ? Status.LIVE : Status.ABSENT, reasons));
                }
            }
            for (ConversionTarget target : blueprint.benchmarks().conversion()) {
                String name = "conversion " + target.from() + " → " + target.to()
                        + (target.rate() == null ? "" : String.format(Locale.ROOT, " (%.0f%%)", target.rate() * 100));
                int absentEnds = (live(lifecycles, target.from()) ? 0 : 1) + (live(lifecycles, target.to()) ? 0 : 1);
                List<String> reasons = new ArrayList<>(historyReason());
                if (absentEnds > 0) {
                    reasons.add(absentEnds == 2 ? "both stages absent" : "one stage absent");
                }
                Status status = !historyReason().isEmpty() || absentEnds == 2 ? Status.ABSENT
                        : absentEnds == 1 ? Status.PARTIAL : Status.LIVE;
                elements.add(new Element(Section.BENCHMARKS, name, status, reasons));
            }
        }

        private List<String> historyReason() {
            return historyUntracked ? List.of(HistoryUntrackedRule.DESCRIPTOR.id()) : List.of();
        }

        /** Whether the stage or status {@code key} maps to a CRM stage. */
        private static boolean live(List<Lifecycle> lifecycles, String key) {
            return lifecycles.stream().anyMatch(l -> l.step(key).flatMap(l::stage).isPresent());
        }

        /** The rule that reports a stage without CRM stage (StageMapping decides it for both). */
        private static String absentStageReason(Lifecycle lifecycle) {
            return lifecycle.pipeline() == null ? PipelineMissingRule.DESCRIPTOR.id() : StageMissingRule.DESCRIPTOR.id();
        }

        /** {@code discovery}, {@code status mql}, or for an entry of {@code lifecycles} {@code renewals/renewed}. */
        private static String stageName(Lifecycle lifecycle, Lifecycle.Step step) {
            if (lifecycle.kind() == Lifecycle.Kind.LEAD) {
                return "status " + step.key();
            }
            return lifecycle.name() == null ? step.key() : lifecycle.name() + "/" + step.key();
        }

        /** An element judged by the findings declared at {@code pointer}. */
        private void add(Section section, String name, String pointer) {
            Optional<SourcePosition> at = positions.of(pointer);
            TreeSet<String> absent = new TreeSet<>();
            TreeSet<String> partial = new TreeSet<>();
            if (at.isPresent()) {
                for (Finding finding : findings) {
                    if (!at.get().equals(finding.declaredAt())) {
                        continue;
                    }
                    boolean unenforced = finding.ruleId().equals(CriteriaUnenforcedRule.DESCRIPTOR.id());
                    switch (finding.kind()) {
                        case MISSING -> (unenforced ? partial : absent).add(finding.ruleId());
                        case MISMATCH -> partial.add(finding.ruleId());
                        case UNDECLARED, THRESHOLD -> {
                            // they judge the CRM's extras or the data, not whether the design exists
                        }
                    }
                }
            }
            Status status = !absent.isEmpty() ? Status.ABSENT : !partial.isEmpty() ? Status.PARTIAL : Status.LIVE;
            List<String> because = switch (status) {
                case LIVE -> List.of();
                case PARTIAL -> List.copyOf(partial);
                case ABSENT -> List.copyOf(absent);
            };
            elements.add(new Element(section, name, status, because));
        }
    }
}
