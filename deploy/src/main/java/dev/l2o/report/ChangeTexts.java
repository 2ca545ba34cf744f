package dev.l2o.report;

import dev.l2o.audit.AttributionSummary;
import dev.l2o.model.SetupChange;

/** How every writer words a setup change and where the changes came from, so that the formats say the same. */
final class ChangeTexts {
    private ChangeTexts() {}

    /** {@code changed by Ana Díaz at 2026-09-14T10:00:00Z: Changed active flag …}; without a user, {@code changed at …}. */
    static String of(SetupChange change) {
        return "changed " + (change.changedBy() == null ? "" : "by " + change.changedBy() + " ") + "at " + change.at() + ": "
                + change.display();
    }

    /** One sentence on where the findings' changes come from, or why who changed what is not known. */
    static String summary(AttributionSummary attribution) {
        if (attribution.available()) {
            return "Who changed what: " + attribution.changes() + " setup change" + (attribution.changes() == 1 ? "" : "s")
                    + " read from " + attribution.source() + ".";
        }
        return "Who changed what: not available (" + attribution.reason() + ")"
                + (attribution.changes() == 0 ? "." : "; " + attribution.changes() + " change time"
                        + (attribution.changes() == 1 ? "" : "s") + " read from " + attribution.source() + ".");
    }
}
