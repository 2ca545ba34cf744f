package dev.l2o.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One criterion of an assignment rule entry: {@code field operation value[, value…]} (values are OR-ed, as
 * Salesforce's comma-separated filter values are).
 *
 * @param field the field API name ({@code Lead.NumberOfEmployees} or {@code NumberOfEmployees})
 * @param operation the CRM's operator ({@code equals}, {@code greaterOrEqual}, {@code lessThan}, …)
 * @param values the compared values
 */
public record Criterion(String field, String operation, List<String> values) {
    public Criterion {
        requireNonNull(field, "field is null");
        requireNonNull(operation, "operation is null");
        values = List.copyOf(values == null ? List.of() : values);
    }
}
