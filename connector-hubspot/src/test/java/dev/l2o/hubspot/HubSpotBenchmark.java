package dev.l2o.hubspot;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.HttpExecutor;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Snapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HubSpot benchmark, run by {@code bench/hubspot.sh}: {@code serve DEALS LIMIT WINDOW_SECONDS PORT} runs a
 * generated portal in its own process; {@code run BASE_URL DEALS LIMIT WINDOW_SECONDS} audits it with the real
 * connector (deal records and stage history) and prints requests made versus the minimum, the achieved request
 * rate versus the limit, throttled responses, wall time and peak heap. Not part of the test suite.
 */
final class HubSpotBenchmark {
    private static final long SEED = 20_240_601L;

    private HubSpotBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 5 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else if (args.length == 5 && args[0].equals("run")) {
            run(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        } else {
            System.err.println("usage: serve DEALS LIMIT WINDOW_SECONDS PORT | run BASE_URL DEALS LIMIT WINDOW_SECONDS");
            System.exit(2);
        }
    }

    private static void serve(int deals, int limit, int windowSeconds, int port) throws InterruptedException {
        HubSpotSimulator simulator = HubSpotSimulator.start(PortalDescription.generate(SEED, deals),
                SimulatorOptions.defaults().withPort(port).withRateLimit(limit, Duration.ofSeconds(windowSeconds)).withDailyLimit(1_000_000));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("simulator: " + simulator.requests().size() + " requests received, "
                    + simulator.rateLimitedResponses() + " answered 429");
            simulator.close();
        }));
        System.out.println(simulator.baseUrl());
        new CountDownLatch(1).await();
    }

    private static void run(String baseUrl, int deals, int limit, int windowSeconds) throws Exception {
        Path work = Files.createTempDirectory("l2o-hubspot-bench");
        AtomicLong done = new AtomicLong();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void started(String task, long total) {}

            @Override
            public void advanced(long units) {
                long now = done.addAndGet(units);
                if (now % 10_000 < units) {
                    System.err.println("  " + now + " deals");
                }
            }

            @Override
            public void finished() {}
        };
        ConnectorContext context = new ConnectorContext(Clock.systemUTC(), Map.of(), work, progress);
        HubSpotSettings settings = HubSpotSettings.of(baseUrl, "pat-na1-00000000-0000-0000-0000-000000000000")
                .withRateLimit(limit, Duration.ofSeconds(windowSeconds));
        FetchRequest request = new FetchRequest(Set.of("deals"), Map.of("deals", Set.of("amount", "closedate", "dealname", "hubspot_owner_id")), true);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        try (HubSpotConnector connector = new HubSpotConnector(settings, context)) {
            Snapshot snapshot = connector.fetch(request);
            double seconds = (System.nanoTime() - start) / 1e9;
            AtomicLong rows = new AtomicLong();
            snapshot.history().forEach(e -> rows.incrementAndGet());
            HttpExecutor.Stats stats = connector.requestStats();
            // pipelines, deal properties, owners, flow listing: one request each (this portal has no flows to batch-read)
            long minimum = 4 + (deals + 49) / 50;
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double rate = stats.requests() / seconds;
            double allowed = (double) limit / windowSeconds;
            System.out.printf("deals                  %,d (records %,d, history rows %,d)%n", deals, snapshot.records().size(), rows.get());
            System.out.printf("complete               %s %s%n", snapshot.completeness().complete(), snapshot.completeness().reasons());
            System.out.printf("requests made          %,d (minimum the API allows: %,d)%n", stats.requests(), minimum);
            System.out.printf("retries / 429s         %d / %d%n", stats.retries(), stats.throttled());
            System.out.printf("wall time              %.1f s%n", seconds);
            System.out.printf("request rate           %.2f/s of %.2f/s allowed (%.1f %%)%n", rate, allowed, 100 * rate / allowed);
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("peak heap              %.1f MB summed over pools (an upper bound), max heap %.0f MB%n", peakHeap / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf("live heap after fetch  %.1f MB (snapshot with %,d records retained, after a full GC)%n", retained / 1e6,
                    snapshot.records().size());
        }
    }
}
