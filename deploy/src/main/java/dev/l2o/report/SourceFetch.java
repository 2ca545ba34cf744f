package dev.l2o.report;

import static java.util.Objects.requireNonNull;

import dev.l2o.connector.IncrementalFetch;
import dev.l2o.model.SourceInfo;
import java.util.Optional;

/**
 * How a live source was read, from the {@link IncrementalFetch} attributes of its snapshot: in full (and why) or
 * incrementally since a time (and what was re-read). Every report format says it in these words.
 *
 * @param incremental whether the fetch built on the previous run's snapshot
 * @param reason why it was full, or what the incremental fetch re-read
 * @param since an incremental fetch's lower bound (ISO-8601), or null for a full fetch
 */
public record SourceFetch(boolean incremental, String reason, String since) {
    public SourceFetch {
        requireNonNull(reason, "reason is null");
    }

    /** How {@code source} was read, when its connector says (live sources do; files and folders do not). */
    public static Optional<SourceFetch> of(SourceInfo source) {
        String mode = source.attributes().get(IncrementalFetch.FETCH);
        if (mode == null) {
            return Optional.empty();
        }
        String reason = source.attributes().getOrDefault(IncrementalFetch.FETCH_REASON, "");
        boolean incremental = mode.equals("incremental");
        return Optional.of(new SourceFetch(incremental, reason, incremental ? source.attributes().get(IncrementalFetch.SINCE) : null));
    }

    /** {@code incremental} or {@code full}. */
    public String mode() {
        return incremental ? "incremental" : "full";
    }

    /** One line for people: {@code incremental fetch since T: …} or {@code full fetch: …}. */
    public String sentence() {
        return incremental ? "incremental fetch of the changes since " + since + ": " + reason : "full fetch: " + reason;
    }
}
