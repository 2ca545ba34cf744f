package dev.l2o.rules.cel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts Java values into the few types CEL evaluates over maps: {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code List} and {@code Map<String, Object>}.
 *
 * <p>CEL has no overloads for {@code Integer} or {@code BigDecimal} ({@code 5 > 1} fails at run time with
 * "no matching overload"), so integers become {@code Long} and other numbers {@code Double}. Dates and times
 * become ISO-8601 text, enums their name. {@code null} values are dropped from maps and lists: CEL treats a
 * null map value as unknown, and dropping it makes {@code has(x.f)} mean "f has a value".
 */
public final class CelValues {
    private CelValues() {}

    /**
     * The CEL form of {@code value}, or null for null. Returns {@code value} itself when it already is in that
     * form, so normalising a record map that is already clean allocates nothing.
     *
     * @throws IllegalArgumentException for a type CEL cannot represent
     */
    public static Object normalize(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : (Object) big.doubleValue();
        }
        if (value instanceof Float || value instanceof BigDecimal || value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Optional<?> optional) {
            return normalize(optional.orElse(null));
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        if (value instanceof List<?> list && isClean(list)) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return normalizeList(collection);
        }
        if (value instanceof Object[] array) {
            return normalizeList(List.of(array));
        }
        throw new IllegalArgumentException("CEL cannot represent a value of type " + value.getClass().getSimpleName());
    }

    /** {@code map} with text keys, normalised values and no null values, in {@code map}'s order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> normalizeMap(Map<?, ?> map) {
        if (isClean(map)) {
            return (Map<String, Object>) map;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = normalize(entry.getValue());
            if (value != null) {
                result.put(String.valueOf(entry.getKey()), value);
            }
        }
        return result;
    }

    private static List<Object> normalizeList(Collection<?> values) {
        List<Object> result = new ArrayList<>(values.size());
        for (Object value : values) {
            Object normal = normalize(value);
            if (normal != null) {
                result.add(normal);
            }
        }
        return result;
    }

    private static boolean isClean(List<?> list) {
        for (Object value : list) {
            if (value == null || normalize(value) != value) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClean(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (!(entry.getKey() instanceof String) || value == null || normalize(value) != value) {
                return false;
            }
        }
        return true;
    }
}
