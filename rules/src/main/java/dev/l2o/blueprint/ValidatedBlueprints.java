package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Blueprints that passed all checks before, remembered in a directory so that the next run of the same file skips
 * building the JSON Schema validator (a couple of hundred classes, a good share of a CI audit's start-up) and compiling
 * its CEL expressions (the CEL compiler with protobuf and Guava, about 900 classes, which {@code l2o metrics} would load
 * for nothing else). An entry is an empty file named by the SHA-256 of the l2o version, the schema and the blueprint's
 * text: a changed blueprint, schema or l2o never matches an old entry. Only the two checks that cost start-up are
 * skipped, the schema and the compilation of CEL expressions (whose outcome depends on nothing but that text and l2o);
 * the other checks (references, contradictions) and their warnings run every time. A run that evaluates the
 * expressions (an audit with custom rules or routing conditions) compiles them then.
 *
 * <p>The directory is a cache: one that cannot be created, read or written only means the schema is checked again,
 * never an error. Immutable and thread-safe; concurrent processes may record the same entry.
 */
public final class ValidatedBlueprints {
    private static final ValidatedBlueprints NONE = new ValidatedBlueprints(null, "");

    /** Where entries are kept; null when nothing is remembered. */
    private final Path directory;
    private final String toolVersion;

    private ValidatedBlueprints(Path directory, String toolVersion) {
        this.directory = directory;
        this.toolVersion = toolVersion;
    }

    /** Remembers nothing: every blueprint is checked against the schema. */
    public static ValidatedBlueprints none() {
        return NONE;
    }

    /**
     * Remembers blueprints in {@code directory} (created when the first one is recorded) for this {@code toolVersion}
     * of l2o.
     */
    public static ValidatedBlueprints in(Path directory, String toolVersion) {
        return new ValidatedBlueprints(requireNonNull(directory, "directory is null"),
                requireNonNull(toolVersion, "toolVersion is null"));
    }

    /** Whether {@code yaml}, the text of a blueprint, passed the schema before. */
    boolean contains(String yaml) {
        if (directory == null) {
            return false;
        }
        try {
            return Files.isRegularFile(directory.resolve(key(yaml)));
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }

    /** Records that {@code yaml}, the text of a blueprint, passed the schema; quietly does nothing when it cannot. */
    void add(String yaml) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Files.createFile(directory.resolve(key(yaml)));
        } catch (FileAlreadyExistsException e) {
            // recorded by another run meanwhile (or the directory path is a file: then nothing is ever recorded)
        } catch (IOException | InvalidPathException | SecurityException | UnsupportedOperationException e) {
            // an unwritable cache costs the next run the schema check, nothing else
        }
    }

    /** The entry's name for {@code yaml}: SHA-256 over the l2o version, the schema and the blueprint, in hex. */
    private String key(String yaml) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : new String[] {toolVersion, BlueprintSchema.text(), yaml}) {
            sha256.update(part.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public String toString() {
        return directory == null ? "no validated-blueprint cache" : "validated blueprints in " + directory;
    }
}
