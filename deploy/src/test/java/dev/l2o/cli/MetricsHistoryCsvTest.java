package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2o metrics --history-csv FILE}: the file read from its bytes gives the figures and errors of its rows. */
class MetricsHistoryCsvTest {
    private static final String ORG = AuditCommandTest.ORG;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void theOrgsOwnHistoryGivenAsAFileWithOtherQuotingAndLineEndsGivesTheSameStageFigures() throws IOException {
        // given: the example org's opportunity history, every field quoted, CRLF line ends, a byte order mark
        List<String> lines = Files.readAllLines(Path.of(ORG, "data", "OpportunityHistory.csv"), StandardCharsets.UTF_8);
        List<String> quoted = lines.stream().map(MetricsHistoryCsvTest::quoted).toList();
        Path file = Files.writeString(temp.resolve("history.csv"), "\uFEFF" + String.join("\r\n", quoted) + "\r\n");
        Path withoutLeads = copyWithoutLeadHistory(temp.resolve("org"));

        // when
        Cli fromFile = metrics("sfdx:" + withoutLeads, "--history-csv", file.toString());
        Cli fromProject = metrics("sfdx:" + withoutLeads);

        // then
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromProject.exitCode()).as(fromProject.err()).isZero();
        JsonNode expected = JSON.readTree(fromProject.out());
        JsonNode actual = JSON.readTree(fromFile.out());
        assertThat(actual.path("stages")).isEqualTo(expected.path("stages"));
        assertThat(actual.path("records")).isEqualTo(expected.path("records"));
        assertThat(actual.path("winRate")).isEqualTo(expected.path("winRate"));
        assertThat(actual.path("stages").size()).isPositive();
    }

    @Test
    void aMalformedRowOfTheFileIsAOneLineErrorNamingFileAndLine() throws IOException {
        // given
        Path file = Files.writeString(temp.resolve("history.csv"), """
                OpportunityId,StageName,Amount,CreatedDate
                006A,Qualification,100,2024-01-05T09:30:00.000+0000
                006A,"Needs
                Analysis",100,2024-01-06T09:30:00.000+0000
                006B,Qualification,1O0,2024-01-07T09:30:00.000+0000
                """);

        // when
        Cli run = metrics("sfdx:" + ORG, "--history-csv", file.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines().toList()).last().isEqualTo("l2o: " + file + ":5: column Amount: '1O0' is not a number");
    }

    /** A line of plain fields (no quotes or commas inside) with every field quoted. */
    private static String quoted(String line) {
        return "\"" + line.replace("\"", "").replace(",", "\",\"") + "\"";
    }

    private static Cli metrics(String source, String... more) {
        List<String> args = new ArrayList<>(List.of("metrics", "--source", source, "--blueprint", ORG + "/blueprint.yaml",
                "--as-of", AuditCommandTest.AS_OF, "--format", "json"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The example org without its lead status history, so that the project's history is its opportunity rows. */
    private static Path copyWithoutLeadHistory(Path target) throws IOException {
        Path source = Path.of(ORG);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path path : files.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (!path.getFileName().toString().equals("LeadHistory.csv")) {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }
}
