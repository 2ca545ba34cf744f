package dev.l2o.cli;

import dev.l2o.error.L2oException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** The {@code l2o} executable. {@link #run} returns the exit code; only {@link #main} exits. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err, System.getenv(), System.console() != null));
    }

    /**
     * Runs one command.
     *
     * @param environment where secrets and defaults come from
     * @param terminal whether stdout is a terminal (colour, progress bars, default text output)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal) {
        CommandLine commandLine = commandLine(new CliEnvironment(out, err, environment, terminal), args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line for one run of {@code args}, with the subcommands that run needs ({@link L2oCommand}). */
    static CommandLine commandLine(CliEnvironment environment, String... args) {
        CommandFactory factory = new CommandFactory(environment);
        CommandLine commandLine = new CommandLine(L2oCommand.class, factory);
        for (L2oCommand.Subcommand subcommand : L2oCommand.subcommandsFor(args)) {
            commandLine.addSubcommand(subcommand.name(), new CommandLine(subcommand.type(), factory));
        }
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof L2oException l2o) {
                err.println("l2o: " + l2o.getMessage());
                return ExitCode.of(l2o.type());
            }
            err.println("l2o: internal error: " + exception + " (please report it with the command that caused it)");
            return ExitCode.INTERNAL;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("l2o: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE;
        });
        return commandLine;
    }

    /** Creates command objects with the shared environment injected. */
    private record CommandFactory(CliEnvironment environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliEnvironment.class).newInstance(environment);
            } catch (NoSuchMethodException noEnvironmentConstructor) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
