package dev.l2o.hubspot.simulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests get an injected fault: the first {@link FaultRule} whose path matches and whose
 * skip/times window covers this match wins. Each rule counts its own matches. Thread-safe.
 */
final class FaultInjector {
    private record Armed(List<FaultRule> rules, List<AtomicInteger> matches) {
        static Armed of(List<FaultRule> rules) {
            return new Armed(List.copyOf(rules), rules.stream().map(rule -> new AtomicInteger()).toList());
        }
    }

    private final PortalReplies replies;
    private final RateLimitWindow limits;
    private final AtomicLong injected = new AtomicLong();
    private volatile Armed armed;

    FaultInjector(List<FaultRule> rules, PortalReplies replies, RateLimitWindow limits) {
        this.armed = Armed.of(rules);
        this.replies = replies;
        this.limits = limits;
    }

    /** Replaces the rules, each counting its matches from zero, and the count of injected faults. */
    void arm(List<FaultRule> rules) {
        armed = Armed.of(rules);
        injected.set(0);
    }

    /**
     * The fault for a request to {@code path}, or null. An HTTP fault is the whole answer; a network fault
     * ({@link FaultKind#CONNECTION_RESET} …) is a reply with status 0 that carries only the kind and delay.
     */
    PortalReply inject(String path) {
        Armed current = armed;
        for (int i = 0; i < current.rules().size(); i++) {
            FaultRule rule = current.rules().get(i);
            if (!rule.path().matcher(path).matches() || !rule.appliesTo(current.matches().get(i).getAndIncrement())) {
                continue;
            }
            injected.incrementAndGet();
            return switch (rule.kind()) {
                case SERVER_ERROR -> replies.error(500, "INTERNAL_ERROR", "internal error");
                case BAD_GATEWAY -> PortalReply.of(502, Map.of("Content-Type", "text/html"), "<html><body>502 Bad Gateway</body></html>");
                case SERVICE_UNAVAILABLE -> replies.error(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable");
                case CONNECTION_RESET, EMPTY_RESPONSE, BROKEN_CHUNK, TRUNCATED_BODY, SLOW_RESPONSE ->
                        new PortalReply(0, Map.of(), null, rule.kind(), rule.delay());
                case HTML_PAGE -> PortalReply.of(200, Map.of("Content-Type", "text/html"),
                        "<html><head><title>Maintenance</title></head><body>HubSpot is down for maintenance.</body></html>");
                case EXPIRED_TOKEN -> replies.error(401, "INVALID_AUTHENTICATION", "The OAuth token used to make this call expired");
                case MISSING_SCOPE -> replies.missingScope("crm.objects.deals.read");
                case DAILY_LIMIT -> limits.dailyLimitReached("");
                case BURST_LIMIT -> rule.delay().isZero() ? limits.burstLimitReached("")
                        : limits.burstLimitReached("").withHeaders(Map.of("Retry-After", String.valueOf(rule.delay().toSeconds())));
            };
        }
        return null;
    }

    /** Faults injected so far. */
    long injected() {
        return injected.get();
    }

    /** Whether {@code fault} changes how the normal answer is sent rather than replacing it. */
    static boolean altersNormalAnswer(PortalReply fault) {
        return fault.fault() == FaultKind.TRUNCATED_BODY || fault.fault() == FaultKind.SLOW_RESPONSE;
    }
}
