package dev.l2o.salesforce.simulator;

import java.util.List;

/**
 * How a simulator behaves.
 *
 * @param port the loopback port, or 0 for any free port
 * @param dailyApiLimit the org's daily API request limit ({@code DailyApiRequests.Max})
 * @param apiRequestsUsed requests already used today when the simulator starts
 * @param bulkPollsUntilComplete how many status polls a Bulk query job answers {@code InProgress} first
 * @param bulkPageSize the most rows per Bulk result page, whatever {@code maxRecords} the client asks for
 * @param faults faults armed from the start (more can be injected while it runs)
 */
public record SimulatorOptions(int port, int dailyApiLimit, int apiRequestsUsed, int bulkPollsUntilComplete, int bulkPageSize,
        List<SimulatedFault> faults) {
    public SimulatorOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (dailyApiLimit < 1 || apiRequestsUsed < 0 || bulkPollsUntilComplete < 0 || bulkPageSize < 1) {
            throw new IllegalArgumentException("limits, polls and page size must be positive");
        }
        faults = List.copyOf(faults);
    }

    /** Any free port, 100,000 daily API requests of which none used, two polls per Bulk job, 100,000-row Bulk pages. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, 100_000, 0, 2, 100_000, List.of());
    }

    public SimulatorOptions withPort(int replacement) {
        return new SimulatorOptions(replacement, dailyApiLimit, apiRequestsUsed, bulkPollsUntilComplete, bulkPageSize, faults);
    }

    public SimulatorOptions withApiUsage(int used, int limit) {
        return new SimulatorOptions(port, limit, used, bulkPollsUntilComplete, bulkPageSize, faults);
    }

    public SimulatorOptions withBulkPageSize(int replacement) {
        return new SimulatorOptions(port, dailyApiLimit, apiRequestsUsed, bulkPollsUntilComplete, replacement, faults);
    }
}
