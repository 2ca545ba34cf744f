package dev.l2o.rules.custom;

import dev.l2o.rules.FindingDraft;
import dev.l2o.rules.RuleContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule context that keeps what rules report. */
final class RecordingContext implements RuleContext {
    final List<FindingDraft> reported = new ArrayList<>();

    @Override
    public Instant asOf() {
        return Fixtures.AS_OF;
    }

    @Override
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public void report(FindingDraft draft) {
        reported.add(draft);
    }
}
