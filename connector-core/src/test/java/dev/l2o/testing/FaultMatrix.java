package dev.l2o.testing;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.L2oException;
import dev.l2o.model.Snapshot;
import dev.l2o.model.SourceInfo;
import dev.l2o.model.StageEvent;
import dev.l2o.model.StageHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The fault matrix of a live connector against its simulator: for each phase of a fetch and each fault, what
 * the fetch gave compared with the fault-free fetch, and whether that is what the retry policy promises. A
 * cell is recovered (the snapshot equals the fault-free one), incomplete (exit 3: an incomplete snapshot, or an
 * external error, with a reason naming the phase), a user error (exit 2: credentials or permissions), a false
 * green (a complete snapshot that differs: never allowed) or a crash (exit 4: never allowed).
 *
 * <p>One instance per test class collects the cells and writes the matrix as a Markdown table with a summary
 * line ({@link #write}), which {@code bench/faults.sh} prints. Not thread-safe.
 */
public final class FaultMatrix {
    /** The faults of the matrix, in the order of its columns. */
    public enum Fault {
        THROTTLED_RETRY_AFTER("429+RA"),
        THROTTLED("429"),
        HTTP_500("500"),
        HTTP_502("502"),
        HTTP_503("503"),
        CONNECTION_RESET("reset"),
        READ_TIMEOUT("timeout"),
        TRUNCATED_BODY("cut body"),
        MALFORMED_BODY("malformed"),
        HTML_PAGE("HTML 200"),
        SESSION_EXPIRED("session"),
        DAILY_LIMIT("daily limit"),
        SOAP_FAULT("SOAP fault"),
        UNAUTHORIZED("401"),
        FORBIDDEN("403");

        private final String label;

        Fault(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the shared policy retries this fault (then a cell runs once and exhausting). */
        public boolean transientFault() {
            return switch (this) {
                case THROTTLED_RETRY_AFTER, THROTTLED, HTTP_500, HTTP_502, HTTP_503, CONNECTION_RESET, READ_TIMEOUT, TRUNCATED_BODY,
                        MALFORMED_BODY, HTML_PAGE -> true;
                case SESSION_EXPIRED, DAILY_LIMIT, SOAP_FAULT, UNAUTHORIZED, FORBIDDEN -> false;
            };
        }
    }

    /** How many attempts of the faulted request the fault hits. */
    public enum Span {
        /** The first attempt only. */
        ONCE,
        /** Every attempt the retry policy allows. */
        EXHAUSTING
    }

    /** What a cell gave. */
    public enum Outcome {
        RECOVERED("R"),
        INCOMPLETE("I"),
        USER_ERROR("U"),
        FALSE_GREEN("FALSE GREEN"),
        CRASHED("CRASH");

        private final String mark;

        Outcome(String mark) {
            this.mark = mark;
        }

        /** The exit code of an audit with this outcome; a recovered audit exits as the fault-free one does. */
        public String exit() {
            return switch (this) {
                case RECOVERED -> "as without fault";
                case INCOMPLETE -> "3";
                case USER_ERROR -> "2";
                case FALSE_GREEN -> "0 or 1 with data missing";
                case CRASHED -> "4";
            };
        }
    }

    /**
     * One cell.
     *
     * @param phase the phase of the fetch the fault hits ({@code metadata read}, {@code deals page 2})
     * @param fault the fault
     * @param span how many attempts it hits
     */
    public record Cell(String phase, Fault fault, Span span) {
        public Cell {
            requireNonNull(phase, "phase is null");
            requireNonNull(fault, "fault is null");
            requireNonNull(span, "span is null");
        }

        @Override
        public String toString() {
            return phase + " x " + fault.label() + (fault.transientFault() ? " (" + span.name().toLowerCase(Locale.ROOT) + ")" : "");
        }
    }

    /**
     * What the policy promises for a cell.
     *
     * @param outcome the outcome
     * @param extraRequests for a recovered cell, the requests above the fault-free fetch (retries, re-logins)
     * @param faultHits how many requests the injected fault must have hit: fewer means the connector gave up
     *     early, more that it retried beyond the policy
     */
    public record Expectation(Outcome outcome, int extraRequests, int faultHits) {
        public Expectation {
            requireNonNull(outcome, "outcome is null");
        }

        public static Expectation recovered(int extraRequests, int faultHits) {
            return new Expectation(Outcome.RECOVERED, extraRequests, faultHits);
        }

        public static Expectation incomplete(int faultHits) {
            return new Expectation(Outcome.INCOMPLETE, 0, faultHits);
        }

        public static Expectation userError(int faultHits) {
            return new Expectation(Outcome.USER_ERROR, 0, faultHits);
        }
    }

    /**
     * The cells of {@code phases} for every fault that {@code applies} to the phase: a transient fault once and
     * exhausting, any other once.
     */
    public static Stream<Cell> cells(List<String> phases, BiPredicate<String, Fault> applies) {
        List<Cell> cells = new ArrayList<>();
        for (String phase : phases) {
            for (Fault fault : Fault.values()) {
                if (applies.test(phase, fault)) {
                    cells.add(new Cell(phase, fault, Span.ONCE));
                    if (fault.transientFault()) {
                        cells.add(new Cell(phase, fault, Span.EXHAUSTING));
                    }
                }
            }
        }
        return cells.stream();
    }

    /** What a fetch gave: the outcome and the reasons or error message. */
    public record Observation(Outcome outcome, String reason) {}

    private record Row(Cell cell, Expectation expected, Observation observed, long extraRequests, long faultHits, List<String> violations) {}

    private final String connector;
    private final Set<String> volatileAttributes;
    private final List<Row> rows = new ArrayList<>();

    /**
     * @param connector the connector's name, for the report
     * @param volatileAttributes source attributes that may differ between equal fetches (request counts)
     */
    public FaultMatrix(String connector, Set<String> volatileAttributes) {
        this.connector = requireNonNull(connector, "connector is null");
        this.volatileAttributes = Set.copyOf(volatileAttributes);
    }

    /**
     * Runs {@code fetch} and judges its result against {@code baseline}, the fault-free snapshot (with its
     * history read into memory). Call it while the connector is open: the history is read here.
     */
    public Observation observe(Snapshot baseline, Supplier<Snapshot> fetch) {
        try {
            Snapshot snapshot = fetch.get();
            if (!snapshot.completeness().complete()) {
                return new Observation(Outcome.INCOMPLETE, String.join("; ", snapshot.completeness().reasons()));
            }
            // reading the history happens here too: a spool that cannot be read fails the audit like the fetch would
            return comparable(snapshot).equals(comparable(baseline)) ? new Observation(Outcome.RECOVERED, "")
                    : new Observation(Outcome.FALSE_GREEN, "a complete snapshot that differs from the fault-free one");
        } catch (L2oException e) {
            Outcome outcome = switch (e.type()) {
                case USER -> Outcome.USER_ERROR;
                case EXTERNAL -> Outcome.INCOMPLETE;
                case INTERNAL -> Outcome.CRASHED;
            };
            return new Observation(outcome, e.getMessage());
        } catch (RuntimeException e) {
            return new Observation(Outcome.CRASHED, e.toString());
        }
    }

    /** {@code snapshot} with its history in memory, for fixtures whose spools are deleted when the connector closes. */
    public static Snapshot withHistoryInMemory(Snapshot snapshot) {
        if (snapshot.history() == null) {
            return snapshot;
        }
        List<StageEvent> rows = new ArrayList<>();
        snapshot.history().forEach(rows::add);
        String description = snapshot.history().description();
        boolean sorted = snapshot.history().sortedByRecord();
        return snapshot.withHistory(new StageHistory() {
            @Override
            public void forEach(Consumer<StageEvent> sink) {
                rows.forEach(sink);
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public boolean sortedByRecord() {
                return sorted;
            }
        });
    }

    /** The parts of a snapshot a fault may not change: everything but volatile source attributes, history as rows. */
    private List<Object> comparable(Snapshot snapshot) {
        Map<String, String> attributes = new TreeMap<>(snapshot.source().attributes());
        attributes.keySet().removeAll(volatileAttributes);
        SourceInfo source = new SourceInfo(snapshot.source().type(), snapshot.source().location(), attributes);
        List<Object> parts = new ArrayList<>(List.of(new Snapshot(source, snapshot.crm(), snapshot.asOf(), snapshot.completeness(),
                snapshot.pipelines(), snapshot.fields(), snapshot.automations(), snapshot.assignmentRules(), snapshot.assignees(),
                snapshot.records(), null)));
        if (snapshot.history() != null) {
            List<StageEvent> history = new ArrayList<>();
            snapshot.history().forEach(history::add);
            parts.add(snapshot.history().description());
            parts.add(history);
        }
        return parts;
    }

    /**
     * Records a cell and fails when it broke the policy: another outcome than expected, a reason that does not
     * name the phase, another number of requests than the policy allows.
     *
     * @param extraRequests requests sent above the fault-free fetch (compared for recovered cells only)
     * @param faultHits requests the injected fault hit
     * @param phaseNames words of which the reason of an incomplete or refused cell must contain one
     */
    public void check(Cell cell, Expectation expected, Observation observed, long extraRequests, long faultHits, List<String> phaseNames) {
        List<String> violations = new ArrayList<>();
        if (observed.outcome() != expected.outcome()) {
            violations.add("expected " + expected.outcome() + " but was " + observed.outcome() + (observed.reason().isEmpty() ? ""
                    : ": " + observed.reason()));
        }
        if (faultHits != expected.faultHits()) {
            violations.add("the fault hit " + faultHits + " requests where the policy allows exactly " + expected.faultHits());
        }
        if (observed.outcome() == Outcome.RECOVERED && extraRequests != expected.extraRequests()) {
            violations.add("recovered with " + extraRequests + " extra requests where the policy allows " + expected.extraRequests());
        }
        if ((observed.outcome() == Outcome.INCOMPLETE || observed.outcome() == Outcome.USER_ERROR)
                && phaseNames.stream().noneMatch(name -> observed.reason().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
            violations.add("the reason does not name the phase (" + String.join(" or ", phaseNames) + "): " + observed.reason());
        }
        rows.add(new Row(cell, expected, observed, extraRequests, faultHits, List.copyOf(violations)));
        if (!violations.isEmpty()) {
            throw new AssertionError(cell + ": " + String.join("; ", violations));
        }
    }

    /** The summary line: cells, outcomes, false greens, crashes, retries sent and requests beyond the policy. */
    public String summary() {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, 0);
        }
        long retries = 0;
        long beyondPolicy = 0;
        long violations = 0;
        for (Row row : rows) {
            counts.merge(row.observed().outcome(), 1, Integer::sum);
            if (row.observed().outcome() == Outcome.RECOVERED) {
                retries += row.extraRequests();
                beyondPolicy += Math.max(0, row.extraRequests() - row.expected().extraRequests());
            }
            beyondPolicy += Math.max(0, row.faultHits() - row.expected().faultHits());
            violations += row.violations().isEmpty() ? 0 : 1;
        }
        return connector + ": cells " + rows.size() + ", recovered " + counts.get(Outcome.RECOVERED) + ", incomplete (exit 3) "
                + counts.get(Outcome.INCOMPLETE) + ", refused (exit 2) " + counts.get(Outcome.USER_ERROR) + ", false greens "
                + counts.get(Outcome.FALSE_GREEN) + ", crashes (exit 4) " + counts.get(Outcome.CRASHED) + ", extra requests "
                + retries + " (retries and re-logins of recovered cells), requests beyond the policy " + beyondPolicy
                + ", cells off their expectation " + violations;
    }

    /** Writes {@code <connector>.md} (table and summary) and {@code <connector>.txt} (the summary) into {@code directory}. */
    public void write(Path directory) {
        Map<String, Map<Fault, List<Row>>> byPhase = new LinkedHashMap<>();
        for (Row row : rows) {
            byPhase.computeIfAbsent(row.cell().phase(), p -> new LinkedHashMap<>()).computeIfAbsent(row.cell().fault(), f -> new ArrayList<>())
                    .add(row);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Fault matrix: ").append(connector).append("\n\n");
        out.append("R+n recovered (snapshot equal to the fault-free one) with n extra requests; I incomplete, exit 3; U refused, exit 2;"
                + " a transient fault shows its cell hit once / on every attempt the retry policy allows; - not applicable.\n\n");
        out.append("| phase |");
        for (Fault fault : Fault.values()) {
            out.append(' ').append(fault.label()).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(Fault.values().length)).append('\n');
        byPhase.forEach((phase, faults) -> {
            out.append("| ").append(phase).append(" |");
            for (Fault fault : Fault.values()) {
                List<Row> cells = faults.getOrDefault(fault, List.of());
                out.append(' ').append(cells.isEmpty() ? "-" : String.join(" / ", cells.stream().map(FaultMatrix::mark).toList())).append(" |");
            }
            out.append('\n');
        });
        out.append('\n').append(summary()).append('\n');
        List<Row> broken = rows.stream().filter(row -> !row.violations().isEmpty()).toList();
        if (!broken.isEmpty()) {
            out.append("\nCells off their expectation:\n");
            broken.forEach(row -> out.append("- ").append(row.cell()).append(": ").append(String.join("; ", row.violations())).append('\n'));
        }
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(connector + ".md"), out, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(connector + ".txt"), summary() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mark(Row row) {
        String mark = row.observed().outcome().mark + (row.observed().outcome() == Outcome.RECOVERED ? "+" + row.extraRequests() : "");
        return row.violations().isEmpty() ? mark : mark + "!";
    }
}
