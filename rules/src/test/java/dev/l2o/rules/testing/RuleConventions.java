package dev.l2o.rules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.rules.Dimension;
import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.Severity;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;

/**
 * The metadata conventions every built-in rule keeps, as assertions, and the contract's rule table
 * (CONTRACT.md section 3, with the dimension each rule counts against).
 */
public final class RuleConventions {
    /** A row of the contract's rule table. */
    public record CatalogRow(Severity severity, Dimension dimension) {}

    /** The contract's table; {@code L2O-PIPELINE-MISSING} is the catalog's addition to it. */
    public static final Map<String, CatalogRow> CONTRACT = Map.ofEntries(
            Map.entry("L2O-PIPELINE-MISSING", new CatalogRow(Severity.ERROR, Dimension.LIFECYCLE)),
            Map.entry("L2O-HUBSPOT-STAGE-DATES", new CatalogRow(Severity.WARNING, Dimension.MEASUREMENT)),
            Map.entry("L2O-STAGE-MISSING", new CatalogRow(Severity.ERROR, Dimension.LIFECYCLE)),
            Map.entry("L2O-STAGE-UNDECLARED", new CatalogRow(Severity.WARNING, Dimension.LIFECYCLE)),
            Map.entry("L2O-STAGE-ORDER", new CatalogRow(Severity.WARNING, Dimension.LIFECYCLE)),
            Map.entry("L2O-STAGE-PROBABILITY", new CatalogRow(Severity.WARNING, Dimension.MEASUREMENT)),
            Map.entry("L2O-STAGE-FORECAST", new CatalogRow(Severity.WARNING, Dimension.MEASUREMENT)),
            Map.entry("L2O-STAGE-CLOSED-FLAGS", new CatalogRow(Severity.ERROR, Dimension.LIFECYCLE)),
            Map.entry("L2O-RENEWAL-MISSING", new CatalogRow(Severity.ERROR, Dimension.LIFECYCLE)),
            Map.entry("L2O-RENEWAL-INACTIVE", new CatalogRow(Severity.ERROR, Dimension.LIFECYCLE)),
            Map.entry("L2O-RENEWAL-TIMING", new CatalogRow(Severity.WARNING, Dimension.LIFECYCLE)),
            Map.entry("L2O-FIELD-MISSING", new CatalogRow(Severity.ERROR, Dimension.STRATEGY)),
            Map.entry("L2O-FIELD-TYPE", new CatalogRow(Severity.WARNING, Dimension.STRATEGY)),
            Map.entry("L2O-FIELD-PICKLIST", new CatalogRow(Severity.WARNING, Dimension.STRATEGY)),
            Map.entry("L2O-CRITERIA-UNENFORCED", new CatalogRow(Severity.WARNING, Dimension.QUALIFICATION)),
            Map.entry("L2O-ROUTING-UNIMPLEMENTED", new CatalogRow(Severity.ERROR, Dimension.ROUTING)),
            Map.entry("L2O-ROUTING-UNDECLARED", new CatalogRow(Severity.WARNING, Dimension.ROUTING)),
            Map.entry("L2O-AUTOMATION-MISSING", new CatalogRow(Severity.ERROR, Dimension.ROUTING)),
            Map.entry("L2O-AUTOMATION-INACTIVE", new CatalogRow(Severity.ERROR, Dimension.ROUTING)),
            Map.entry("L2O-HISTORY-UNTRACKED", new CatalogRow(Severity.WARNING, Dimension.MEASUREMENT)),
            Map.entry("L2O-STALE-DEAL", new CatalogRow(Severity.WARNING, Dimension.PIPELINE)),
            Map.entry("L2O-STAGE-SKIPPED", new CatalogRow(Severity.WARNING, Dimension.PIPELINE)),
            Map.entry("L2O-STAGE-REGRESSION", new CatalogRow(Severity.INFO, Dimension.PIPELINE)),
            Map.entry("L2O-CLOSE-DATE-PAST", new CatalogRow(Severity.WARNING, Dimension.PIPELINE)),
            Map.entry("L2O-CONVERSION-BELOW-TARGET", new CatalogRow(Severity.WARNING, Dimension.MEASUREMENT)));

    private RuleConventions() {}

    /** Asserts every convention of a built-in rule. */
    public static void assertConventions(Rule rule) {
        RuleDescriptor descriptor = rule.descriptor();
        String id = descriptor.id();
        assertThat(id).as("id").matches("L2O-[A-Z]+(-[A-Z]+)*");
        assertThat(descriptor.title()).as("title of %s", id)
                .isNotBlank()
                .doesNotEndWith(".")
                .matches("\\p{Lu}.*")
                .hasSizeLessThanOrEqualTo(60);
        assertThat(descriptor.description()).as("description of %s", id)
                .matches("\\p{Lu}.*")
                .endsWith(".")
                .doesNotContain("  ");
        assertThat(CONTRACT).as("contract table").containsKey(id);
        CatalogRow row = CONTRACT.get(id);
        assertThat(descriptor.defaultSeverity()).as("severity of %s", id).isEqualTo(row.severity());
        assertThat(descriptor.dimension()).as("dimension of %s", id).isEqualTo(row.dimension());
        assertThat(rule.descriptor()).as("descriptor of %s is stable", id).isEqualTo(descriptor);
        Class<?> type = rule.getClass();
        // Rules over stage metrics share one base class in builtin.pipeline, whatever dimension they count against.
        assertThat(type.getPackageName()).as("package of %s", id)
                .isIn("dev.l2o.rules.builtin." + descriptor.dimension().key(), "dev.l2o.rules.builtin.pipeline");
        assertThat(type.getSimpleName()).as("class of %s", id).endsWith("Rule");
        assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type.getSimpleName()).isTrue();
        assertThat(Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName)).as("%s is stateless", type.getSimpleName()).isEmpty();
    }
}
