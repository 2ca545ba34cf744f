package dev.l2o.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code bench/chaos.sh}: the full cluster chaos scenario, printing its tally; exits 1 when a guarantee broke.
 *
 * <p>Arguments: nodes, runs, cron, work in milliseconds, working folder.
 */
public final class ChaosMain {
    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[4]));
        ClusterHarness.Tally tally = ChaosScenario.run(folder, Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2],
                Duration.ofMillis(Long.parseLong(args[3])), System.out);
        System.out.println(tally.holds() ? "every guarantee held" : "A GUARANTEE BROKE");
        System.exit(tally.holds() ? 0 : 1);
    }
}
