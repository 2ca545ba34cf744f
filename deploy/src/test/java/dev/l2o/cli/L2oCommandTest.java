package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.cli.L2oCommand.Subcommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class L2oCommandTest {
    private static final String[] ALL_NAMES = L2oCommand.SUBCOMMANDS.stream().map(Subcommand::name).toArray(String[]::new);

    @Test
    void every_subcommand_is_registered_under_the_name_its_command_declares() {
        assertThat(L2oCommand.SUBCOMMANDS)
                .allSatisfy(subcommand -> assertThat(subcommand.type().getAnnotation(Command.class).name())
                        .isEqualTo(subcommand.name()));
        assertThat(ALL_NAMES).doesNotHaveDuplicates();
    }

    @Test
    void a_run_of_one_subcommand_builds_only_that_subcommand() {
        CommandLine commandLine = Main.commandLine(environment(), "audit", "--blueprint", "b.yaml", "--source", "sfdx:.");

        assertThat(commandLine.getSubcommands()).containsOnlyKeys("audit");
    }

    @Test
    void the_version_needs_no_subcommand_and_help_and_unknown_commands_need_all() {
        assertThat(L2oCommand.subcommandsFor("--version")).isEmpty();
        assertThat(L2oCommand.subcommandsFor("-V")).isEmpty();
        assertThat(L2oCommand.subcommandsFor()).isEqualTo(L2oCommand.SUBCOMMANDS);
        assertThat(L2oCommand.subcommandsFor("--help")).isEqualTo(L2oCommand.SUBCOMMANDS);
        assertThat(L2oCommand.subcommandsFor("audti")).isEqualTo(L2oCommand.SUBCOMMANDS);
        // an option value that happens to be a subcommand's name does not pick it
        assertThat(L2oCommand.subcommandsFor("--version", "audit")).isEqualTo(L2oCommand.SUBCOMMANDS);
    }

    @Test
    void help_lists_every_subcommand() {
        CliRun help = CliRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Commands:").contains(ALL_NAMES);
    }

    @Test
    void an_unknown_command_is_a_usage_error_that_points_at_the_help_listing_all() {
        CliRun unknown = CliRun.of("audti");

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err())
                .isEqualTo("l2o: Unmatched argument at index 0: 'audti'\nTry 'l2o --help' for more information.\n");
    }

    @Test
    void a_subcommand_alone_still_has_its_own_help_and_the_version_still_prints() {
        CliRun auditHelp = CliRun.of("audit", "--help");
        CliRun version = CliRun.of("--version");

        assertThat(auditHelp.exitCode()).isZero();
        assertThat(auditHelp.out()).startsWith("Usage: l2o audit");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("l2o ");
    }

    private static CliEnvironment environment() {
        return new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), false);
    }
}
