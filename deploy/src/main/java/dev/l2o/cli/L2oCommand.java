package dev.l2o.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * The root command: only dispatches to subcommands. They are not listed in the annotation but in
 * {@link #SUBCOMMANDS}, because picocli builds the model of every registered subcommand by reflection before it
 * parses anything (about 0.3 s of a CI audit's start-up): a run registers only the subcommand it invokes.
 */
@Command(
        name = "l2o",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits a CRM (Salesforce, HubSpot) against a declared Lead-to-Order architecture (a blueprint).")
public final class L2oCommand {
    /** Every subcommand, in the order help lists them: adding a subcommand is one line here. */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("audit", AuditCommand.class),
            new Subcommand("snapshot", SnapshotCommand.class),
            new Subcommand("diff", DiffCommand.class),
            new Subcommand("metrics", MetricsCommand.class),
            new Subcommand("baseline", BaselineCommand.class),
            new Subcommand("validate", ValidateCommand.class),
            new Subcommand("rules", RulesCommand.class),
            new Subcommand("init", InitCommand.class),
            new Subcommand("demo", DemoCommand.class),
            new Subcommand("simulate", SimulateCommand.class),
            new Subcommand("serve", ServeCommand.class),
            new Subcommand("history", HistoryCommand.class));

    /** The root's own options that need no subcommand at all. */
    private static final Set<String> VERSION_OPTIONS = Set.of("--version", "-V");

    /** A subcommand: its name (as in its {@code @Command}) and its command class. */
    record Subcommand(String name, Class<?> type) {}

    /**
     * The subcommands a run of {@code args} needs: the one it names first, none for {@code l2o --version}, and all of
     * them otherwise, so that {@code l2o --help}, an unknown command's error and its suggestions list every one.
     */
    static List<Subcommand> subcommandsFor(String... args) {
        if (args.length == 1 && VERSION_OPTIONS.contains(args[0])) {
            return List.of();
        }
        if (args.length > 0) {
            for (Subcommand subcommand : SUBCOMMANDS) {
                if (subcommand.name().equals(args[0])) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }
}
