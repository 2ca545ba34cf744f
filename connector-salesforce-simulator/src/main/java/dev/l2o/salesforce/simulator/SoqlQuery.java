package dev.l2o.salesforce.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOQL the simulator understands: {@code SELECT COUNT() FROM X} and {@code SELECT a, b FROM X} with an
 * optional trailing clause it ignores (WHERE, ORDER BY) — enough for what the connector asks.
 *
 * @param object the queried object
 * @param fields the selected fields in request order; empty for COUNT()
 * @param count whether it is {@code SELECT COUNT()}
 */
record SoqlQuery(String object, List<String> fields, boolean count) {
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
            return new SoqlQuery(object, List.of(), true);
        }
        List<String> fields = new ArrayList<>();
        for (String field : selected.split(",")) {
            String trimmed = field.trim();
            if (trimmed.isEmpty() || trimmed.contains("(")) {
                throw new IllegalArgumentException("unexpected token: '" + trimmed + "'");
            }
            fields.add(trimmed);
        }
        return new SoqlQuery(object, fields, false);
    }

    boolean isObject(String name) {
        return object.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
