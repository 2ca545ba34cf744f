package dev.l2o.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A published funnel conversion rate that reports show beside the measured one.
 *
 * @param from the funnel step records start from ({@code mql}, {@code sql}, {@code pipeline})
 * @param to the funnel step they convert to ({@code sql}, {@code pipeline}, {@code won})
 * @param average the average rate of the surveyed companies
 * @param topPerformer the rate of the top performers
 * @param source where the figures come from
 */
public record ConversionBenchmark(String from, String to, double average, double topPerformer, String source) {
    /** Forrester's Q4 2012 B2B marketing tactics and benchmarks survey, as cited by the example blueprint. */
    public static final String FORRESTER = "Forrester, Q4 2012 B2B marketing tactics and benchmarks survey";

    /** The Forrester funnel: MQL to SQL, SQL to pipeline (opportunity), pipeline to won. */
    public static final List<ConversionBenchmark> FORRESTER_FUNNEL = List.of(
            new ConversionBenchmark("mql", "sql", 0.32, 0.39, FORRESTER),
            new ConversionBenchmark("sql", "pipeline", 0.32, 0.37, FORRESTER),
            new ConversionBenchmark("pipeline", "won", 0.26, 0.34, FORRESTER));

    public ConversionBenchmark {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(source, "source is null");
    }
}
