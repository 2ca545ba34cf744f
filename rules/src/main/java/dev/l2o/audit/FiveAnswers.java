package dev.l2o.audit;

import static java.util.Objects.requireNonNull;

import dev.l2o.blueprint.Blueprint;
import dev.l2o.blueprint.RoutingSpec;
import dev.l2o.blueprint.StageSpec;
import dev.l2o.maturity.FieldPopulation;
import dev.l2o.maturity.MaturityIndex;
import dev.l2o.metrics.Conversion;
import dev.l2o.metrics.StageMetrics;
import dev.l2o.metrics.StageStat;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Finding;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.builtin.qualification.CriteriaUnenforcedRule;
import dev.l2o.rules.builtin.routing.RoutingUnimplementedRule;
import dev.l2o.rules.builtin.support.Subjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The five questions a Lead-to-Order architecture exists to answer, each answered in one short paragraph from the
 * evidence of one audit: who the customer is, where deals stall, what qualification means, who owns each hand-off
 * and how good the forecast is. Computed once when the report is built; every report format renders these values.
 *
 * @param answers the five answers in question order, or none for a report built without them
 */
public record FiveAnswers(List<Answer> answers) {
    /** No answers (a report built before they existed). */
    public static final FiveAnswers NONE = new FiveAnswers(List.of());

    /** At most this many items are named in one answer; the rest are counted. */
    static final int NAMED = 4;

    public FiveAnswers {
        answers = List.copyOf(answers);
    }

    /**
     * One answer.
     *
     * @param key stable key: {@code customer}, {@code stall}, {@code qualification}, {@code handoffs}, {@code forecast}
     * @param question the question, as reports title it
     * @param answer one short paragraph from the run's evidence
     */
    public record Answer(String key, String question, String answer) {
        public Answer {
            requireNonNull(key, "key is null");
            requireNonNull(question, "question is null");
            requireNonNull(answer, "answer is null");
        }
    }

    /**
     * The answers of one audit.
     *
     * @param blueprint the blueprint the audit ran on (with the ruleset's parameters applied)
     * @param snapshot the audited snapshot
     * @param findings the findings after suppression (what maturity scores too)
     * @param metrics the stage metrics
     * @param rules the rules the audit ran: an answer from the findings of a rule that did not run says so
     */
    public static FiveAnswers of(Blueprint blueprint, Snapshot snapshot, List<Finding> findings, StageMetrics metrics,
            List<RuleDescriptor> rules) {
        Set<String> ran = rules.stream().map(RuleDescriptor::id).collect(Collectors.toSet());
        return new FiveAnswers(List.of(
                new Answer("customer", "Who is the customer?", customer(blueprint, snapshot)),
                new Answer("stall", "Where do deals stall?", stall(metrics)),
                new Answer("qualification", "What does qualification mean?", qualification(blueprint, findings, ran)),
                new Answer("handoffs", "Who owns each hand-off?", handoffs(blueprint, snapshot, findings, ran)),
                new Answer("forecast", "How good is the forecast?", forecast(blueprint, findings, metrics, ran))));
    }

    static String customer(Blueprint blueprint, Snapshot snapshot) {
        TreeMap<String, String[]> fields = MaturityIndex.strategyFields(blueprint);
        if (fields.isEmpty()) {
            return "The blueprint does not say: it designs no ICP or segmentation field (fields named for ICP, segment, "
                    + "tier, industry, persona, employees, annual revenue, territory or region, or read by routing).";
        }
        List<String> absent = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        long records = 0;
        long populated = 0;
        for (var entry : fields.entrySet()) {
            String[] objectAndField = entry.getValue();
            if (snapshot.field(objectAndField[0], objectAndField[1]).isEmpty()) {
                absent.add(entry.getKey());
                continue;
            }
            FieldPopulation population = FieldPopulation.of(snapshot, objectAndField[0], objectAndField[1]);
            if (population.records() == 0) {
                unmeasured.add(entry.getKey());
            } else {
                rates.add(entry.getKey() + " " + percent(population.rate()));
                records += population.records();
                populated += population.populated();
            }
        }
        StringBuilder text = new StringBuilder("The blueprint defines the customer by ")
                .append(count(fields.size(), "ICP and segmentation field")).append(" (").append(named(fields.keySet())).append("); ")
                .append(fields.size() - absent.size()).append(" of ").append(fields.size()).append(" exist in the CRM.");
        if (!rates.isEmpty()) {
            text.append(" They are filled on ").append(percent((double) populated / records)).append(" of ")
                    .append(count(records, "record")).append(" checked: ").append(String.join(", ", rates)).append('.');
        }
        if (!unmeasured.isEmpty()) {
            text.append(" Fill rate not measured for ").append(named(unmeasured)).append(": the source holds no records of the object.");
        }
        if (!absent.isEmpty()) {
            text.append(" Missing in the CRM: ").append(named(absent)).append('.');
        }
        return text.toString();
    }

    static String stall(StageMetrics metrics) {
        if (!metrics.measured()) {
            return "Not measured: the source has no stage history.";
        }
        List<StageStat> timed = metrics.stages().stream()
                .filter(s -> s.mapped() && !s.closed() && s.medianDays() != null)
                .toList();
        List<StageStat> benchmarked = timed.stream().filter(s -> s.maxDaysInStage() != null).toList();
        if (benchmarked.isEmpty()) {
            Optional<StageStat> slowest = timed.stream().max(Comparator.comparing(StageStat::medianDays));
            return "No open stage has a time benchmark (maxDaysInStage) to measure against"
                    + slowest.map(s -> "; the slowest by median is " + s.label() + " at " + days(s.medianDays()) + " days.")
                            .orElse(", and no stay in an open stage has ended yet.");
        }
        StageStat worst = benchmarked.stream()
                .max(Comparator.comparingDouble(FiveAnswers::medianRatio).thenComparingDouble(FiveAnswers::p90Ratio)
                        .thenComparing(StageStat::stage, Comparator.reverseOrder()))
                .orElseThrow();
        String figures = "median " + days(worst.medianDays()) + " days" + (worst.p90Days() == null ? "" : ", p90 " + days(worst.p90Days()))
                + " against a benchmark of " + worst.maxDaysInStage() + " days";
        String open = worst.openOverBenchmark() == 0 ? "" : "; " + count(worst.openOverBenchmark(), "open record")
                + " in it " + (worst.openOverBenchmark() == 1 ? "is" : "are") + " over the benchmark now";
        if (medianRatio(worst) > 1) {
            return "Deals stall in " + worst.label() + ": " + figures + open + ".";
        }
        if (p90Ratio(worst) > 1) {
            return "Most deals keep pace, but the slowest tenth stall in " + worst.label() + ": " + figures + open + ".";
        }
        return "No stage is slower than its benchmark; the closest is " + worst.label() + ": " + figures + open + ".";
    }

    static String qualification(Blueprint blueprint, List<Finding> findings, Set<String> ran) {
        int designed = MaturityIndex.designedCriteria(blueprint);
        if (designed == 0) {
            return "The blueprint does not say: it designs no entry or exit criteria (required fields of a stage or status).";
        }
        if (!ran.contains(CriteriaUnenforcedRule.DESCRIPTOR.id())) {
            return "The blueprint designs " + count(designed, "entry and exit criterion", "entry and exit criteria")
                    + "; whether the CRM enforces them was not checked (" + CriteriaUnenforcedRule.DESCRIPTOR.id()
                    + " is off in the ruleset).";
        }
        List<String> unenforced = subjects(findings, List.of(CriteriaUnenforcedRule.DESCRIPTOR.id()));
        int enforced = designed - Math.min(designed, unenforced.size());
        String text = "Qualification means " + count(designed, "entry and exit criterion", "entry and exit criteria")
                + " in the blueprint; the CRM enforces " + enforced + " of them (" + percent((double) enforced / designed) + ").";
        return unenforced.isEmpty() ? text + " Every designed criterion is enforced."
                : text + " Enforced by nothing: " + named(unenforced) + ".";
    }

    static String handoffs(Blueprint blueprint, Snapshot snapshot, List<Finding> findings, Set<String> ran) {
        int designed = blueprint.routing().size() + blueprint.automation().size();
        if (designed == 0) {
            return "The blueprint does not say: it designs no routing rule or hand-off automation.";
        }
        List<String> checked = MaturityIndex.UNIMPLEMENTED_ROUTING.stream().map(RuleDescriptor::id).filter(ran::contains).toList();
        if (checked.isEmpty()) {
            return "The blueprint designs " + count(blueprint.routing().size(), "routing rule") + " and "
                    + count(blueprint.automation().size(), "automation") + "; whether they are implemented was not checked "
                    + "(the routing rules are off in the ruleset).";
        }
        List<String> missing = subjects(findings, checked);
        int implemented = designed - Math.min(designed, missing.size());
        StringBuilder text = new StringBuilder().append(implemented).append(" of ")
                .append(count(designed, "designed hand-off")).append(" (routing rules and automations) ")
                .append(implemented == 1 ? "is" : "are").append(" implemented and active");
        List<String> owners = new ArrayList<>();
        for (RoutingSpec routing : blueprint.routing()) {
            boolean unimplemented = findings.stream().anyMatch(f -> f.ruleId().equals(RoutingUnimplementedRule.DESCRIPTOR.id())
                    && f.subject().equals(Subjects.routing(snapshot, routing.object(), routing.name())));
            owners.add(routing.name() + " → " + owner(routing) + (unimplemented ? " (not implemented)" : ""));
        }
        if (!owners.isEmpty()) {
            text.append(". Owners: ").append(named(owners));
        }
        text.append('.');
        if (!missing.isEmpty()) {
            text.append(" Not implemented or inactive: ").append(named(missing)).append('.');
        }
        return text.toString();
    }

    static String forecast(Blueprint blueprint, List<Finding> findings, StageMetrics metrics, Set<String> ran) {
        List<StageSpec> stages = blueprint.opportunityLifecycle() == null ? List.of() : blueprint.opportunityLifecycle().stages();
        long designed = stages.stream().filter(s -> s.probability() != null || s.forecast().isPresent()).count();
        List<String> checked = MaturityIndex.INCOHERENT_FORECAST.stream().map(RuleDescriptor::id).filter(ran::contains).toList();
        StringBuilder text = new StringBuilder();
        if (designed == 0) {
            text.append("No stage has a designed probability or forecast category, so the forecast has no design to follow.");
        } else if (checked.isEmpty()) {
            text.append(designed).append(" of ").append(count(stages.size(), "stage"))
                    .append(" have a designed probability or forecast category; coherence was not checked (the rules are off in the ruleset).");
        } else {
            List<String> incoherent = subjects(findings, checked);
            text.append(designed).append(" of ").append(count(stages.size(), "stage"))
                    .append(" have a designed probability or forecast category; ")
                    .append(incoherent.isEmpty() ? "the CRM agrees with every one."
                            : count(incoherent.size(), "stage setting") + " disagree" + (incoherent.size() == 1 ? "s" : "")
                                    + " with the CRM: " + named(incoherent) + ".");
        }
        List<Conversion> targeted = metrics.conversions().stream().filter(c -> c.target() != null).toList();
        if (targeted.isEmpty()) {
            text.append(" No conversion target is declared to judge the funnel by.");
            return text.toString();
        }
        List<Conversion> measured = targeted.stream().filter(c -> c.measured() && c.rate() != null).toList();
        List<String> below = measured.stream().filter(Conversion::belowTarget)
                .map(c -> c.from() + " → " + c.to() + " " + percent(c.rate()) + " against " + percent(c.target()))
                .toList();
        text.append(' ').append(measured.size()).append(" of ").append(count(targeted.size(), "conversion target"))
                .append(" measured");
        text.append(measured.isEmpty() ? "." : below.isEmpty() ? ", every one met." : "; below target: " + named(below) + ".");
        return text.toString();
    }

    /** The subjects of the findings of {@code ruleIds}, without the CRM prefix, in finding order. */
    private static List<String> subjects(List<Finding> findings, Collection<String> ruleIds) {
        return findings.stream()
                .filter(f -> ruleIds.contains(f.ruleId()))
                .map(f -> f.subject().substring(f.subject().indexOf(':') + 1))
                .toList();
    }

    private static String owner(RoutingSpec routing) {
        if (routing.assignTo() == null) {
            return "nobody";
        }
        String kind = routing.assignTo().user() != null ? "user" : routing.assignTo().queue() != null ? "queue" : "role";
        return kind + " " + routing.assignTo().target();
    }

    private static double medianRatio(StageStat stage) {
        return stage.medianDays() / stage.maxDaysInStage();
    }

    private static double p90Ratio(StageStat stage) {
        return stage.p90Days() == null ? 0 : stage.p90Days() / stage.maxDaysInStage();
    }

    /** The first {@value #NAMED} items, and how many more. */
    static String named(Collection<String> items) {
        List<String> list = List.copyOf(items);
        String shown = String.join(", ", list.subList(0, Math.min(NAMED, list.size())));
        return list.size() <= NAMED ? shown : shown + " and " + (list.size() - NAMED) + " more";
    }

    private static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String days(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
