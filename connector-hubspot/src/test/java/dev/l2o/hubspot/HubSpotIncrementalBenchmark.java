package dev.l2o.hubspot;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.ProgressListener;
import dev.l2o.hubspot.simulator.HubSpotSimulator;
import dev.l2o.hubspot.simulator.PortalChanges;
import dev.l2o.hubspot.simulator.PortalDescription;
import dev.l2o.hubspot.simulator.SimulatorOptions;
import dev.l2o.model.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nightly-audit figure for HubSpot, run by {@code bench/incremental.sh}: a generated portal of {@code DEALS}
 * deals read in full, then 1 % of its deals changed (new, moved, edited, archived), then read incrementally on the
 * first snapshot and in full again; prints the requests of each and the ratio. Counts requests, not time: the
 * simulator's burst limit is raised so that the run does not wait. Not part of the test suite.
 */
final class HubSpotIncrementalBenchmark {
    private static final String TOKEN = "pat-na1-00000000-0000-0000-0000-000000000000";
    private static final Instant FIRST_RUN = Instant.parse("2026-06-01T02:00:00Z");
    private static final Instant NEXT_RUN = FIRST_RUN.plus(Duration.ofDays(1));

    private HubSpotIncrementalBenchmark() {}

    public static void main(String[] args) throws Exception {
        int deals = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double share = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
        FetchRequest request = new FetchRequest(Set.of("deals"), Map.of("deals", Set.of("amount", "closedate", "dealname", "hubspot_owner_id")),
                true);
        Path work = Files.createTempDirectory("l2o-hubspot-incremental");
        PortalDescription portal = PortalDescription.generate(20_240_601L, deals);
        try (HubSpotSimulator simulator = HubSpotSimulator.start(portal, SimulatorOptions.defaults()
                .withRateLimit(100_000, Duration.ofSeconds(10)).withDailyLimit(10_000_000))) {
            int before = simulator.requests().size();
            Snapshot first = fetch(simulator, work, FIRST_RUN, request, PreviousSnapshot.absent("first run"));
            int fullCalls = simulator.requests().size() - before;
            PortalChanges.Changed changed = PortalChanges.random(portal, List.of(), 7, NEXT_RUN.minus(Duration.ofHours(2)), share);
            simulator.replace(changed.portal(), changed.archived());
            before = simulator.requests().size();
            Snapshot incremental = fetch(simulator, work, NEXT_RUN, request, PreviousSnapshot.of(first));
            int incrementalCalls = simulator.requests().size() - before;
            before = simulator.requests().size();
            fetch(simulator, work, NEXT_RUN, request, PreviousSnapshot.absent("reference"));
            int fullAgainCalls = simulator.requests().size() - before;
            System.out.printf("HubSpot: %d deals, %d changed (%.1f %%); fetch: %s (%s)%n", deals, changed.changedDeals(), 100.0 * share,
                    incremental.source().attributes().get(IncrementalFetch.FETCH), incremental.source().attributes().get(IncrementalFetch.FETCH_REASON));
            System.out.printf("HubSpot requests: full audit %d, nightly incremental audit %d, full audit after the changes %d;"
                    + " incremental / full = %.1f %%%n", fullCalls, incrementalCalls, fullAgainCalls, 100.0 * incrementalCalls / fullAgainCalls);
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Snapshot fetch(HubSpotSimulator simulator, Path work, Instant now, FetchRequest request, PreviousSnapshot previous) {
        // the connector stays open: the next fetch's base reads its spooled history
        HubSpotConnector connector = new HubSpotConnector(HubSpotSettings.of(simulator.baseUrl(), TOKEN).withRateLimit(100_000,
                Duration.ofSeconds(10)), new ConnectorContext(Clock.fixed(now, ZoneOffset.UTC), Map.of(), work, ProgressListener.NONE));
        return connector.fetch(request, previous);
    }
}
