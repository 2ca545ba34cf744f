package dev.l2o.salesforce.sfdx;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Salesforce DX project on disk: its root and the folders that hold metadata.
 *
 * <p>With an {@code sfdx-project.json} the folders are its {@code packageDirectories} in declared order.
 * Without one (a partial retrieve), the folder's {@code force-app} if it has one, else the folder itself.
 * Metadata is found at any depth below these folders.
 *
 * @param root the project root; files are named relative to it
 * @param packageDirectories the folders to read, in order
 * @param attributes what {@code sfdx-project.json} says of the project ({@code sourceApiVersion},
 *     {@code namespace}, {@code packageDirectories} as written), sorted by key
 */
public record SfdxProject(Path root, List<Path> packageDirectories, Map<String, String> attributes) {
    /** The project file name. */
    public static final String PROJECT_FILE = "sfdx-project.json";

    public SfdxProject {
        requireNonNull(root, "root is null");
        packageDirectories = List.copyOf(packageDirectories);
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /**
     * Opens a project folder.
     *
     * @throws L2oException {@link ErrorCode#BAD_SOURCE} when the folder does not exist, {@code sfdx-project.json}
     *     is not valid JSON (with line and column) or names a package directory that does not exist
     */
    public static SfdxProject open(Path folder) {
        requireNonNull(folder, "folder is null");
        if (!Files.exists(folder)) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx:" + folder + ": no such directory");
        }
        if (!Files.isDirectory(folder)) {
            throw new L2oException(ErrorCode.BAD_SOURCE, "sfdx:" + folder + ": not a directory (give the SFDX project folder or a retrieve's .zip)");
        }
        Path projectFile = folder.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(projectFile)) {
            Path forceApp = folder.resolve("force-app");
            Path directory = Files.isDirectory(forceApp) ? forceApp : folder;
            return new SfdxProject(folder, List.of(directory), Map.of("packageDirectories", relative(folder, directory)));
        }
        JsonNode json = readJson(projectFile);
        List<Path> directories = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        Path normalizedRoot = folder.toAbsolutePath().normalize();
        for (JsonNode entry : json.path("packageDirectories")) {
            String path = entry.path("path").asText("");
            if (path.isBlank()) {
                throw new L2oException(ErrorCode.BAD_SOURCE, PROJECT_FILE + ": a packageDirectories entry has no path");
            }
            Path directory = folder.resolve(path).normalize();
            if (!directory.toAbsolutePath().normalize().startsWith(normalizedRoot)) {
                throw new L2oException(ErrorCode.BAD_SOURCE, PROJECT_FILE + ": package directory '" + path
                        + "' is outside the project");
            }
            if (!Files.isDirectory(directory)) {
                throw new L2oException(ErrorCode.BAD_SOURCE, PROJECT_FILE + ": package directory '" + path + "' does not exist");
            }
            if (!directories.contains(directory)) {
                directories.add(directory);
                declared.add(path);
            }
        }
        if (directories.isEmpty()) {
            throw new L2oException(ErrorCode.BAD_SOURCE, PROJECT_FILE + ": packageDirectories is missing or empty");
        }
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("packageDirectories", String.join(", ", declared));
        putText(attributes, json, "sourceApiVersion");
        putText(attributes, json, "namespace");
        return new SfdxProject(folder, directories, attributes);
    }

    /** Every regular file below the package directories, in path order, skipping hidden folders. */
    public List<Path> files() {
        Set<Path> files = new LinkedHashSet<>();
        for (Path directory : packageDirectories) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(Files::isRegularFile)
                        .filter(file -> !hidden(directory, file))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new L2oException(ErrorCode.UNREADABLE_FILE, relative(root, directory) + ": cannot list the folder: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(files);
    }

    /** A path relative to the project root, with {@code /} separators. */
    public String relative(Path file) {
        return relative(root, file);
    }

    private static String relative(Path root, Path file) {
        String relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    private static boolean hidden(Path directory, Path file) {
        for (Path part : directory.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readJson(Path projectFile) {
        try {
            // through the file's file system, not toFile(): a project may lie in a retrieve's zip
            try (InputStream in = Files.newInputStream(projectFile)) {
                return new ObjectMapper().readTree(in);
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? " " : location.getLineNr() + ":" + location.getColumnNr() + ": ";
            throw new L2oException(ErrorCode.BAD_SOURCE, PROJECT_FILE + ":" + where + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, PROJECT_FILE + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static void putText(Map<String, String> attributes, JsonNode json, String key) {
        JsonNode value = json.get(key);
        if (value != null && value.isValueNode() && !value.asText().isBlank()) {
            attributes.put(key, value.asText());
        }
    }
}
