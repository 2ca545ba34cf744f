package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.salesforce.simulator.OrgSizes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code l2o simulate}: the sizes of a generated Salesforce org, and the options that only go with one. */
class SimulateCommandTest {
    private static OrgSizes sizes(String... args) {
        return CommandLine.populateCommand(new SimulateCommand(null), args).sizes();
    }

    @Test
    void theLargeOrgOfIssue14HasTheFlowsValidationRulesAndFieldsAsked() {
        // when
        OrgSizes sizes = sizes("salesforce", "--generate", "1500000", "--flows", "2000", "--validation-rules", "500", "--fields", "600");

        // then
        assertThat(sizes).isEqualTo(new OrgSizes(600, 2_000, 1_500_000, 500));
        assertThat(OrgSizes.opportunityFields(sizes.fields())).isEqualTo(300);
    }

    @Test
    void aGeneratedOrgWithoutSizesKeepsItsDefaults() {
        // then
        assertThat(sizes("salesforce", "--generate", "100")).isEqualTo(new OrgSizes(50, 20, 100));
    }

    @Test
    void sizesWithoutASalesforceOrgToGenerateAreABadArgument() {
        // when
        CliRun withoutGenerate = CliRun.of("simulate", "salesforce", "--flows", "2000");
        CliRun hubspot = CliRun.of("simulate", "hubspot", "--generate", "10", "--fields", "5");

        // then
        assertThat(withoutGenerate.exitCode()).isEqualTo(2);
        assertThat(withoutGenerate.err()).contains("--fields, --flows and --validation-rules size a generated org");
        assertThat(hubspot.exitCode()).isEqualTo(2);
        assertThat(hubspot.err()).contains("salesforce --generate");
    }

    @Test
    void aNegativeSizeIsABadArgument() {
        // when
        CliRun run = CliRun.of("simulate", "salesforce", "--generate", "10", "--validation-rules", "-1");

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--validation-rules must not be negative: -1");
    }
}
