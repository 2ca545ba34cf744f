package dev.l2o.blueprint;

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
 * The JSON Schema (draft 2020-12) of the blueprint format, as shipped at
 * {@code dev/l2o/blueprint/blueprint.schema.json}. Editors use it for completion and checks
 * ({@code l2o validate --print-schema}); {@link BlueprintLoader} checks every file against it, so the two
 * cannot disagree on what a blueprint may contain.
 */
public final class BlueprintSchema {
    private static final String RESOURCE = "blueprint.schema.json";
    private static final String TEXT = readResource();
    private static final JsonNode TREE = parse(TEXT);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(TEXT, SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .locale(Locale.ENGLISH)
                    .build());

    private BlueprintSchema() {}

    /** The schema document, as JSON text. */
    public static String text() {
        return TEXT;
    }

    /** Every way {@code document} breaks the schema, each at the node it is about, in a user's words. */
    static List<Issue> check(JsonNode document) {
        List<Issue> issues = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(document)) {
            issues.add(SchemaMessages.describe(message, pointer(message.getInstanceLocation()), document));
        }
        return issues;
    }

    static String pointer(JsonNodePath path) {
        String pointer = "";
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer = SourcePositions.child(pointer, path.getElement(i));
        }
        return pointer;
    }

    /** The schema node at {@code path} (a fragment such as {@code /$defs/stage/properties/key/type}), or a missing node. */
    static JsonNode schemaNode(JsonNodePath path) {
        JsonNode node = TREE;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
        }
        return node;
    }

    static Iterator<String> keysOf(JsonNode schemaObject) {
        return schemaObject.path("properties").fieldNames();
    }

    private static String readResource() {
        try (InputStream in = BlueprintSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
