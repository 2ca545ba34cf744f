package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A JSON Schema (draft 2020-12) for one kind of l2o YAML file, shipped as a class path resource, and the one
 * reader of such files: YAML with the line and column of every node ({@link YamlTree}), checked against the
 * schema, every problem worded for people who write YAML ({@link SchemaMessages}) and placed at
 * {@code file:line:column}. Blueprints and schedule files are read through it. Immutable and thread-safe.
 */
public final class YamlSchema {
    private final String text;
    private final JsonNode tree;
    private final JsonSchema schema;
    private final String documentName;

    private YamlSchema(String text, String documentName) {
        this.text = text;
        this.tree = parse(text);
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(text, SchemaValidatorsConfig.builder()
                        .pathType(PathType.JSON_POINTER)
                        .formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH)
                        .build());
        this.documentName = documentName;
    }

    /**
     * The schema in the resource {@code resource} beside {@code owner}.
     *
     * @param documentName what messages call the whole document ({@code the blueprint})
     * @throws IllegalStateException when the resource is missing (a packaging defect)
     */
    public static YamlSchema fromResource(Class<?> owner, String resource, String documentName) {
        return new YamlSchema(resourceText(owner, resource), requireNonNull(documentName, "documentName is null"));
    }

    /**
     * The text of the schema resource {@code resource} beside {@code owner}, without building a validator for it.
     *
     * @throws IllegalStateException when the resource is missing (a packaging defect)
     */
    static String resourceText(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema in {@code schemaText} (a schema derived from a shipped one). */
    static YamlSchema fromText(String schemaText, String documentName) {
        return new YamlSchema(schemaText, requireNonNull(documentName, "documentName is null"));
    }

    /** The schema document, as JSON text. */
    public String text() {
        return text;
    }

    /**
     * Reads {@code yaml} and checks it against the schema. Never throws for bad input: a syntax error, a
     * duplicate key, an alias or a schema violation is a problem of the result ({@code fileName} names the file
     * in them), and a document with a syntax error has no root.
     */
    public CheckedYaml read(String yaml, String fileName) {
        YamlTree tree;
        try {
            tree = YamlTree.read(yaml, fileName);
        } catch (BlueprintException syntaxError) {
            return new CheckedYaml(null, SourcePositions.empty(), syntaxError.problems());
        }
        if (tree.root() == null) {
            return new CheckedYaml(null, tree.positions(), tree.locate(tree.issues(), fileName));
        }
        List<Issue> issues = new ArrayList<>(tree.issues());
        issues.addAll(check(tree.root()));
        return new CheckedYaml(tree.root(), tree.positions(), tree.locate(issues, fileName));
    }

    /** Every way {@code document} breaks the schema, each at the node it is about, in a user's words. */
    List<Issue> check(JsonNode document) {
        List<Issue> issues = new ArrayList<>();
        for (ValidationMessage message : schema.validate(document)) {
            issues.add(SchemaMessages.describe(message, pointer(message.getInstanceLocation()), document, this));
        }
        return issues;
    }

    /** What messages call the whole document. */
    String documentName() {
        return documentName;
    }

    /** The schema node at {@code path} (a fragment such as {@code /$defs/stage/properties/key/type}), or a missing node. */
    JsonNode schemaNode(JsonNodePath path) {
        JsonNode node = tree;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        return node;
    }

    static Iterator<String> keysOf(JsonNode schemaObject) {
        return schemaObject.path("properties").fieldNames();
    }

    static String pointer(JsonNodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer = SourcePositions.child(pointer, path.getElement(i));
        }
        return pointer;
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
