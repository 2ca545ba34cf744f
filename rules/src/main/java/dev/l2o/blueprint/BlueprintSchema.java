package dev.l2o.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of the blueprint format, as shipped at
 * {@code dev/l2o/blueprint/blueprint.schema.json}. Editors use it for completion and checks
 * ({@code l2o validate --print-schema}); {@link BlueprintLoader} checks every file against it, so the two
 * cannot disagree on what a blueprint may contain.
 */
public final class BlueprintSchema {
    static final YamlSchema SCHEMA = YamlSchema.fromResource(BlueprintSchema.class, "blueprint.schema.json", "the blueprint");

    private BlueprintSchema() {}

    /** The schema document, as JSON text. */
    public static String text() {
        return SCHEMA.text();
    }

    /** Every way {@code document} breaks the schema, each at the node it is about, in a user's words. */
    static List<Issue> check(JsonNode document) {
        return SCHEMA.check(document);
    }
}
