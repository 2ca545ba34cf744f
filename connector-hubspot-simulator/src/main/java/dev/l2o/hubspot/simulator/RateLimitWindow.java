package dev.l2o.hubspot.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * HubSpot's request limits: a rolling burst window per token and a daily budget shared by all tokens, with
 * the {@code X-HubSpot-RateLimit-*} headers that report them. Rejected requests count towards the daily budget
 * (HubSpot asks that errors stay under 5 % of calls) but not the burst window, so a client that backs off
 * recovers. Thread-safe.
 */
final class RateLimitWindow {
    private final SimulatorOptions options;
    private final LongSupplier nanoClock;
    private final PortalReplies replies;
    /** HubSpot's CRM search API allows this many requests a second per token, apart from the burst window. */
    static final int SEARCH_PER_SECOND = 5;

    private final Map<String, Deque<Long>> windows = new HashMap<>();
    private final Map<String, Deque<Long>> searchWindows = new HashMap<>();
    private long dailyUsed;
    private long rejected;

    RateLimitWindow(SimulatorOptions options, LongSupplier nanoClock, PortalReplies replies) {
        this.options = options;
        this.nanoClock = nanoClock;
        this.replies = replies;
    }

    /** Counts a request of {@code token}: null when it may be served, else the 429 to answer. */
    synchronized PortalReply admit(String token) {
        if (dailyUsed >= options.dailyLimit()) {
            rejected++;
            return dailyLimitReached(token);
        }
        dailyUsed++;
        Deque<Long> window = windows.computeIfAbsent(token, t -> new ArrayDeque<>());
        long now = nanoClock.getAsLong();
        long windowNanos = options.rateWindow().toNanos();
        while (!window.isEmpty() && now - window.peekFirst() >= windowNanos) {
            window.pollFirst();
        }
        if (window.size() >= options.rateLimit()) {
            rejected++;
            PortalReply reply = burstLimitReached(token);
            if (options.retryAfter()) {
                long waitNanos = windowNanos - (now - window.peekFirst());
                reply = reply.withHeaders(Map.of("Retry-After", String.valueOf(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L))));
            }
            return reply;
        }
        window.addLast(now);
        return null;
    }

    /** Counts a search request of {@code token} against the search API's own limit: null when within it, else the 429. */
    synchronized PortalReply admitSearch(String token) {
        Deque<Long> window = searchWindows.computeIfAbsent(token, t -> new ArrayDeque<>());
        long now = nanoClock.getAsLong();
        while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
            window.pollFirst();
        }
        if (window.size() >= SEARCH_PER_SECOND) {
            rejected++;
            return replies.tooMany("SECONDLY", "You have reached your secondly limit.").withHeaders(headers(token));
        }
        window.addLast(now);
        return null;
    }

    /** The 429 of an exhausted daily budget, with the limit headers of {@code token}. */
    PortalReply dailyLimitReached(String token) {
        return replies.tooMany("DAILY", "You have reached your daily limit.").withHeaders(headers(token));
    }

    /** The 429 of a full burst window, with the limit headers of {@code token}. */
    PortalReply burstLimitReached(String token) {
        return replies.tooMany("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.").withHeaders(headers(token));
    }

    /** The {@code X-HubSpot-RateLimit-*} headers: what the window and the day leave to {@code token}. */
    synchronized Map<String, String> headers(String token) {
        Deque<Long> window = windows.getOrDefault(token, new ArrayDeque<>());
        long seconds = Math.max(1, options.rateWindow().toSeconds());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-HubSpot-RateLimit-Max", String.valueOf(options.rateLimit()));
        headers.put("X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, options.rateLimit() - window.size())));
        headers.put("X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(options.rateWindow().toMillis()));
        headers.put("X-HubSpot-RateLimit-Daily", String.valueOf(options.dailyLimit()));
        headers.put("X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, options.dailyLimit() - dailyUsed)));
        headers.put("X-HubSpot-RateLimit-Secondly", String.valueOf(Math.max(1, options.rateLimit() / seconds)));
        headers.put("X-HubSpot-RateLimit-Secondly-Remaining", String.valueOf(Math.max(0, (options.rateLimit() - window.size()) / seconds)));
        return headers;
    }

    /** Requests answered 429 by the limits (not counting injected ones). */
    synchronized long rejected() {
        return rejected;
    }
}
