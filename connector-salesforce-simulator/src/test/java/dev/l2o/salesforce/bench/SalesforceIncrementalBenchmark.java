package dev.l2o.salesforce.bench;

import dev.l2o.connector.ConnectorContext;
import dev.l2o.connector.FetchRequest;
import dev.l2o.connector.IncrementalFetch;
import dev.l2o.connector.PreviousSnapshot;
import dev.l2o.connector.ProgressListener;
import dev.l2o.http.RetryPolicy;
import dev.l2o.model.Snapshot;
import dev.l2o.salesforce.SalesforceConnector;
import dev.l2o.salesforce.SalesforceSettings;
import dev.l2o.salesforce.internal.SalesforceCredentials;
import dev.l2o.salesforce.simulator.OrgChanges;
import dev.l2o.salesforce.simulator.OrgSizes;
import dev.l2o.salesforce.simulator.SalesforceSimulator;
import dev.l2o.salesforce.simulator.SimulatedOrg;
import dev.l2o.salesforce.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/**
 * The nightly-audit figure for Salesforce, run by {@code bench/incremental.sh}: a generated org read in full, then
 * 1 % of its opportunities changed (moved, edited, deleted, created), alone, with two flows changed, and with a
 * stage deactivated too, each read incrementally on the first snapshot and in full again; prints the API calls of
 * each (as the org counts them, logins apart) and the ratios. Arguments: {@code fields flows historyRows share}. Not part of
 * the test suite.
 */
public final class SalesforceIncrementalBenchmark {
    private static final Instant FIRST_RUN = Instant.parse("2030-01-01T02:00:00Z");
    private static final Instant NEXT_RUN = FIRST_RUN.plus(Duration.ofDays(1));

    private SalesforceIncrementalBenchmark() {}

    public static void main(String[] args) throws Exception {
        int fields = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int flows = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
        double share = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
        FetchRequest request = new FetchRequest(Set.of("Account", "Lead", "Opportunity"),
                Map.of("Opportunity", Set.of("Amount", "CloseDate", "StageName")), true);
        SimulatedOrg org = SimulatedOrg.generate(42, new OrgSizes(fields, flows, rows));
        Path work = Files.createTempDirectory("l2o-salesforce-incremental");
        try (SalesforceSimulator simulator = SalesforceSimulator.start(org, SimulatorOptions.defaults().withApiUsage(0, 10_000_000))) {
            long before = simulator.apiRequestsUsed();
            Snapshot first = fetch(simulator, work, FIRST_RUN, request, PreviousSnapshot.absent("first run"));
            long fullCalls = simulator.apiRequestsUsed() - before;
            System.out.printf("Salesforce: %d custom fields, %d flows, %d history rows; full audit %d calls%n", fields, flows, rows, fullCalls);
            // the nightly case (only deals changed), then the same deals with a stage deactivated and two flows changed
            night(simulator, work, request, first, "only deals changed", OrgChanges.dealsOnly(org, 7, NEXT_RUN.minus(Duration.ofHours(2)), share),
                    share);
            night(simulator, work, request, first, "deals and two flows changed",
                    OrgChanges.dealsAndFlows(org, 7, NEXT_RUN.minus(Duration.ofHours(2)), share), share);
            night(simulator, work, request, first, "deals, a stage and two flows changed",
                    OrgChanges.random(org, 7, NEXT_RUN.minus(Duration.ofHours(2)), share), share);
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Serves {@code changed}, reads it incrementally on {@code first} and in full, and prints both calls. */
    private static void night(SalesforceSimulator simulator, Path work, FetchRequest request, Snapshot first, String what,
            OrgChanges.Changed changed, double share) {
        simulator.replace(changed.org());
        long before = simulator.apiRequestsUsed();
        Snapshot incremental = fetch(simulator, work, NEXT_RUN, request, PreviousSnapshot.of(first));
        long incrementalCalls = simulator.apiRequestsUsed() - before;
        before = simulator.apiRequestsUsed();
        fetch(simulator, work, NEXT_RUN, request, PreviousSnapshot.absent("reference"));
        long fullAgainCalls = simulator.apiRequestsUsed() - before;
        System.out.printf("%s: %d opportunities changed (%.1f %%); fetch: %s (%s)%n", what, changed.changedOpportunities(), 100.0 * share,
                incremental.source().attributes().get(IncrementalFetch.FETCH), incremental.source().attributes().get(IncrementalFetch.FETCH_REASON));
        System.out.printf("Salesforce API calls (%s): nightly incremental audit %d, full audit after the changes %d; incremental / full"
                + " = %.1f %%%n", what, incrementalCalls, fullAgainCalls, 100.0 * incrementalCalls / fullAgainCalls);
    }

    private static Snapshot fetch(SalesforceSimulator simulator, Path work, Instant now, FetchRequest request, PreviousSnapshot previous) {
        SalesforceSettings settings = new SalesforceSettings(null, simulator.loginUrl(), "62.0", SalesforceSettings.DEFAULT_BULK_THRESHOLD,
                SalesforceSettings.DEFAULT_API_BUDGET_SHARE);
        // the connector stays open: the next fetch's base reads its spooled history
        SalesforceConnector connector = new SalesforceConnector(settings, new SalesforceCredentials.Password("bench@example.com", "any"),
                new ConnectorContext(Clock.fixed(now, ZoneOffset.UTC), Map.of(), work, ProgressListener.NONE),
                duration -> Thread.sleep(Math.min(duration.toMillis(), 50)), RetryPolicy.standard());
        return connector.fetch(request, previous);
    }
}
