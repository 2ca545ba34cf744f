package dev.l2o.cli;

import dev.l2o.app.BlueprintYaml;
import dev.l2o.app.OpenSource;
import dev.l2o.blueprint.BlueprintDraft;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.connector.FetchRequest;
import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code l2o init}: draft a blueprint from the live configuration, a starting point for a consultant. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Draft a blueprint from the configuration (a starting point: criteria and benchmarks are left to decide).")
final class InitCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Mixin
    SourceOptions source = new SourceOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The blueprint file to write.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "drafted-blueprint", description = "metadata.name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    InitCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (Files.exists(out) && !force) {
            throw new L2oException(ErrorCode.BAD_ARGUMENT, out + " exists; use --force to overwrite it");
        }
        FetchRequest configurationOnly = new FetchRequest(FetchRequest.everything().objects(), Map.of(), false);
        try (OpenSource open = OpenSource.fetch(source.spec(environment.environment()), null, configurationOnly,
                Contexts.connectorContext(environment))) {
            BlueprintDraft draft = BlueprintDraft.of(open.snapshot(), name);
            String yaml = BlueprintYaml.of(draft);
            // A draft that does not load would be a defect of ours, not the user's: check before writing.
            BlueprintLoader.parse(yaml, out.toString());
            ReportOutput.writeAtomically(out, stream -> {
                try {
                    stream.write(yaml.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            draft.warnings().forEach(warning -> environment.err().println("l2o: " + warning));
            environment.err().println("l2o: wrote " + out + "; decide its entry/exit criteria and benchmarks, then run l2o validate " + out);
            return ExitCode.OK;
        }
    }
}
