package dev.l2o.salesforce.internal;

import dev.l2o.error.ErrorCode;
import dev.l2o.error.L2oException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The share of the org's remaining daily API requests one fetch may spend. It starts unlimited until the
 * org's limits are known, is charged before every API request, and follows {@code Sforce-Limit-Info} so
 * that requests other clients make meanwhile count too. When the next request would exceed the budget it
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

    /** Reads a {@code Sforce-Limit-Info} header; usage by other clients since the start counts against the budget. */
    public synchronized void observe(String limitInfo) {
        OptionalLong used = used(limitInfo);
        if (used.isPresent() && usedAtStart >= 0) {
            spent = Math.max(spent, used.getAsLong() - usedAtStart);
        }
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
