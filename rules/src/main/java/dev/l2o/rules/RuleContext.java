package dev.l2o.rules;

import java.time.Instant;
import java.util.Optional;

/** What a rule sees besides blueprint and snapshot, and where it reports. One context per rule per audit. */
public interface RuleContext {
    /** "Now" for the audit ({@code --as-of}, else the snapshot's as-of time). */
    Instant asOf();

    /** A precomputed analysis the engine was given (for example stage metrics), by type. */
    <T> Optional<T> attachment(Class<T> type);

    /** Reports a finding; the context stamps the rule id, severity and dimension. */
    void report(FindingDraft draft);
}
