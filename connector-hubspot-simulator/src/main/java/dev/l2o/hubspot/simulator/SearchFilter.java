package dev.l2o.hubspot.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * The search API's {@code filterGroups}: a record matches when any group matches, a group when all its filters
 * do. Values that read as numbers or ISO-8601 times compare as numbers (times as epoch milliseconds, which is how
 * HubSpot takes date-time filter values), others as text. Stateless.
 */
final class SearchFilter {
    private SearchFilter() {}

    static boolean matches(JsonNode filterGroups, Map<String, String> values) {
        if (!filterGroups.isArray() || filterGroups.isEmpty()) {
            return true;
        }
        for (JsonNode group : filterGroups) {
            boolean all = true;
            for (JsonNode filter : group.path("filters")) {
                all &= test(filter, values.get(filter.path("propertyName").asText()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean test(JsonNode filter, String actual) {
        String operator = filter.path("operator").asText("EQ");
        String expected = filter.path("value").asText(null);
        if (operator.equals("HAS_PROPERTY")) {
            return actual != null;
        }
        if (operator.equals("NOT_HAS_PROPERTY")) {
            return actual == null;
        }
        if (actual == null || expected == null) {
            return operator.equals("NEQ") && actual != expected;
        }
        int comparison = compare(actual, expected);
        return switch (operator) {
            case "EQ" -> comparison == 0;
            case "NEQ" -> comparison != 0;
            case "GT" -> comparison > 0;
            case "GTE" -> comparison >= 0;
            case "LT" -> comparison < 0;
            case "LTE" -> comparison <= 0;
            default -> false;
        };
    }

    private static int compare(String actual, String expected) {
        Double left = number(actual);
        Double right = number(expected);
        return left != null && right != null ? Double.compare(left, right) : actual.compareTo(expected);
    }

    /** A sort key: the value as a number where it reads as one, else its text after every number. */
    static String sortKey(String value) {
        Double number = value == null ? null : number(value);
        return number != null ? String.format(Locale.ROOT, "0%030.6f", number) : "1" + (value == null ? "" : value);
    }

    private static Double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException notNumber) {
            try {
                return (double) Instant.parse(value).toEpochMilli();
            } catch (DateTimeParseException notTime) {
                return null;
            }
        }
    }
}
