package dev.l2o.blueprint;

/**
 * {@code ruleset.parameters}: defaults the rules use where the blueprint does not say.
 *
 * @param staleDealDays the time benchmark of an open stage without {@code maxDaysInStage}, or null (such a stage
 *     has none and no stale deals)
 * @param allowRegression the regression policy when {@code opportunityLifecycle.allowRegression} is absent, or
 *     null (records may move backwards)
 */
public record RuleParameters(Integer staleDealDays, Boolean allowRegression) {
    /** No parameters: the blueprint's own defaults. */
    public static final RuleParameters NONE = new RuleParameters(null, null);

    /**
     * Whether no parameter is set. (Rather than {@code equals(NONE)}: a record's generated {@code equals} is linked at
     * its first call by generating classes, a cost every run would pay at start-up for this one comparison.)
     */
    public boolean setsNothing() {
        return staleDealDays == null && allowRegression == null;
    }

    /** These parameters with every one {@code override} sets replaced by its value. */
    public RuleParameters overriddenBy(RuleParameters override) {
        return new RuleParameters(override.staleDealDays() != null ? override.staleDealDays() : staleDealDays,
                override.allowRegression() != null ? override.allowRegression() : allowRegression);
    }
}
