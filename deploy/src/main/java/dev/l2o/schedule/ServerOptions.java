package dev.l2o.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How an {@link AuditServer} runs, beyond the schedule file.
 *
 * @param environment where credentials, store credentials and webhook URLs are read
 * @param nodeId the scheduler instance id in a cluster; empty for one made of the host name, process id and a random part
 * @param misfireThreshold how late a fire may be before it counts as missed (and is run once, late)
 * @param clusterCheckinInterval how often a cluster node reports itself alive; a node silent for this long
 *     plus 7.5 s is taken as dead and its running audits are recovered by another node
 * @param shutdownHook whether {@link AuditServer#start} registers a JVM shutdown hook (SIGTERM) that closes
 *     the server gracefully
 */
public record ServerOptions(
        Map<String, String> environment,
        Optional<String> nodeId,
        Duration misfireThreshold,
        Duration clusterCheckinInterval,
        boolean shutdownHook) {
    public ServerOptions {
        environment = Map.copyOf(environment);
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(misfireThreshold, "misfireThreshold is null");
        requireNonNull(clusterCheckinInterval, "clusterCheckinInterval is null");
    }

    /** For {@code l2o serve}: the given environment, Quartz's defaults, and a shutdown hook. */
    public static ServerOptions defaults(Map<String, String> environment) {
        return new ServerOptions(environment, Optional.empty(), Duration.ofSeconds(60), Duration.ofMillis(7_500), true);
    }
}
