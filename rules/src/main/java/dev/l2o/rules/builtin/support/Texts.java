package dev.l2o.rules.builtin.support;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

/** Comparisons and formatting shared by the built-in rules. */
public final class Texts {
    private Texts() {}

    /** {@code message} prefixed with the name of an entry of {@code lifecycles}: {@code Lifecycle 'renewals': …}. */
    public static String inLifecycle(String lifecycleName, String message) {
        return "Lifecycle '" + lifecycleName + "': " + message;
    }

    /**
     * Whether two CRM names mean the same thing: equal ignoring case, with spaces and underscores treated
     * alike ({@code Enterprise SDR} = {@code Enterprise_SDR}).
     */
    public static boolean sameName(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    }

    /** A number without trailing zeros: {@code 10}, {@code 12.5}. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** {@code 'a', 'b'} — or {@code none} for an empty collection. */
    public static String quotedList(Collection<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    /**
     * The field name without a leading {@code object.} prefix: {@code Lead.NumberOfEmployees} →
     * {@code NumberOfEmployees}; relationship paths of other objects stay as they are.
     */
    public static String withoutObject(String object, String field) {
        String prefix = object + ".";
        return field.regionMatches(true, 0, prefix, 0, prefix.length()) ? field.substring(prefix.length()) : field;
    }

    /** An enum constant as a lower-case word: {@code VALIDATION} → {@code validation}. */
    public static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
