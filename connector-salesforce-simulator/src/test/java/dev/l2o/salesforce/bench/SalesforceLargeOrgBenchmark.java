package dev.l2o.salesforce.bench;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.model.AutomationKind;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.SalesforceConnector;
import dev.l2o.salesforce.internal.OrgMetadata;
import dev.l2o.salesforce.internal.SalesforceMetadataReader;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedFault;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The large org of issue 14 (2,000 flows with their definitions, 500 validation rules and 300 custom fields on
 * Opportunity, 1.5 million history rows): its metadata read with readMetadata calls one after the other (a pool of
 * 1) and on the connector's bounded pool, on loopback and with a round trip of a real org's order added to every
 * readMetadata (after a warm-up read), then one full audit with history in the same JVM. Prints wall times, API calls and the peak of
 * calls at once. Arguments: {@code historyRows latencyMillis} (default 1500000 100). Run by
 * {@code bench/salesforce.sh large-org}.
 */
public final class SalesforceLargeOrgBenchmark {
    private static final List<String> OBJECTS = List.of("Account", "Lead", "Opportunity");
    private static final int FLOWS = 2_000;
    private static final int VALIDATION_RULES = 500;
    private static final int FIELDS = 600;

    private SalesforceLargeOrgBenchmark() {}

    /** How long a fetch and its metadata phase took, from the connector's own progress events. */
    private record Timed(Snapshot snapshot, Duration wall, Duration metadata, long metadataCalls, long apiCalls, int peak) {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        PrintStream out = System.out;
        AtomicLong afterCollection = heapAfterCollections();
        SimulatedOrg org = SimulatedOrg.generate(42, new OrgSizes(FIELDS, FLOWS, rows, VALIDATION_RULES));
        Path work = Files.createTempDirectory("l2o-bench-large-org-");
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults().withApiUsage(0, 10_000_000))) {
            long minimum = OrgMetadata.minimumCalls(OBJECTS, org.metadataCount("Flow"), org.metadataCount("FlowDefinition"), org.metadataCount("Queue"), 0);
            out.printf("org: %d flows (+ definitions), %d validation rules and %d custom fields on Opportunity (%d in all), %d history rows%n",
                    FLOWS, VALIDATION_RULES, OrgSizes.opportunityFields(FIELDS), FIELDS, rows);
            FetchRequest metadataOnly = new FetchRequest(Set.copyOf(OBJECTS), Map.of(), false);
            // one read first, not counted: otherwise the first run measured would pay for the JIT compiling both sides
            Timed warmUp = fetch(simulator, work, metadataOnly, SalesforceMetadataReader.CONCURRENT_READS, 0);
            out.printf("warm-up read, not compared: metadata %.1f s%n", seconds(warmUp.metadata));
            for (int addedMillis : new int[] {0, latency}) {
                Timed sequential = fetch(simulator, work, metadataOnly, 1, addedMillis);
                Timed concurrent = fetch(simulator, work, metadataOnly, SalesforceMetadataReader.CONCURRENT_READS, addedMillis);
                String where = addedMillis == 0 ? "loopback" : "+" + addedMillis + " ms a readMetadata";
                print(out, where + ", pool of 1", sequential, minimum);
                print(out, where + ", pool of " + SalesforceMetadataReader.CONCURRENT_READS, concurrent, minimum);
                out.printf("%s: metadata read %.2fx faster on the pool (%.1f s -> %.1f s); snapshots equal: %s%n", where,
                        (double) sequential.metadata.toNanos() / concurrent.metadata.toNanos(), seconds(sequential.metadata),
                        seconds(concurrent.metadata), sequential.snapshot.automations().equals(concurrent.snapshot.automations())
                                && sequential.snapshot.fields().equals(concurrent.snapshot.fields()));
            }
            Timed audit = fetch(simulator, work, new FetchRequest(Set.copyOf(OBJECTS), Map.of(), true), SalesforceMetadataReader.CONCURRENT_READS, 0);
            long[] history = {0};
            audit.snapshot.stageHistory().orElseThrow().forEach(e -> history[0]++);
            out.printf("full audit (pool of %d, history read back: %d rows, complete=%s): wall %.1f s, metadata %.1f s, %d API calls"
                    + " counted by the org (%d metadata)%n", SalesforceMetadataReader.CONCURRENT_READS, history[0],
                    audit.snapshot.completeness().complete(), seconds(audit.wall), seconds(audit.metadata), audit.apiCalls, audit.metadataCalls);
            out.printf("heap (max %d MB, simulator included): at most %d MB in use after a collection; the pools' peaks add up to %d MB"
                    + " (each pool peaks at its own time)%n", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    afterCollection.get() / (1024 * 1024), SalesforceBenchmark.peakHeap() / (1024 * 1024));
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(PrintStream out, String run, Timed timed, long minimum) {
        out.printf("%s: metadata %.1f s (fetch %.1f s), %d metadata calls (minimum %d), at most %d at once; %d flows, %d validation rules,"
                + " %d Opportunity custom fields%n", run, seconds(timed.metadata), seconds(timed.wall), timed.metadataCalls, minimum, timed.peak,
                timed.snapshot.automations().stream().filter(a -> a.kind() == AutomationKind.FLOW).count(),
                timed.snapshot.automations().stream().filter(a -> a.kind() == AutomationKind.VALIDATION).count(),
                timed.snapshot.fields().stream().filter(f -> f.custom() && f.object().equals("Opportunity")).count());
    }

    private static Timed fetch(SalesforceSimulator simulator, Path work, FetchRequest request, int concurrentReads, int addedMillis) {
        simulator.reset();
        if (addedMillis > 0) {
            simulator.inject(SimulatedFault.of(SimulatedFault.Endpoint.METADATA, SimulatedFault.Kind.LATENCY).on("readMetadata")
                    .value(addedMillis).times(1_000_000));
        }
        long[] metadata = new long[2];
        ProgressListener progress = new ProgressListener() {
            private boolean inMetadata;

            @Override
            public void started(String task, long total) {
                inMetadata = task.contains("metadata");
                if (inMetadata) {
                    metadata[0] = System.nanoTime();
                }
            }

            @Override
            public void advanced(long done) {}

            @Override
            public void finished() {
                if (inMetadata) {
                    metadata[1] = System.nanoTime();
                    inMetadata = false;
                }
            }
        };
        int logBefore = simulator.requestLog().size();
        long apiBefore = simulator.apiRequestsUsed();
        long start = System.nanoTime();
        ConnectorContext context = new ConnectorContext(Clock.systemUTC(), Map.of(), work, progress);
        // the connector stays open until the history is read back: closing it deletes the spool
        SalesforceConnector connector = SalesforceBenchmark.connector(simulator, context, concurrentReads);
        Snapshot snapshot = connector.fetch(request);
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long metadataCalls = simulator.requestLog().stream().skip(logBefore)
                .filter(r -> r.operation().equals("listMetadata") || r.operation().equals("readMetadata")).count();
        return new Timed(snapshot, wall, Duration.ofNanos(metadata[1] - metadata[0]), metadataCalls,
                simulator.apiRequestsUsed() - apiBefore, simulator.peakConcurrentMetadataReads());
    }

    /**
     * The most heap in use right after any garbage collection so far, kept up to date from the collectors'
     * notifications: what the run keeps alive at its peak (with garbage a young collection left in the old generation).
     */
    private static AtomicLong heapAfterCollections() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        AtomicLong peak = new AtomicLong();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc();
                    long used = after.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                            .mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return peak;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
