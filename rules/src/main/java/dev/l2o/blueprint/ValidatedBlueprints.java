package dev.l2o.blueprint;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

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
 * never an error. It keeps the {@value #DEFAULT_LIMIT} entries used last: a hit marks its entry used, and recording
 * one past the limit deletes the least recently used (a CI cache of a repository whose blueprint changes with every
 * commit would otherwise grow without end). Immutable and thread-safe; concurrent processes may record the same entry.
 */
public final class ValidatedBlueprints {
    /** Entries kept: a few hundred empty files, a blueprint's worth of commits and branches. */
    static final int DEFAULT_LIMIT = 500;

    private static final ValidatedBlueprints NONE = new ValidatedBlueprints(null, "", DEFAULT_LIMIT);

    /** Where entries are kept; null when nothing is remembered. */
    private final Path directory;
    private final String toolVersion;
    private final int limit;

    private ValidatedBlueprints(Path directory, String toolVersion, int limit) {
        this.directory = directory;
        this.toolVersion = toolVersion;
        this.limit = limit;
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
        return in(directory, toolVersion, DEFAULT_LIMIT);
    }

    /** As {@link #in(Path, String)}, keeping {@code limit} entries. */
    static ValidatedBlueprints in(Path directory, String toolVersion, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new ValidatedBlueprints(requireNonNull(directory, "directory is null"),
                requireNonNull(toolVersion, "toolVersion is null"), limit);
    }

    /** Whether {@code yaml}, the text of a blueprint, passed the schema before. */
    boolean contains(String yaml) {
        if (directory == null) {
            return false;
        }
        try {
            Path entry = entry(yaml);
            if (!Files.isRegularFile(entry)) {
                return false;
            }
            markUsed(entry);
            return true;
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
            Files.createFile(entry(yaml));
            prune();
        } catch (FileAlreadyExistsException e) {
            // recorded by another run meanwhile (or the directory path is a file: then nothing is ever recorded)
        } catch (IOException | InvalidPathException | SecurityException | UnsupportedOperationException e) {
            // an unwritable cache costs the next run the schema check, nothing else
        }
    }

    /** The file that records {@code yaml}. */
    Path entry(String yaml) {
        return directory.resolve(key(yaml));
    }

    /** Marks {@code entry} used now, so that pruning keeps it; a read-only cache keeps its old time. */
    private static void markUsed(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | SecurityException e) {
            // the entry may then be pruned earlier than needed: it only costs a schema check
        }
    }

    /** Deletes the least recently used entries beyond the limit. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> listed = Files.list(directory)) {
            entries = new ArrayList<>(listed.filter(Files::isRegularFile).toList());
        }
        if (entries.size() <= limit) {
            return;
        }
        entries.sort(Comparator.comparing(ValidatedBlueprints::lastUsed).reversed());
        for (Path stale : entries.subList(limit, entries.size())) {
            Files.deleteIfExists(stale);
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
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
