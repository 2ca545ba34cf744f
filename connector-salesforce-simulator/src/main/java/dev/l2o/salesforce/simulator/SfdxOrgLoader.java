package dev.l2o.salesforce.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.metadata.Metadata;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import dev.l2o.salesforce.wsc.WscXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xml.sax.SAXException;

/** Reads the metadata files of an SFDX project into WSC records, as the org they were retrieved from holds them. */
final class SfdxOrgLoader {
    private static final String SUFFIX = "-meta.xml";

    private SfdxOrgLoader() {}

    static MetadataStore load(Path project) {
        MetadataStoreBuilder builder = new MetadataStoreBuilder();
        for (Path root : packageDirectories(project)) {
            for (Path file : metadataFiles(root)) {
                addFile(builder, project, file);
            }
        }
        return builder.build();
    }

    /** The package directories of {@code sfdx-project.json}, else {@code force-app}, else the folder itself. */
    static List<Path> packageDirectories(Path project) {
        Path descriptor = project.resolve("sfdx-project.json");
        if (Files.isRegularFile(descriptor)) {
            try {
                JsonNode json = new ObjectMapper().readTree(descriptor.toFile());
                List<Path> directories = new ArrayList<>();
                for (JsonNode entry : json.path("packageDirectories")) {
                    Path directory = project.resolve(entry.path("path").asText(""));
                    if (Files.isDirectory(directory)) {
                        directories.add(directory);
                    }
                }
                if (!directories.isEmpty()) {
                    return directories;
                }
            } catch (IOException e) {
                throw new L2oException(ErrorCode.BAD_SOURCE, descriptor + ": not valid JSON: " + e.getMessage(), e);
            }
        }
        Path forceApp = project.resolve("force-app");
        return List.of(Files.isDirectory(forceApp) ? forceApp : project);
    }

    private static List<Path> metadataFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, root + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void addFile(MetadataStoreBuilder builder, Path project, Path file) {
        String fileName = file.getFileName().toString();
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        int dot = stem.lastIndexOf('.');
        if (dot <= 0) {
            return;
        }
        String name = stem.substring(0, dot);
        String suffix = stem.substring(dot + 1);
        Class<? extends Metadata> type = typeOf(suffix);
        if (type == null) {
            return; // not a metadata type this client version knows (or not metadata at all)
        }
        Path folder = file.getParent();
        Path grandParent = folder == null ? null : folder.getParent();
        Path typeFolder = grandParent == null ? null : grandParent.getParent();
        String typeFolderName = typeFolder == null || typeFolder.getFileName() == null ? "" : typeFolder.getFileName().toString();
        Metadata record = read(project, file, type);
        if (typeFolderName.equals("objects") && !suffix.equals("object")) {
            builder.addChild("CustomObject", grandParent.getFileName().toString(), folder.getFileName().toString(), name, record);
        } else if (typeFolderName.equals("workflows")) {
            builder.addChild("Workflow", grandParent.getFileName().toString(), folder.getFileName().toString(), name, record);
        } else {
            String typeName = type.getSimpleName();
            builder.add(typeName, name, MetadataStoreBuilder.fileName(typeName, name), record);
        }
    }

    /** The WSC class of a file suffix: {@code flow} → Flow, {@code field} → CustomField. */
    static Class<? extends Metadata> typeOf(String suffix) {
        String simpleName = switch (suffix) {
            case "object" -> "CustomObject";
            case "field" -> "CustomField";
            default -> Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
        };
        try {
            Class<?> candidate = Class.forName(Metadata.class.getPackageName() + "." + simpleName);
            return Metadata.class.isAssignableFrom(candidate) ? candidate.asSubclass(Metadata.class) : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Metadata read(Path project, Path file, Class<? extends Metadata> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return WscXml.bind(WscXml.parse(in), type);
        } catch (SAXException e) {
            throw new L2oException(ErrorCode.MALFORMED_METADATA, project.relativize(file) + ": not well-formed XML: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new L2oException(ErrorCode.MALFORMED_METADATA, project.relativize(file) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, project.relativize(file) + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
