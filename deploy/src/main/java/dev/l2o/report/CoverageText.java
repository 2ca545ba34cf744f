package dev.l2o.report;

import dev.l2o.audit.Coverage;
import java.util.Comparator;
import java.util.List;

/** The words and figures of blueprint coverage, the same in the text, Markdown and HTML reports. */
final class CoverageText {
    /** The sentence under the coverage headings. */
    static final String DEFINITION = "Live counts 1, partly live ½, absent 0; an element is absent when a finding says it"
            + " is missing, partly live when one says it differs or is enforced by nothing.";

    private CoverageText() {}

    /** {@code 47%}. */
    static String percent(double share) {
        return TextReportWriter.percent(share);
    }

    /** {@code 2 live · 1 partly live · 1 absent of 4}. */
    static String counts(Coverage.SectionShare section) {
        return section.live() + " live · " + section.partial() + " partly live · " + section.absent() + " absent of "
                + section.total();
    }

    /** {@code partly live}. */
    static String status(Coverage.Status status) {
        return switch (status) {
            case LIVE -> "live";
            case PARTIAL -> "partly live";
            case ABSENT -> "absent";
        };
    }

    /** The elements that are not live: absent ones first, then partly live ones, each in section and blueprint order. */
    static List<Coverage.Element> gaps(Coverage coverage) {
        return coverage.gaps().stream().sorted(Comparator.comparing((Coverage.Element gap) -> gap.status()).reversed()).toList();
    }

    /** {@code stages: evaluation (L2O-STAGE-MISSING)}. */
    static String gap(Coverage.Element element) {
        return element.section().key() + ": " + element.name() + " (" + String.join(", ", element.because()) + ")";
    }
}
