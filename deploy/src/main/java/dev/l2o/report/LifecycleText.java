package dev.l2o.report;

import dev.l2o.audit.Lifecycles;
import dev.l2o.metrics.StageMetrics;
import java.util.List;

/**
 * The words of the bowtie section, the same in the text, Markdown and HTML reports. The section is shown only when
 * the blueprint designs more than {@code opportunityLifecycle}, so reports of single-pipeline blueprints stay as
 * they were.
 */
final class LifecycleText {
    /** The sentence under the section's heading. */
    static final String DEFINITION = "Every designed pipeline: new business, renewal and expansion, each measured over its"
            + " own records. Rates are won / closed records of the lifecycle, from stage history.";

    private LifecycleText() {}

    /** Whether the report has a bowtie section. */
    static boolean shown(Lifecycles lifecycles) {
        return lifecycles.entries().size() > 1;
    }

    /** {@code renewals · renewal · pipeline 'Renewal'}. */
    static String title(Lifecycles.Entry entry) {
        return entry.name() + " · " + entry.motion().blueprintName() + " · "
                + (entry.pipeline() == null ? "no CRM pipeline" : "pipeline '" + entry.pipeline() + "'");
    }

    /** {@code 3 of 4 stages found; missing: renewal-review}. */
    static String stages(Lifecycles.Entry entry) {
        int total = entry.stagesFound().size() + entry.stagesMissing().size();
        return entry.stagesFound().size() + " of " + total + " stages found"
                + (entry.stagesMissing().isEmpty() ? "" : "; missing: " + String.join(", ", entry.stagesMissing()));
    }

    /** {@code renewal rate 67% (2 of 3 closed)} or {@code renewal rate unavailable: no closed records …}. */
    static String rate(Lifecycles.Entry entry) {
        Double rate = entry.rate();
        return rate == null ? entry.rateName() + " unavailable: " + entry.rateUnavailable()
                : entry.rateName() + " " + TextReportWriter.percent(rate) + " (" + entry.won() + " of " + entry.closed() + " closed)";
    }

    /**
     * {@code 14 records, median days in stage: Renewal Review 12.5, Negotiation 4.0}: the lifecycle's time in stage in one
     * line, blueprint stages that have completed stays, in blueprint order.
     */
    static String timeInStage(Lifecycles.Entry entry) {
        StageMetrics metrics = entry.metrics();
        if (!metrics.historyAvailable()) {
            return "time in stage not measured: no stage history";
        }
        if (!metrics.measured()) {
            return "time in stage not measured: no records of this lifecycle in the history";
        }
        List<String> medians = metrics.stages().stream()
                .filter(stat -> stat.mapped() && stat.medianDays() != null)
                .map(stat -> stat.label() + " " + TextReportWriter.days(stat.medianDays()))
                .toList();
        String records = metrics.records() + (metrics.records() == 1 ? " record" : " records");
        return records + (medians.isEmpty() ? ", no completed stays yet" : ", median days in stage: " + String.join(", ", medians));
    }

    /** One line per lifecycle: title, stages, rate and time in stage. */
    static List<String> lines(Lifecycles lifecycles) {
        return lifecycles.entries().stream()
                .map(entry -> title(entry) + ": " + stages(entry) + "; " + rate(entry) + "; " + timeInStage(entry))
                .toList();
    }
}
