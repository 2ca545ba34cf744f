package dev.l2o.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL while it writes a large report leaves the previous report as it was. */
class ReportCrashIT {
    @TempDir
    Path folder;

    @Test
    void aKillMidWriteLeavesThePreviousReportIntact() throws Exception {
        // given: yesterday's report, and a process writing today's, 64 MB of it so far
        Path out = folder.resolve("l2o-report");
        Path report = out.resolve("report.json");
        ReportOutputTest.writeReport(out, report, "{\"previous\":true}");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", classPath, ReportWriteMain.class.getName(), out.toString(), report.toString(), "64")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
                assertThat(line).as("the writer stopped before writing 64 MB").isNotNull();
            } while (!line.equals("WROTE 64"));

            // when
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // then: the report is yesterday's; the half-written one lies in a hidden temporary file beside it
        assertThat(Files.readString(report)).isEqualTo("{\"previous\":true}");
        try (Stream<Path> entries = Files.list(out)) {
            assertThat(entries.filter(path -> path.getFileName().toString().startsWith(".report.json")))
                    .singleElement().satisfies(temporary -> assertThat(Files.size(temporary)).isEqualTo(64L << 20));
        }

        // and the next write replaces the report as usual
        ReportOutputTest.writeReport(out, report, "{\"today\":true}");
        assertThat(Files.readString(report)).isEqualTo("{\"today\":true}");
    }
}
