package dev.l2o.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium for page tests. When it is missing and the tests run as root on a machine with
 * apt-get, it is installed (as {@code .ci/run} does on CI machines).
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser, installing it when it is missing and that is possible; empty when it cannot be had. */
    static synchronized Optional<Chromium> find() {
        Optional<Path> found = onPath();
        if (found.isEmpty() && isRoot() && onPath("apt-get").isPresent()) {
            run(List.of("apt-get", "update"), 600);
            run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"), 900);
            found = onPath();
        }
        return found.map(Chromium::new);
    }

    /** What one browser run left: exit code, standard output and standard error. */
    record Run(int exitCode, String out, String err) {
        /** Uncaught exceptions and console errors the page logged ({@code --enable-logging=stderr --v=0}). */
        List<String> pageErrors() {
            List<String> errors = new ArrayList<>();
            for (String line : err.split("\n")) {
                boolean console = line.contains(":CONSOLE") && (line.contains("ERROR") || line.contains("\"Uncaught"));
                if (line.contains("Uncaught") || console) {
                    errors.add(line);
                }
            }
            return errors;
        }
    }

    /** Loads {@code page} in a window of {@code width}×{@code height} and writes a screenshot of it to {@code png}. */
    Run screenshot(Path page, Path png, Path profile, int width, int height) {
        return browse(profile, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                page.toAbsolutePath().toUri().toString());
    }

    /** Loads {@code page} and returns the DOM after its scripts ran. */
    Run dumpDom(Path page, Path profile) {
        return browse(profile, "--dump-dom", page.toAbsolutePath().toUri().toString());
    }

    /** Loads {@code page} in a window {@code width} wide and returns the DOM after its scripts ran. */
    Run dumpDom(Path page, Path profile, int width) {
        return browse(profile, "--dump-dom", "--window-size=" + width + ",900", page.toAbsolutePath().toUri().toString());
    }

    /** Prints {@code page} to {@code pdf} as the browser's print does, with the page's own margin boxes only. */
    Run printToPdf(Path page, Path pdf, Path profile) {
        return browse(profile, "--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer",
                page.toAbsolutePath().toUri().toString());
    }

    private Run browse(Path profile, String... arguments) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(arguments));
        return run(command, 120);
    }

    private static Run run(List<String> command, int seconds) {
        try {
            Path out = Files.createTempFile("l2o-browser", ".out");
            Path err = Files.createTempFile("l2o-browser", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static Optional<Path> onPath() {
        for (String name : NAMES) {
            Optional<Path> path = onPath(name);
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
