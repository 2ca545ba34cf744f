package dev.l2o.blueprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads blueprint files ({@code apiVersion: l2o/v1}, {@code kind: Blueprint}; CONTRACT.md section 2).
 *
 * <p>A blueprint is checked in full before it is used: YAML syntax, the {@linkplain BlueprintSchema schema}
 * (unknown keys, wrong types, missing required keys, allowed values and ranges), unique keys, references
 * between parts, contradictions (a won stage that is not closed), and CEL expressions that do not compile.
 * Every problem is reported with the file, line and column; all of them are collected before anything is
 * thrown. Stateless and thread-safe.
 */
public final class BlueprintLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The largest blueprint file read; YAML allows at most {@link YamlTree#MAX_CODE_POINTS} code points anyway. */
    static final int MAX_BYTES = 1 << 20;

    private BlueprintLoader() {}

    /**
     * Reads and checks the blueprint in {@code file} (UTF-8).
     *
     * @throws BlueprintException when the blueprint has problems (all of them, with positions)
     * @throws L2oException with {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read
     */
    public static LoadedBlueprint load(Path file) {
        return load(file, ValidatedBlueprints.none());
    }

    /**
     * Reads and checks the blueprint in {@code file} (UTF-8), skipping the schema check when {@code validated} holds
     * its text, and recording it there when it passes.
     *
     * @throws BlueprintException when the blueprint has problems (all of them, with positions)
     * @throws L2oException with {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read
     */
    public static LoadedBlueprint load(Path file, ValidatedBlueprints validated) {
        return parse(readText(file, "blueprint"), file.toString(), validated);
    }

    /**
     * The UTF-8 text of {@code file} (without a byte order mark), which {@code what} names in errors.
     *
     * @throws BlueprintException when it is not UTF-8
     * @throws L2oException with {@link ErrorCode#UNREADABLE_FILE} when the file cannot be read
     */
    static String readText(Path file, String what) {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // read one byte past the limit rather than trusting the size: a pipe or /dev/zero has none
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BlueprintException(List.of(new BlueprintProblem(name, 1, 1,
                        "the file is larger than " + (MAX_BYTES >> 20) + " MiB; a blueprint is a few kilobytes of YAML")));
            }
        } catch (NoSuchFileException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, name + ": " + what + " file not found");
        } catch (AccessDeniedException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, name + ": permission denied");
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, name + ": cannot be read"
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BlueprintException(List.of(new BlueprintProblem(name, 1, 1, "the file is not UTF-8 text")));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads and checks the blueprint {@code yaml}; {@code fileName} names it in problems and in the result.
     *
     * @throws BlueprintException when the blueprint has problems (all of them, with positions)
     */
    public static LoadedBlueprint parse(String yaml, String fileName) {
        return parse(yaml, fileName, ValidatedBlueprints.none());
    }

    /**
     * Reads and checks the blueprint {@code yaml}, skipping the schema check when {@code validated} holds it, and
     * recording it there when it passes; {@code fileName} names it in problems and in the result.
     *
     * @throws BlueprintException when the blueprint has problems (all of them, with positions)
     */
    public static LoadedBlueprint parse(String yaml, String fileName, ValidatedBlueprints validated) {
        YamlTree tree = tree(yaml, fileName, "Blueprint");
        List<Issue> errors = new ArrayList<>(tree.issues());
        boolean validatedBefore = validated.contains(yaml);
        List<Issue> schemaIssues = validatedBefore ? List.of() : BlueprintSchema.check(tree.root());
        List<Issue> identity = identityIssues(schemaIssues);
        if (!identity.isEmpty()) {
            // another kind of document (a schedule file, an old version): the rest would only be noise
            errors.addAll(identity);
            throw new BlueprintException(tree.locate(errors, fileName));
        }
        errors.addAll(schemaIssues);
        BlueprintChecks checks = BlueprintChecks.run(tree, yaml, !validatedBefore);
        errors.addAll(checks.errors());
        if (!errors.isEmpty()) {
            throw new BlueprintException(tree.locate(errors, fileName));
        }
        Blueprint blueprint = bind(tree.root(), Blueprint.class, tree, fileName);
        if (!validatedBefore) {
            validated.add(yaml);
        }
        List<BlueprintProblem> warnings = tree.locate(checks.warnings(), fileName).stream()
                .sorted(BlueprintProblem.ORDER)
                .toList();
        return new LoadedBlueprint(blueprint, fileName, tree.positions(), warnings);
    }

    /** The document in {@code yaml}; an empty file is a problem that says how a {@code kind} file starts. */
    static YamlTree tree(String yaml, String fileName, String kind) {
        YamlTree tree = YamlTree.read(yaml, fileName);
        if (tree.root() == null) {
            throw new BlueprintException(List.of(new BlueprintProblem(fileName, 1, 1, "the file is empty; a "
                    + kind.toLowerCase(Locale.ROOT) + " starts with apiVersion: l2o/v1 and kind: " + kind)));
        }
        return tree;
    }

    /**
     * The problems with {@code apiVersion} and {@code kind} among {@code schemaIssues}. When there are any, the file
     * is another kind of document (a schedule file, a blueprint given as a ruleset, an old version) and the rest of
     * the schema's problems would only be noise.
     */
    static List<Issue> identityIssues(List<Issue> schemaIssues) {
        return schemaIssues.stream()
                .filter(issue -> issue.pointer().equals("/apiVersion") || issue.pointer().equals("/kind"))
                .toList();
    }

    /** {@code node} (the root of {@code tree} or a part of it with the same pointers) as a {@code type}. */
    static <T> T bind(JsonNode node, Class<T> type, YamlTree tree, String fileName) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            // the schema admits only what the records take, so this means a value out of a Java type's range
            String pointer = "";
            for (JsonMappingException.Reference reference : e.getPath()) {
                pointer = SourcePositions.child(pointer,
                        reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
            }
            String name = pointer.isEmpty() ? "a value" : "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "'";
            throw new BlueprintException(tree.locate(List.of(Issue.atValue(pointer, name + " cannot be read: it is out of range")),
                    fileName));
        } catch (JsonProcessingException e) {
            throw new BlueprintException(List.of(new BlueprintProblem(fileName, 1, 1, "the file cannot be read")));
        }
    }
}
