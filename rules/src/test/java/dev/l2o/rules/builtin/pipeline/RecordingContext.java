package dev.l2o.rules.builtin.pipeline;

import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule context that holds one attachment and records what rules report. */
final class RecordingContext implements RuleContext {
    private final Instant asOf;
    private final Object attachment;
    final List<FindingDraft> reported = new ArrayList<>();

    RecordingContext(Instant asOf, Object attachment) {
        this.asOf = asOf;
        this.attachment = attachment;
    }

    @Override
    public Instant asOf() {
        return asOf;
    }

    @Override
    public <T> Optional<T> attachment(Class<T> type) {
        return type.isInstance(attachment) ? Optional.of(type.cast(attachment)) : Optional.empty();
    }

    @Override
    public void report(FindingDraft draft) {
        reported.add(draft);
    }
}
