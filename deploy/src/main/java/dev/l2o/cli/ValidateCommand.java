package dev.l2o.cli;

import dev.l2o.blueprint.BlueprintException;
import dev.l2o.blueprint.BlueprintLoader;
import dev.l2o.blueprint.BlueprintProblem;
import dev.l2o.blueprint.BlueprintSchema;
import dev.l2o.blueprint.LoadedBlueprint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code l2o validate B...}: lints blueprints, with file:line:column in every error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Lint blueprint files: schema, references, contradictions; line:column in every error.")
final class ValidateCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(paramLabel = "BLUEPRINT", arity = "0..*", description = "Blueprint files to check.")
    List<Path> files = List.of();

    @Option(names = "--print-schema", description = "Print the blueprint's JSON Schema (for editors) and exit.")
    boolean printSchema;

    ValidateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (printSchema) {
            environment.out().print(BlueprintSchema.text());
            environment.out().flush();
            return ExitCode.OK;
        }
        if (files.isEmpty()) {
            environment.err().println("l2o: validate needs at least one BLUEPRINT file (or --print-schema)");
            return ExitCode.USAGE;
        }
        int exit = ExitCode.OK;
        for (Path file : files) {
            try {
                LoadedBlueprint loaded = BlueprintLoader.load(file);
                for (BlueprintProblem warning : loaded.warnings()) {
                    environment.err().println(warning.format() + " (warning)");
                }
                environment.out().println(file + ": ok (" + loaded.blueprint().opportunityLifecycle().stages().size()
                        + " stages, " + loaded.blueprint().fields().size() + " fields, "
                        + loaded.blueprint().routing().size() + " routing rules, "
                        + loaded.blueprint().rules().size() + " custom rules)");
            } catch (BlueprintException e) {
                e.problems().forEach(problem -> environment.err().println(problem.format()));
                exit = ExitCode.USAGE;
            }
        }
        return exit;
    }
}
