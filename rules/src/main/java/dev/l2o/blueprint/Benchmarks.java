package dev.l2o.blueprint;

import java.util.List;

/** {@code benchmarks}. */
public record Benchmarks(List<ConversionTarget> conversion) {
    public Benchmarks {
        conversion = conversion == null ? List.of() : List.copyOf(conversion);
    }
}
