package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RulesCommandTest {
    @Test
    void listsEveryBuiltinRuleWithItsSeverityAndDimension() {
        // when
        CliRun run = CliRun.of("rules");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).hasSize(25);
        assertThat(run.out()).containsPattern("L2O-CRITERIA-UNENFORCED\\s+warning\\s+qualification");
    }

    @Test
    void describesOneRuleInFull() {
        // when
        CliRun run = CliRun.of("rules", "l2o-stale-deal");

        // then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("L2O-STALE-DEAL (warning, pipeline)");
    }

    @Test
    void anUnknownRuleIsAUsageError() {
        // when
        CliRun run = CliRun.of("rules", "L2O-NOPE");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no built-in rule 'L2O-NOPE'");
    }
}
