package dev.l2o.blueprint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One pass over the YAML token stream that builds the document tree and records where every node is.
 * Duplicate keys, aliases and further documents are problems (Jackson would silently take the last key).
 *
 * @param root the document, or null when the file holds none
 * @param positions where each node is
 * @param issues problems of the YAML structure itself
 */
record YamlTree(JsonNode root, SourcePositions positions, List<Issue> issues) {
    /**
     * The largest YAML file l2o reads, in code points (a blueprint is a few kilobytes; SnakeYAML takes about a
     * second per million). Files are read whole, so {@link BlueprintLoader} checks the size in bytes before it reads one.
     */
    static final int MAX_CODE_POINTS = 1 << 20;
    /** The deepest nesting of mappings and lists; blueprints nest six levels. */
    static final int MAX_NESTING_DEPTH = 64;
    /**
     * Aliases are refused (a problem at each), but the parser meets them first: this bounds the work a
     * billion-laughs document causes before that.
     */
    static final int MAX_ALIASES = 50;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            // SnakeYAML's nesting limit guards its composer, which Jackson does not use; Jackson's guards the parser
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    YamlTree {
        issues = List.copyOf(issues);
    }

    /**
     * Reads {@code text}.
     *
     * @throws BlueprintException when the text is not YAML (a syntax error, at its position)
     */
    static YamlTree read(String text, String file) {
        Reader reader = new Reader();
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlTree(null, reader.positions.build(), List.of());
            }
            JsonNode root = reader.value(parser, "");
            if (parser.nextToken() != null) {
                reader.issues.add(Issue.at(position(parser.currentTokenLocation()),
                        "only one YAML document is allowed; remove the '---' separator and what follows"));
            }
            return new YamlTree(root, reader.positions.build(), reader.issues);
        } catch (StreamConstraintsException e) {
            // Jackson's own limits (nesting depth among them) carry no location; the parser knows where it stopped
            SourcePosition at = position(parser.currentLocation());
            throw new BlueprintException(List.of(new BlueprintProblem(file, at.line(), at.column(),
                    "YAML syntax error: the document nests deeper than " + MAX_NESTING_DEPTH + " levels")));
        } catch (JsonProcessingException e) {
            throw new BlueprintException(List.of(syntaxProblem(e, file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeQuietly(parser);
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading from a string: nothing to release
            }
        }
    }

    /** {@code issues} at their lines and columns in {@code fileName}. */
    List<BlueprintProblem> locate(List<Issue> issues, String fileName) {
        List<BlueprintProblem> problems = new ArrayList<>();
        for (Issue issue : issues) {
            SourcePosition position = issue.position() != null ? issue.position() : positionOf(issue);
            problems.add(new BlueprintProblem(fileName, position, issue.message()));
        }
        return problems;
    }

    /** The issue's node, else its nearest ancestor that is in the file (a missing key: the mapping it belongs to). */
    private SourcePosition positionOf(Issue issue) {
        String pointer = issue.pointer();
        Optional<SourcePosition> found = issue.atValue() ? positions.valueOf(pointer) : positions.of(pointer);
        while (found.isEmpty() && !pointer.isEmpty()) {
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
            found = positions.of(pointer);
        }
        return found.orElse(new SourcePosition(1, 1));
    }

    private static BlueprintProblem syntaxProblem(JsonProcessingException e, String file) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                Mark mark = yaml.getProblemMark();
                String context = yaml.getContext() == null ? "" : " (" + oneLine(yaml.getContext())
                        + (yaml.getContextMark() == null ? "" : " at line " + (yaml.getContextMark().getLine() + 1)) + ")";
                return new BlueprintProblem(file, mark.getLine() + 1, mark.getColumn() + 1,
                        "YAML syntax error: " + oneLine(yaml.getProblem()) + context);
            }
        }
        JsonLocation location = e.getLocation();
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new BlueprintProblem(file, line, column, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
    }

    private static String oneLine(String text) {
        return text == null ? "unreadable input" : text.strip().replaceAll("\\s+", " ");
    }

    private static SourcePosition position(JsonLocation location) {
        return new SourcePosition(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static final class Reader {
        final SourcePositions.Builder positions = new SourcePositions.Builder();
        final List<Issue> issues = new ArrayList<>();

        /**
         * Reads the value whose first token is current, leaving its last token current. A null pointer reads a
         * value that is dropped (of a duplicate key) without recording positions.
         */
        JsonNode value(JsonParser parser, String pointer) throws IOException {
            SourcePosition here = position(parser.currentTokenLocation());
            if (pointer != null) {
                positions.value(pointer, here);
            }
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                issues.add(Issue.at(here, "YAML aliases (*" + parser.getText() + ") are not supported; write the value out"));
            }
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> object(parser, pointer);
                case START_ARRAY -> array(parser, pointer);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> integer(parser);
                case VALUE_NUMBER_FLOAT -> decimal(parser);
                case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
                case VALUE_NULL -> NODES.nullNode();
                case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE, FIELD_NAME, END_OBJECT, END_ARRAY -> NODES.textNode(parser.getText());
            };
        }

        private ObjectNode object(JsonParser parser, String pointer) throws IOException {
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = pointer == null ? null : SourcePositions.child(pointer, name);
                SourcePosition keyPosition = position(parser.currentTokenLocation());
                boolean duplicate = node.has(name);
                if (duplicate) {
                    String first = child == null ? "" : positions.startOf(child).map(p -> " (first at line " + p.line() + ")").orElse("");
                    issues.add(Issue.at(keyPosition, "duplicate key '" + name + "'" + first));
                } else if (child != null) {
                    positions.start(child, keyPosition);
                }
                parser.nextToken();
                JsonNode value = value(parser, duplicate ? null : child);
                if (!duplicate) {
                    node.set(name, value);
                }
            }
            return node;
        }

        private ArrayNode array(JsonParser parser, String pointer) throws IOException {
            ArrayNode node = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                node.add(value(parser, pointer == null ? null : SourcePositions.child(pointer, index)));
                index++;
            }
            return node;
        }

        private static JsonNode integer(JsonParser parser) throws IOException {
            try {
                BigInteger value = parser.getBigIntegerValue();
                return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
            } catch (JsonProcessingException notANumber) {
                return NODES.textNode(parser.getText());
            }
        }

        private static JsonNode decimal(JsonParser parser) throws IOException {
            try {
                return NODES.numberNode(parser.getDoubleValue());
            } catch (JsonProcessingException notANumber) {
                // YAML's .inf and .nan: kept as text so that the schema reports a wrong type at the value
                return NODES.textNode(parser.getText());
            }
        }
    }
}
