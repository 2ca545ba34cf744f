package dev.l2o.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** Turns schema validation messages into sentences for people who write YAML, not JSON Schema. */
final class SchemaMessages {
    private SchemaMessages() {}

    /** The issue {@code message} of {@code schema} describes, about the node at {@code pointer} of {@code document}. */
    static Issue describe(ValidationMessage message, String pointer, JsonNode document, YamlSchema schema) {
        JsonNodePath keyword = message.getSchemaLocation().getFragment();
        JsonNode owner = keyword.getParent() == null ? schema.schemaNode(keyword) : schema.schemaNode(keyword.getParent());
        JsonNode instance = document.at(pointer);
        String documentName = schema.documentName();
        String name = nameOf(pointer, owner, documentName);
        return switch (message.getType()) {
            case "additionalProperties" -> unknownKey(pointer, message.getProperty(), owner, documentName);
            case "required" -> Issue.atKey(pointer,
                    "missing required key '" + message.getProperty() + "' in " + contextOf(pointer, owner, documentName));
            case "type" -> Issue.atValue(pointer,
                    name + " must be " + expectedType(owner.path("type")) + ", not " + describe(instance) + hint(owner, instance));
            case "enum" -> Issue.atValue(pointer,
                    name + " must be one of " + join(owner.path("enum")) + ", not " + describe(instance));
            case "const" -> Issue.atValue(pointer,
                    name + " must be '" + owner.path("const").asText() + "', not " + describe(instance));
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> Issue.atValue(pointer,
                    name + " must be " + range(owner) + ", not " + instance.asText());
            case "minLength" -> Issue.atValue(pointer, name + " must not be empty");
            case "minItems" -> Issue.atValue(pointer, name + " must list at least one item");
            case "minProperties", "maxProperties" -> Issue.atValue(pointer,
                    name + " must name exactly one of " + String.join(", ", keys(owner)));
            // the schema's description of a pattern names what the text must be; the text itself may be a secret
            case "pattern" -> Issue.atValue(pointer, name + " must be " + owner.path("description").asText("of another form"));
            case "format" -> Issue.atValue(pointer,
                    name + " must be a date written YYYY-MM-DD, not " + describe(instance));
            default -> Issue.atValue(pointer, withoutLocation(message.getMessage(), pointer));
        };
    }

    private static Issue unknownKey(String pointer, String key, JsonNode owner, String documentName) {
        List<String> allowed = keys(owner);
        String suggestion = allowed.stream()
                .filter(candidate -> distance(candidate.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2)
                .findFirst()
                .map(candidate -> "; did you mean '" + candidate + "'?")
                .orElse(";");
        return Issue.atKey(SourcePositions.child(pointer, key), "unknown key '" + key + "' in " + contextOf(pointer, owner, documentName)
                + suggestion + " allowed keys: " + String.join(", ", allowed));
    }

    /** What a mapping is called in messages: its schema title, which names the kind of thing (stage, rule). */
    private static String contextOf(String pointer, JsonNode owner, String documentName) {
        String title = owner.path("title").asText("");
        if (pointer.isEmpty()) {
            return documentName;
        }
        String last = lastSegment(pointer);
        return isIndex(last) && !title.isEmpty() ? title : "'" + last + "'";
    }

    private static String nameOf(String pointer, JsonNode owner, String documentName) {
        if (pointer.isEmpty()) {
            return documentName;
        }
        String last = lastSegment(pointer);
        if (isIndex(last)) {
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            String title = owner.path("title").asText("");
            return title.isEmpty() || !owner.has("properties")
                    ? "item " + (Integer.parseInt(last) + 1) + " of '" + lastSegment(parent) + "'"
                    : "each " + title;
        }
        return "'" + last + "'";
    }

    private static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static String expectedType(JsonNode type) {
        if (type.isArray()) {
            List<String> words = new ArrayList<>();
            type.forEach(t -> words.add(typeWord(t.asText())));
            return String.join(" or ", words);
        }
        return typeWord(type.asText());
    }

    private static String typeWord(String jsonType) {
        return switch (jsonType) {
            case "string" -> "text";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "object" -> "a mapping (key: value)";
            case "array" -> "a list";
            default -> jsonType;
        };
    }

    /** A YAML scalar such as {@code yes} or {@code 2024} reads as a boolean or number: quoting keeps it text. */
    private static String hint(JsonNode owner, JsonNode instance) {
        JsonNode type = owner.path("type");
        boolean wantsText = type.asText().equals("string")
                || (type.isArray() && type.toString().contains("\"string\""));
        return wantsText && (instance.isBoolean() || instance.isNumber()) ? " (quote it to make it text)" : "";
    }

    static String describe(JsonNode instance) {
        if (instance.isTextual()) {
            return "'" + instance.asText() + "'";
        }
        if (instance.isNumber()) {
            return instance.asText();
        }
        if (instance.isBoolean()) {
            return instance.asText();
        }
        if (instance.isArray()) {
            return "a list";
        }
        if (instance.isObject()) {
            return "a mapping";
        }
        return "empty";
    }

    private static String range(JsonNode owner) {
        String min = owner.has("minimum") ? number(owner.get("minimum")) : null;
        String max = owner.has("maximum") ? number(owner.get("maximum")) : null;
        if (min != null && max != null) {
            return "between " + min + " and " + max;
        }
        if (owner.has("exclusiveMinimum")) {
            return "more than " + number(owner.get("exclusiveMinimum"));
        }
        return min != null ? "at least " + min : "at most " + max;
    }

    private static String number(JsonNode node) {
        double value = node.asDouble();
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String join(JsonNode values) {
        List<String> words = new ArrayList<>();
        values.forEach(v -> words.add(v.asText()));
        return String.join(", ", words);
    }

    private static List<String> keys(JsonNode owner) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = YamlSchema.keysOf(owner); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static String withoutLocation(String message, String pointer) {
        String prefix = pointer + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Levenshtein distance, for "did you mean". */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
