package dev.l2o.store;

import dev.l2o.audit.Verdict;
import java.util.Locale;

/** How a finished audit run ended. */
public enum RunOutcome {
    /** Complete, and no finding at or above the audit's threshold. */
    PASSED,
    /** Complete, with findings: the CRM drifted from the blueprint. */
    DRIFT,
    /** The source could not be read fully; never a green run. */
    INCOMPLETE,
    /** The audit could not run (bad blueprint, bad credentials, a defect). */
    FAILED,
    /** Stopped before it finished (shutdown, or a node that died); a later attempt may take the run over. */
    INTERRUPTED;

    /** The outcome of a run that finished with {@code verdict}. */
    public static RunOutcome of(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> PASSED;
            case FINDINGS -> DRIFT;
            case INCOMPLETE -> INCOMPLETE;
        };
    }

    /** The lower-case name used in output and metrics labels. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
