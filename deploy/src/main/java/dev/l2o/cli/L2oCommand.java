package dev.l2o.cli;

import picocli.CommandLine.Command;

/** The root command: only dispatches to subcommands. */
@Command(
        name = "l2o",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Audits a CRM (Salesforce, HubSpot) against a declared Lead-to-Order architecture (a blueprint).",
        subcommands = {
            AuditCommand.class,
            SnapshotCommand.class,
            DiffCommand.class,
            MetricsCommand.class,
            BaselineCommand.class,
            ValidateCommand.class,
            RulesCommand.class,
            InitCommand.class,
            DemoCommand.class,
            SimulateCommand.class,
            ServeCommand.class,
            HistoryCommand.class,
        })
public final class L2oCommand {}
