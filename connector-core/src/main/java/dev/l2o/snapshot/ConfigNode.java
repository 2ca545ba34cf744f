package dev.l2o.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A JSON object of the configuration part of a snapshot with its path ({@code pipelines[2].stages[0]}), so
 * that a wrong value is reported by where it is. Missing optional values read as null or empty; a missing
 * required value or a value of the wrong type throws {@link Problem}.
 */
record ConfigNode(JsonNode node, String path) {

    /** A value of the snapshot that does not fit the format, with the path of the offending value. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    static ConfigNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new Problem(path + " is not an object");
        }
        return new ConfigNode(node, path);
    }

    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw new Problem(at(name) + " is missing");
        }
        return value;
    }

    String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Problem(at(name) + " is not a string");
        }
        return value.textValue();
    }

    boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw new Problem(at(name) + (value == null ? " is missing" : " is not true or false"));
        }
        return value.booleanValue();
    }

    int integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new Problem(at(name) + (value == null ? " is missing" : " is not an integer"));
        }
        return value.intValue();
    }

    Double optionalDouble(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return toDouble(value, at(name));
    }

    /** A number, or one of the strings Java writes for non-finite doubles ({@code NaN}, {@code Infinity}). */
    static Double toDouble(JsonNode value, String where) {
        if (value.isNumber()) {
            return value.doubleValue();
        }
        Double nonFinite = value.isTextual() ? SnapshotFormat.nonFiniteDouble(value.textValue()) : null;
        if (nonFinite == null) {
            throw new Problem(where + " is not a number");
        }
        return nonFinite;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        E value = optionalEnum(name, type);
        if (value == null) {
            throw new Problem(at(name) + " is missing");
        }
        return value;
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new Problem(at(name) + " has unknown value '" + text + "'");
        }
    }

    ConfigNode child(String name) {
        return object(node.get(name), at(name));
    }

    /** The child object, or null when it is missing or null. */
    ConfigNode optionalChild(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : object(value, at(name));
    }

    List<String> texts(String name) {
        List<String> values = new ArrayList<>();
        JsonNode array = array(name);
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (!value.isTextual()) {
                throw new Problem(at(name) + "[" + i + "] is not a string");
            }
            values.add(value.textValue());
        }
        return values;
    }

    <T> List<T> list(String name, Function<ConfigNode, T> decoder) {
        List<T> values = new ArrayList<>();
        JsonNode array = array(name);
        for (int i = 0; i < array.size(); i++) {
            values.add(decoder.apply(object(array.get(i), at(name) + "[" + i + "]")));
        }
        return values;
    }

    /** A string-to-string object; values may be null. Sorted, as the model keeps such maps. */
    Map<String, String> textMap(String name) {
        Map<String, String> values = new TreeMap<>();
        JsonNode map = node.get(name);
        if (map == null || map.isNull()) {
            return values;
        }
        if (!map.isObject()) {
            throw new Problem(at(name) + " is not an object");
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
                throw new Problem(at(name) + "." + entry.getKey() + " is not a string");
            }
            values.put(entry.getKey(), value.isNull() ? null : value.textValue());
        }
        return values;
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode array(String name) {
        JsonNode array = node.get(name);
        if (array == null || array.isNull()) {
            return SnapshotInput.MAPPER.createArrayNode();
        }
        if (!array.isArray()) {
            throw new Problem(at(name) + " is not an array");
        }
        return array;
    }
}
