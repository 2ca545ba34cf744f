package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node starts, so that every validation error can name
 * the file, line and column. Jackson's data binding reports locations only for its own errors, not for the
 * checks that come after it (cron syntax, time zones, duplicate names), hence this small tree.
 */
sealed interface YamlNode {
    Position position();

    /** What the node is, for messages ("a mapping", "a list", "a string"). */
    String kind();

    /** A line and column (both 1-based) in a file. */
    record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }

        /** A user error at this position. */
        L2oException error(String message) {
            return new L2oException(ErrorCode.BAD_CONFIG, this + ": " + message);
        }
    }

    /** A scalar; {@code token} tells strings, numbers, booleans and null apart. */
    record Scalar(JsonToken token, String text, Position position) implements YamlNode {
        @Override
        public String kind() {
            return switch (token) {
                case VALUE_NUMBER_INT -> "an integer";
                case VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "an empty value";
                case VALUE_STRING, VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE, START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY,
                        FIELD_NAME -> "a string";
            };
        }
    }

    /** A mapping in document order; each value keeps the position of its key. */
    record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** One key of a mapping and its value. */
    record Entry(String key, Position keyPosition, YamlNode value) {}

    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * Parses one YAML document.
     *
     * @param displayName the file name used in messages
     * @throws L2oException UNREADABLE_FILE when the file cannot be read, BAD_CONFIG on a syntax error or a
     *     duplicate key
     */
    static YamlNode parse(Path file, String displayName) {
        requireNonNull(file, "file is null");
        try (Reader reader = Files.newBufferedReader(file);
                JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new L2oException(ErrorCode.BAD_CONFIG, displayName + ": the file is empty");
            }
            return read(parser, displayName);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? displayName : displayName + ":" + location.getLineNr() + ":" + location.getColumnNr();
            throw new L2oException(ErrorCode.BAD_CONFIG, where + ": not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, displayName + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static YamlNode read(JsonParser parser, String file) throws IOException {
        Position position = position(parser, file);
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Position keyPosition = position(parser, file);
                    parser.nextToken();
                    YamlNode value = read(parser, file);
                    if (entries.putIfAbsent(key, new Entry(key, keyPosition, value)) != null) {
                        throw keyPosition.error("duplicate key '" + key + "'");
                    }
                }
                yield new Mapping(entries, position);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file));
                }
                yield new Sequence(items, position);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL, VALUE_EMBEDDED_OBJECT ->
                    new Scalar(token, parser.getText(), position);
            case END_OBJECT, END_ARRAY, FIELD_NAME, NOT_AVAILABLE -> throw position.error("unexpected " + token);
        };
    }

    private static Position position(JsonParser parser, String file) {
        JsonLocation location = parser.currentTokenLocation();
        return new Position(file, location.getLineNr(), location.getColumnNr());
    }
}
