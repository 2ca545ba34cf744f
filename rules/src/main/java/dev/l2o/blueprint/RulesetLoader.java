package dev.l2o.blueprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads ruleset files ({@code apiVersion: l2o/v1}, {@code kind: Ruleset}, then the keys of a blueprint's
 * {@code ruleset}: {@code include}, {@code exclude}, {@code severity}, {@code parameters}), as
 * {@code l2o audit --ruleset FILE} and {@code l2o rules --ruleset FILE} take them. The file's schema is the
 * blueprint schema's {@code ruleset} definition, so the two cannot differ. Every problem is reported with the
 * file, line and column. Stateless and thread-safe.
 */
public final class RulesetLoader {
    static final YamlSchema SCHEMA = YamlSchema.fromText(schemaText(), "the ruleset");

    private RulesetLoader() {}

    /**
     * Reads and checks the ruleset in {@code file} (UTF-8).
     *
     * @param customRuleIds the custom rule ids of the blueprint it applies to (the only ids besides the built-in
     *     ones it may name)
     * @throws BlueprintException when the file has problems (all of them, with positions)
     * @throws L2oException with {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read
     */
    public static RulesetSpec load(Path file, Collection<String> customRuleIds) {
        return parse(BlueprintLoader.readText(file, "ruleset"), file.toString(), customRuleIds);
    }

    /** Reads and checks the ruleset {@code yaml}; {@code fileName} names it in problems. */
    public static RulesetSpec parse(String yaml, String fileName, Collection<String> customRuleIds) {
        YamlTree tree = BlueprintLoader.tree(yaml, fileName, "Ruleset");
        List<Issue> errors = new ArrayList<>(tree.issues());
        List<Issue> schemaIssues = SCHEMA.check(tree.root());
        List<Issue> identity = BlueprintLoader.identityIssues(schemaIssues);
        errors.addAll(identity.isEmpty() ? schemaIssues : identity);
        if (identity.isEmpty()) {
            errors.addAll(RulesetChecks.check(tree.root(), "", customRuleIds));
        }
        if (!errors.isEmpty()) {
            throw new BlueprintException(tree.locate(errors, fileName));
        }
        ObjectNode body = ((ObjectNode) tree.root()).deepCopy();
        body.remove(List.of("apiVersion", "kind"));
        return BlueprintLoader.bind(body, RulesetSpec.class, tree, fileName);
    }

    /**
     * The schema of a ruleset file: {@code apiVersion}, {@code kind: Ruleset} and the properties of the blueprint
     * schema's {@code ruleset}, with the blueprint schema's definitions.
     */
    private static String schemaText() {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode blueprint = mapper.readTree(BlueprintSchema.text());
            JsonNode ruleset = blueprint.path("$defs").path("ruleset");
            ObjectNode schema = mapper.createObjectNode();
            schema.set("$schema", blueprint.get("$schema"));
            schema.put("$id", "https://l2o.dev/schemas/ruleset-v1.schema.json");
            schema.put("title", "ruleset");
            schema.put("description", "An l2o ruleset file (apiVersion l2o/v1, kind Ruleset): " + ruleset.path("description").asText());
            schema.put("type", "object");
            schema.put("additionalProperties", false);
            schema.putArray("required").add("apiVersion").add("kind");
            ObjectNode properties = schema.putObject("properties");
            properties.set("apiVersion", blueprint.path("properties").get("apiVersion"));
            properties.putObject("kind").put("description", "The document kind; always Ruleset.").put("const", "Ruleset");
            for (Iterator<Map.Entry<String, JsonNode>> fields = ruleset.path("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                properties.set(field.getKey(), field.getValue());
            }
            schema.set("$defs", blueprint.get("$defs"));
            return mapper.writeValueAsString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
