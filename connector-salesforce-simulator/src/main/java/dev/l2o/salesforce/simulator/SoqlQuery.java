package dev.l2o.salesforce.simulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOQL the simulator understands: {@code SELECT COUNT() FROM X} and {@code SELECT a, b FROM X} with an
 * optional trailing clause (WHERE, ORDER BY) of which only a {@code DateField > datetime} condition is evaluated
 * — enough for what the connector asks.
 *
 * @param object the queried object
 * @param fields the selected fields in request order; empty for COUNT()
 * @param count whether it is {@code SELECT COUNT()}
 */
record SoqlQuery(String object, List<String> fields, boolean count, String where) {
    /** {@code Field > 2026-01-01T00:00:00Z}, the condition incremental reads add; other conditions are not evaluated. */
    private static final Pattern AFTER = Pattern.compile("(?i)\\b([A-Za-z]+)\\s*>\\s*(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2}))");
    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*SELECT\\s+(.+?)\\s+FROM\\s+([A-Za-z0-9_]+)(\\s+.*)?");

    SoqlQuery {
        fields = List.copyOf(fields);
    }

    /** Parses {@code soql}; throws IllegalArgumentException with Salesforce's wording when it cannot. */
    static SoqlQuery parse(String soql) {
        Matcher matcher = SELECT.matcher(soql);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("unexpected token: '" + soql.trim().split("\\s+")[0] + "'");
        }
        String selected = matcher.group(1).trim();
        String object = matcher.group(2);
        if (selected.replace(" ", "").equalsIgnoreCase("COUNT()")) {
            return new SoqlQuery(object, List.of(), true, matcher.group(3) == null ? "" : matcher.group(3));
        }
        List<String> fields = new ArrayList<>();
        for (String field : selected.split(",")) {
            String trimmed = field.trim();
            if (trimmed.isEmpty() || trimmed.contains("(")) {
                throw new IllegalArgumentException("unexpected token: '" + trimmed + "'");
            }
            fields.add(trimmed);
        }
        return new SoqlQuery(object, fields, false, matcher.group(3) == null ? "" : matcher.group(3));
    }

    /** The field and instant of a {@code Field > datetime} condition, or null when there is none. */
    Map.Entry<String, Instant> after() {
        Matcher matcher = AFTER.matcher(where);
        if (!matcher.find()) {
            return null;
        }
        return Map.entry(matcher.group(1), OffsetDateTime.parse(matcher.group(2)).toInstant());
    }

    boolean isObject(String name) {
        return object.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
