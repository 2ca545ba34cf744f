package dev.l2o.cli;

import static java.util.Objects.requireNonNull;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --out}, mixed into every command that writes a report ({@code audit}, {@code metrics},
 * {@code diff}, {@code demo}) so that they mean the same everywhere: {@code text} is printed on standard output; every
 * other format is written to a file, in the folder {@code --out} (named after the format: {@code report.json},
 * {@code metrics.json}, {@code diff.md}) or, when one file format is written and {@code --out} has its extension,
 * to that file. A command without a default folder prints its one file format on standard output when
 * {@code --out} is absent, so that it pipes. The command gives its formats and defaults when it creates the mixin.
 */
final class ReportOutputOptions {
    /** Its completion candidates and help are the command's formats, set by {@link OfferedFormats}. */
    @Option(names = "--format", paramLabel = "F", description = "A report format, repeatable.")
    List<String> formats = List.of();

    @Option(names = "--out", paramLabel = "PATH",
            description = "Where report files go: a folder (one file per format, named after it), or a file with the "
                    + "format's extension when one file format is written (--format md --out comment.md).")
    Path out;

    private final List<String> offeredFormats;
    private final List<String> defaultFormats;
    private final Path defaultFolder;
    /** The {@code --out} folder that links must not lead out of, when these options aim at a subfolder of it. */
    private Path outerFolder;

    /**
     * @param offeredFormats the formats the command writes, from its writers' registry
     * @param defaultFormats the formats without {@code --format}
     * @param defaultFolder the folder without {@code --out}, or null to print the one file format on standard output
     */
    ReportOutputOptions(List<String> offeredFormats, List<String> defaultFormats, Path defaultFolder) {
        this.offeredFormats = List.copyOf(offeredFormats);
        this.defaultFormats = List.copyOf(defaultFormats);
        this.defaultFolder = defaultFolder;
    }

    /**
     * The formats asked for (or the defaults), each once, in order; checked before any source is read, so that a
     * usage error costs no API call.
     *
     * @throws L2oException BAD_ARGUMENT when several file formats have nowhere to go but standard output
     */
    List<String> formats() {
        List<String> chosen = List.copyOf(new LinkedHashSet<>(formats.isEmpty() ? defaultFormats : formats));
        long files = chosen.stream().filter(format -> !isText(format)).count();
        if (files > 1 && destination().isEmpty()) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, "--format " + String.join(", ", chosen)
                    + ": more than one file format needs --out DIR");
        }
        return chosen;
    }

    /**
     * Writes each rendering where its format goes; returns the files written.
     *
     * @param renderings the report in each format of {@link #formats()}, in that order
     */
    List<Path> write(List<Rendering> renderings, CliEnvironment environment) {
        List<Rendering> files = renderings.stream().filter(r -> !isText(r.format())).toList();
        Optional<Path> destination = destination();
        List<Path> written = new ArrayList<>();
        for (Rendering rendering : renderings) {
            if (isText(rendering.format()) || destination.isEmpty()) {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                render(rendering, text);
                environment.out().print(text.toString(StandardCharsets.UTF_8));
                environment.out().flush();
                continue;
            }
            boolean toFile = isFile(destination.get(), files);
            Path file = toFile ? destination.get() : destination.get().resolve(rendering.fileName());
            Path root = outerFolder != null ? outerFolder : toFile ? destination.get().toAbsolutePath().getParent() : destination.get();
            ReportOutput.writeReport(root, file, out -> render(rendering, out));
            written.add(file);
        }
        return written;
    }

    /** The same options aimed at a subfolder of their folder (the demo writes one folder per org). */
    ReportOutputOptions inFolder(String name) {
        ReportOutputOptions sub = new ReportOutputOptions(offeredFormats, defaultFormats, null);
        sub.formats = formats;
        sub.out = destination().map(folder -> folder.resolve(name)).orElse(null);
        sub.outerFolder = outerFolder != null ? outerFolder : destination().orElse(null);
        return sub;
    }

    private Optional<Path> destination() {
        return Optional.ofNullable(out != null ? out : defaultFolder);
    }

    private static boolean isText(String format) {
        return "text".equals(format);
    }

    /** {@code --out} names a file, not a folder, when it has the extension of the one file written. */
    private static boolean isFile(Path destination, List<Rendering> files) {
        if (files.size() != 1) {
            return false;
        }
        String fileName = files.get(0).fileName();
        String extension = fileName.substring(fileName.lastIndexOf('.'));
        return destination.getFileName() != null && destination.getFileName().toString().endsWith(extension)
                && !Files.isDirectory(destination);
    }

    private static void render(Rendering rendering, OutputStream out) {
        try {
            rendering.content().writeTo(out);
        } catch (IOException e) {
            throw new L2oException(ErrorCode.UNREADABLE_FILE, "cannot write the " + rendering.format() + " report: " + e.getMessage(), e);
        }
    }

    /**
     * Gives a command's {@code --format} its formats as completion candidates and in its help, so that both derive from
     * the registry of the command's writers: {@code @Command(modelTransformer = ReportOutputOptions.OfferedFormats.class)}.
     */
    static final class OfferedFormats implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof ReportOutputOptions options) {
                    OptionSpec format = command.findOption("--format");
                    command.remove(format);
                    command.addOption(OptionSpec.builder(format)
                            .completionCandidates(options.offeredFormats)
                            .description("One of " + String.join(", ", options.offeredFormats) + "; repeatable. text goes to "
                                    + "standard output, any other to a file under --out. Default: "
                                    + String.join(" and ", options.defaultFormats) + ".")
                            .build());
                }
            }
            return command;
        }
    }

    /** What a rendering writes; does not close the stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * A report in one format, ready to write.
     *
     * @param format the {@code --format} name
     * @param fileName its file name in an {@code --out} folder
     * @param content the report's bytes
     */
    record Rendering(String format, String fileName, Content content) {
        Rendering {
            requireNonNull(format, "format is null");
            requireNonNull(fileName, "fileName is null");
            requireNonNull(content, "content is null");
        }
    }
}
