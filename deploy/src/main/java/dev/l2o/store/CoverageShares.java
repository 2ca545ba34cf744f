package dev.l2o.store;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The blueprint coverage of a run (the report's {@code coverage}): shares 0–1, live counting 1 and partly live ½.
 *
 * @param overall the share over every designed element
 * @param sections share by section key ({@code stages}, {@code criteria}, …), in report order, for sections with
 *     elements
 */
public record CoverageShares(double overall, Map<String, Double> sections) {
    /** The section name the store keeps the overall share under. */
    static final String OVERALL = "overall";

    public CoverageShares {
        checkShare(OVERALL, overall);
        requireNonNull(sections, "sections is null");
        sections.forEach((key, share) -> checkShare(requireNonNull(key, "section key is null"),
                requireNonNull(share, "share of " + key + " is null")));
        if (sections.containsKey(OVERALL)) {
            throw new IllegalArgumentException("'" + OVERALL + "' is not a section");
        }
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    private static void checkShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("coverage share of " + name + " must be within 0–1: " + share);
        }
    }
}
