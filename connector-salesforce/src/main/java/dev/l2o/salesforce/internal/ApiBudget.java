package dev.l2o.salesforce.internal;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of the org's remaining daily API requests one fetch may spend. It starts unlimited until the
 * org's limits are known, is charged before every API request, and follows {@code Sforce-Limit-Info} so
 * that requests other clients make meanwhile count too. The limits are known from {@link #start} (the
 * {@code /limits} resource) or from the first {@code Sforce-Limit-Info} header, which Salesforce documents as
 * "returned in each request to REST API" with {@code api-usage} "the daily API usage for the organization ...
 * The first number is the number of API calls used, and the second number is the API limit": the requests
 * this fetch made before it (one, in practice) count as spent from what the org had left. When the next request would exceed the budget it
 * throws {@link ErrorCode#API_LIMIT_REACHED}: the fetch stops and the audit is incomplete rather than the org
 * exhausted. Thread-safe.
 */
public final class ApiBudget {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final double share;
    private long allowed = Long.MAX_VALUE;
    private long spent;
    private long usedAtStart = -1;
    private long orgLimit = -1;
    private long orgRemaining = -1;

    public ApiBudget(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1]: " + share);
        }
        this.share = share;
    }

    /** Sets the budget from the org's daily limit and what remains of it now. */
    public synchronized void start(long max, long remaining) {
        this.orgLimit = max;
        this.orgRemaining = remaining;
        this.usedAtStart = max - remaining;
        this.allowed = (long) Math.floor(share * Math.max(0, remaining));
    }

    /**
     * Charges one request.
     *
     * @throws L2oException {@link ErrorCode#API_LIMIT_REACHED} when the budget is spent
     */
    public synchronized void charge(String what) {
        if (spent >= allowed) {
            throw new L2oException(ErrorCode.API_LIMIT_REACHED, "stopped before " + what + ": the fetch has used its budget of "
                    + allowed + " API requests (" + Math.round(share * 100) + "% of the " + orgRemaining
                    + " the org had left today); raise apiBudgetShare or try after the daily limit resets");
        }
        spent++;
    }

    /**
     * Reads a {@code Sforce-Limit-Info} header; usage by other clients since the start counts against the budget. The
     * first header starts the budget when {@link #start} was not called.
     */
    public synchronized void observe(String limitInfo) {
        OptionalLong used = used(limitInfo);
        if (used.isEmpty()) {
            return;
        }
        if (usedAtStart < 0) {
            OptionalLong limit = limit(limitInfo);
            if (limit.isEmpty()) {
                return;
            }
            // the header counts this fetch's requests so far: the org had them left when the fetch began
            long remainingAtStart = limit.getAsLong() - used.getAsLong() + spent;
            start(limit.getAsLong(), remainingAtStart);
        }
        spent = Math.max(spent, used.getAsLong() - usedAtStart);
    }

    /** Whether the org's limits are known, from {@link #start} or a header. */
    public synchronized boolean started() {
        return usedAtStart >= 0;
    }

    /** The {@code limit} of {@code api-usage=used/limit}, if the header has it. */
    static OptionalLong limit(String limitInfo) {
        if (limitInfo == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(2))) : OptionalLong.empty();
    }

    /** The {@code used} of {@code api-usage=used/limit}, if the header has it. */
    static OptionalLong used(String limitInfo) {
        if (limitInfo == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** Requests charged (or observed) so far. */
    public synchronized long spent() {
        return spent;
    }

    /** The requests this fetch may make, or {@link Long#MAX_VALUE} before {@link #start}. */
    public synchronized long allowed() {
        return allowed;
    }

    /** The org's daily limit, or -1 when unknown. */
    public synchronized long orgLimit() {
        return orgLimit;
    }
}
