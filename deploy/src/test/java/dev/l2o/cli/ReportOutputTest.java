package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report files stay inside {@code --out}, replace only files l2o wrote, and never half-replace one. */
class ReportOutputTest {
    @TempDir
    Path folder;

    private Path out() {
        return folder.resolve("l2o-report");
    }

    private CliRun audit(String... output) {
        String[] args = new String[6 + output.length];
        System.arraycopy(new String[] {"audit", "--blueprint", AuditCommandTest.BLUEPRINT, "--source", "sfdx:" + AuditCommandTest.ORG,
                "--as-of=" + AuditCommandTest.AS_OF}, 0, args, 0, 6);
        System.arraycopy(output, 0, args, 6, output.length);
        return CliRun.of(args);
    }

    /** Standard error without the progress lines. */
    private static List<String> errors(CliRun run) {
        return run.err().lines().filter(line -> !line.startsWith("l2o: Reading")).toList();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a report file of {@code text} as the command line does. */
    static void writeReport(Path root, Path file, String text) {
        ReportOutput.writeReport(root, file, out -> {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void rewritesItsOwnReportsAndNamesThemInTheMarker() throws IOException {
        // given
        CliRun first = audit("--format", "json", "--format", "md", "--out", out().toString());

        // when
        CliRun second = audit("--format", "json", "--format", "md", "--out", out().toString());

        // then
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
        assertThat(Files.readAllLines(out().resolve(ReportOutput.MARKER))).filteredOn(line -> !line.startsWith("#"))
                .containsExactly("report.json", "report.md");
    }

    @Test
    void leavesOtherFilesInTheFolderAlone() throws IOException {
        // given
        Files.createDirectories(out());
        write(out().resolve("notes.txt"), "mine");

        // when
        CliRun run = audit("--format", "json", "--out", out().toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Files.readString(out().resolve("notes.txt"))).isEqualTo("mine");
        assertThat(out().resolve("report.json")).isRegularFile();
    }

    @Test
    void neverOverwritesAFileL2oDidNotWrite() throws IOException {
        // given: a report.json of somebody else's in the folder
        Files.createDirectories(out());
        write(out().resolve("report.json"), "{\"theirs\":true}");

        // when
        CliRun run = audit("--format", "json", "--out", out().toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(errors(run)).singleElement().asString()
                .contains(out().resolve("report.json") + ": exists and l2o did not write it");
        assertThat(Files.readString(out().resolve("report.json"))).isEqualTo("{\"theirs\":true}");
    }

    @Test
    void neverOverwritesAnOutFileL2oDidNotWrite() throws IOException {
        // given
        Path comment = folder.resolve("comment.md");
        write(comment, "a draft of mine");

        // when
        CliRun run = audit("--format", "md", "--out", comment.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(Files.readString(comment)).isEqualTo("a draft of mine");
    }

    @Test
    void refusesAReportFileLinkedOutOfOut() throws IOException {
        // given: report.json in --out is a symbolic link to a file elsewhere
        Path elsewhere = folder.resolve("elsewhere.json");
        write(elsewhere, "precious");
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("report.json"), elsewhere);

        // when
        CliRun run = audit("--format", "json", "--out", out().toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(errors(run)).singleElement().asString()
                .contains("report.json: is a symbolic link to " + elsewhere.toRealPath() + ", outside --out");
        assertThat(Files.readString(elsewhere)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(out().resolve("report.json"))).isTrue();
    }

    @Test
    void refusesAFolderLinkedOutOfOut() throws IOException {
        // given: the demo's per-org folder inside --out is a symbolic link to a folder elsewhere
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("northwind"), elsewhere);

        String target = elsewhere.toRealPath().toString();

        // when / then
        assertThatThrownBy(() -> writeReport(out(), out().resolve("northwind/report.json"), "{}"))
                .isInstanceOfSatisfying(L2oException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_ARGUMENT);
                    assertThat(e.getMessage()).contains("northwind: is a symbolic link to " + target);
                });
        try (var entries = Files.list(elsewhere)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void followsLinksThatStayInsideOut() throws IOException {
        // given: --out itself is a link (the user's choice), and a folder inside it links to another inside it
        Path real = Files.createDirectories(folder.resolve("real/latest"));
        Path out = folder.resolve("linked-out");
        Files.createSymbolicLink(out, folder.resolve("real"));
        Files.createSymbolicLink(folder.resolve("real/current"), real);

        // when
        writeReport(out, out.resolve("current/report.json"), "{\"run\":1}");

        // then
        assertThat(Files.readString(real.resolve("report.json"))).isEqualTo("{\"run\":1}");
    }

    @Test
    void refusesADanglingLink() throws IOException {
        // given
        Files.createDirectories(out());
        Files.createSymbolicLink(out().resolve("report.json"), folder.resolve("gone.json"));

        // when / then
        assertThatThrownBy(() -> writeReport(out(), out().resolve("report.json"), "{}"))
                .isInstanceOfSatisfying(L2oException.class, e -> assertThat(e.getMessage()).contains("a missing file"));
        assertThat(folder.resolve("gone.json")).doesNotExist();
    }
}
