package dev.l2o.rules.builtin.routing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One field comparison in Salesforce's filter vocabulary ({@code equals}, {@code greaterOrEqual}, …) with its
 * values OR-ed, as written. {@link #key()} normalises it so that a CEL condition and an assignment rule
 * criterion that mean the same have equal keys: field and operation ignoring case, values as a set, numbers in
 * plain form ({@code 1000.0} is {@code 1000}) and text ignoring case, as Salesforce filters do.
 */
record Comparison(String field, String operation, List<String> values) {
    Comparison {
        requireNonNull(field, "field is null");
        requireNonNull(operation, "operation is null");
        values = values.stream().map(String::trim).toList();
    }

    /** The normalised form two comparisons that mean the same share. */
    String key() {
        Set<String> normalized = new TreeSet<>();
        values.forEach(v -> normalized.add(normalize(v)));
        return field.toLowerCase(Locale.ROOT) + " " + operation.toLowerCase(Locale.ROOT) + " "
                + String.join(",", normalized);
    }

    private static String normalize(String value) {
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return value.toLowerCase(Locale.ROOT);
        }
    }

    /** {@code NumberOfEmployees greaterOrEqual 1000}. */
    @Override
    public String toString() {
        return field + " " + operation + " " + String.join(",", values);
    }
}
