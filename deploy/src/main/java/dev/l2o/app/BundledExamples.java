package dev.l2o.app;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example orgs under {@code examples/} that ship inside the jar, copied out to a folder so that
 * {@code l2o demo} works from any directory and inside the container image.
 */
public final class BundledExamples {
    private static final String ROOT = "/dev/l2o/demo/";

    private BundledExamples() {}

    /** Copies example {@code name} (e.g. {@code northwind}) into {@code target} and returns its folder there. */
    public static Path extract(String name, Path target) {
        URL url = BundledExamples.class.getResource(ROOT + name);
        if (url == null) {
            throw new L2oException(ErrorCode.INTERNAL_ERROR, "the example '" + name + "' is not bundled in this build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return copyTree(jar.getPath(ROOT + name), target.resolve(name));
                }
            }
            return copyTree(Path.of(uri), target.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copyTree(Path source, Path destination) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path out = destination.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(path, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return destination;
    }
}
