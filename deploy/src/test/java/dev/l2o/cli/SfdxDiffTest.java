package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2o diff} on two SFDX folders, as the CI jobs run it on a pull request's base and head. */
class SfdxDiffTest {
    private static final Path NORTHWIND = Path.of("..", "examples", "northwind").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void activatingTheRenewalFlowAndDeletingAFieldShowsWhatIsResolvedAndWhatIsIntroduced() throws IOException {
        // given
        Path base = copy(NORTHWIND, folder.resolve("base"));
        Path head = copy(NORTHWIND, folder.resolve("head"));
        Path flow = head.resolve("sales-ops/main/default/flows/Renewal_Kickoff_120_Days.flow-meta.xml");
        Files.writeString(flow, Files.readString(flow).replace("<status>Draft</status>", "<status>Active</status>"));
        Files.delete(head.resolve("force-app/main/default/objects/Opportunity/fields/Pain__c.field-meta.xml"));

        // when
        Cli cli = Cli.run("diff", "sfdx:" + base, "sfdx:" + head, "--blueprint", head.resolve("blueprint.yaml").toString(),
                "--format", "md", "--as-of", "2026-11-01");

        // then
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        String markdown = cli.out();
        assertThat(markdown).contains("❌ **This change introduces 1 finding at or above `error`**");
        String introduced = markdown.substring(markdown.indexOf("### Findings introduced"), markdown.indexOf("### Findings resolved"));
        String resolved = markdown.substring(markdown.indexOf("### Findings resolved"), markdown.indexOf("### What changed"));
        assertThat(introduced).contains("`L2O-FIELD-MISSING`").contains("`salesforce:Opportunity.Pain__c`");
        assertThat(resolved).contains("`L2O-AUTOMATION-INACTIVE`").contains("`salesforce:Flow/Renewal_Kickoff_120_Days`");
        assertThat(markdown.substring(markdown.indexOf("### What changed")))
                .contains("| removed |").contains("Pain\\_\\_c").contains("| modified |").contains("Renewal\\_Kickoff\\_120\\_Days");
    }

    /** A copy of the folder {@code source} at {@code target}, for tests that change a project. */
    static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
