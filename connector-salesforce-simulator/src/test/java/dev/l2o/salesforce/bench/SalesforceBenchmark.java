package dev.l2o.salesforce.bench;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.http.Sleeper;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.SalesforceConnector;
import dev.l2o.salesforce.SalesforceSettings;
import dev.l2o.salesforce.internal.OrgMetadata;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.internal.SalesforceMetadataReader;
import dev.l2o.salesforce.internal.SalesforceSetupAuditTrail;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatedRequest;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audits a generated org through the simulator with the real connector and prints API calls made against the
 * minimum the API allows, wall time and peak heap. Arguments: {@code fields flows historyRows} (default
 * 1000 300 1500000). Run by {@code bench/salesforce.sh}.
 */
public final class SalesforceBenchmark {
    private SalesforceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int fields = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int flows = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_500_000;
        PrintStream out = System.out;
        SimulatedOrg org = SimulatedOrg.generate(42, new OrgSizes(fields, flows, rows));
        Path work = Files.createTempDirectory("l2o-bench-");
        long start = System.nanoTime();
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults().withApiUsage(0, 1_000_000))) {
            ConnectorContext context = new ConnectorContext(Clock.systemUTC(), Map.of(), work, ProgressListener.NONE);
            try (SalesforceConnector connector = connector(simulator, context, SalesforceMetadataReader.CONCURRENT_READS)) {
                Snapshot snapshot = connector.fetch(new FetchRequest(Set.of("Account", "Lead", "Opportunity"), Map.of(), true));
                long[] history = {0};
                snapshot.stageHistory().orElseThrow().forEach(e -> history[0]++);
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                List<SimulatedRequest> log = simulator.requestLog();
                long metadataCalls = log.stream().filter(r -> r.operation().equals("listMetadata") || r.operation().equals("readMetadata")).count();
                long bulkPolls = log.stream().filter(r -> r.operation().equals("bulkQueryStatus")).count();
                long bulkPages = log.stream().filter(r -> r.operation().equals("bulkQueryResults")).count();
                long minimumMetadata = OrgMetadata.minimumCalls(List.of("Account", "Lead", "Opportunity"), org.metadataCount("Flow"),
                        org.metadataCount("FlowDefinition"), org.metadataCount("Queue"), 0);
                long minimumHistory = 1 + 1 + 1 + (rows + 99_999) / 100_000; // count, create, one poll, result pages of 100,000
                long minimum = 1 + minimumMetadata + minimumHistory + 1; // + the limits call, + one setup audit trail query
                out.printf("org: %d custom fields, %d flows, %d history rows%n", fields, flows, rows);
                out.printf("snapshot: %d fields, %d automations, %d pipelines, %d history rows read back, complete=%s%n",
                        snapshot.fields().size(), snapshot.automations().size(), snapshot.pipelines().size(), history[0],
                        snapshot.completeness().complete());
                out.printf("API calls: %d counted by the org (%d metadata, %d Bulk polls, %d Bulk result pages) + %d logins;"
                        + " minimum the API allows: %d (%d metadata)%n", simulator.apiRequestsUsed(), metadataCalls, bulkPolls, bulkPages,
                        log.stream().filter(r -> r.operation().equals("login")).count(), minimum, minimumMetadata);
                out.printf("attribution: %d API calls for the setup audit trail (at most %d), %d setup changes read of %d (%s)%n",
                        simulator.queryRequests("SetupAuditTrail"), SalesforceSetupAuditTrail.MAX_PAGES,
                        snapshot.changeTrail().changes().size(), org.setupAuditTrailRows(), snapshot.changeTrail().source());
                out.printf("wall time: %.1f s%n", wall.toMillis() / 1000.0);
                out.printf("peak heap: %d MB (max heap %d MB)%n", peakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            }
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A connector for the benchmark's simulated org, running at most {@code concurrentReads} readMetadata calls at once. */
    static SalesforceConnector connector(SalesforceSimulator simulator, ConnectorContext context, int concurrentReads) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0",
                SalesforceSettings.DEFAULT_BULK_THRESHOLD, SalesforceSettings.DEFAULT_API_BUDGET_SHARE);
        // Bulk polls wait 50 ms here: the simulator finishes a job after two polls, a real org takes longer
        Sleeper quickPolls = d -> Thread.sleep(Math.min(d.toMillis(), 50));
        return new SalesforceConnector(settings, new SalesforceCredentials.Password("bench@example.com", "any"), context, quickPolls,
                RetryPolicy.standard(), null, concurrentReads);
    }

    /** The sum of the heap pools' peak usage since the JVM started. */
    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
