package dev.l2o.rules.builtin.routing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One field comparison in Salesforce's filter vocabulary, normalised so that a CEL condition and an
 * assignment rule criterion that mean the same compare equal: the field without its object prefix and in lower
 * case, the operation as Salesforce names it ({@code equals}, {@code greaterOrEqual}, …), and the values OR-ed,
 * numbers in plain form and text in lower case (Salesforce filters ignore case).
 */
record Comparison(String field, String operation, Set<String> values) {
    Comparison {
        requireNonNull(field, "field is null");
        requireNonNull(operation, "operation is null");
        field = field.toLowerCase(Locale.ROOT);
        operation = operation.toLowerCase(Locale.ROOT);
        TreeSet<String> normalized = new TreeSet<>();
        values.forEach(v -> normalized.add(normalize(v)));
        values = Collections.unmodifiableSortedSet(normalized);
    }

    static String normalize(String value) {
        String trimmed = value.trim();
        try {
            return new BigDecimal(trimmed).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return field + " " + operation + " " + String.join(",", values);
    }
}
