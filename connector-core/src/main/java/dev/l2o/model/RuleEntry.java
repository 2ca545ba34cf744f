package dev.l2o.model;

import java.util.List;

/**
 * One entry of an assignment rule, evaluated in {@code order}.
 *
 * @param order 1-based evaluation order
 * @param criteria the filter criteria
 * @param booleanFilter how criteria combine ({@code 1 AND (2 OR 3)}), or null for AND of all
 * @param formula a formula criterion instead of {@code criteria}, or null
 * @param assignee who matching records go to, or null when the entry keeps the current owner
 */
public record RuleEntry(int order, List<Criterion> criteria, String booleanFilter, String formula, Assignee assignee) {
    public RuleEntry {
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
    }
}
