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
    private static final String TEXT = YamlSchema.resourceText(BlueprintSchema.class, "blueprint.schema.json");

    private BlueprintSchema() {}

    /**
     * The validator, built on first use: it loads a couple of hundred classes, and a run whose blueprint was checked
     * before ({@link ValidatedBlueprints}) does not need it.
     */
    private static final class Validator {
        static final YamlSchema SCHEMA = YamlSchema.fromText(TEXT, "the blueprint");
    }

    /** The schema document, as JSON text. */
    public static String text() {
        return TEXT;
    }

    /** The schema, with its validator. */
    static YamlSchema schema() {
        return Validator.SCHEMA;
    }

    /** Every way {@code document} breaks the schema, each at the node it is about, in a user's words. */
    static List<Issue> check(JsonNode document) {
        return schema().check(document);
    }
}
