package dev.l2o.report;

import dev.l2o.audit.AuditReport;
import dev.l2o.rules.Finding;

/** Where a reader should look for a finding, as one line of text for the human-readable formats. */
final class FindingLocations {
    private FindingLocations() {}

    /**
     * {@code file:line} of the SFDX file the finding is about, else {@code blueprint:line} of the declaration of its
     * subject, else empty.
     */
    static String where(AuditReport report, Finding finding) {
        if (finding.location() != null && finding.location().file() != null) {
            return finding.location().file() + (finding.location().line() > 0 ? ":" + finding.location().line() : "");
        }
        return report.blueprintPosition(finding).map(p -> report.blueprintFile() + ":" + p.line()).orElse("");
    }
}
