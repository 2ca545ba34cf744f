package dev.l2o.rules.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.rules.Rule;
import dev.l2o.rules.RuleDescriptor;
import dev.l2o.rules.testing.RuleConventions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RuleCatalogTest {
    private static final List<String> CONFIGURATION_IDS = List.of("L2O-PIPELINE-MISSING", "L2O-STAGE-MISSING",
            "L2O-STAGE-UNDECLARED", "L2O-STAGE-ORDER", "L2O-STAGE-PROBABILITY", "L2O-STAGE-FORECAST",
            "L2O-STAGE-CLOSED-FLAGS", "L2O-RENEWAL-MISSING", "L2O-RENEWAL-INACTIVE", "L2O-RENEWAL-TIMING",
            "L2O-FIELD-MISSING", "L2O-FIELD-TYPE", "L2O-FIELD-PICKLIST",
            "L2O-CRITERIA-UNENFORCED", "L2O-ROUTING-UNIMPLEMENTED", "L2O-ROUTING-UNDECLARED",
            "L2O-AUTOMATION-MISSING", "L2O-AUTOMATION-INACTIVE", "L2O-HISTORY-UNTRACKED");

    static Stream<Rule> builtinRules() {
        return BuiltinRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtinRules")
    void everyBuiltinRuleKeepsTheMetadataConventionsAndTheContractTable(Rule rule) {
        // then
        RuleConventions.assertConventions(rule);
    }

    @Test
    void theConfigurationRulesAreExactlyTheContractsConfigurationRules() {
        // when
        List<String> ids = BuiltinRules.configuration().stream().map(r -> r.descriptor().id()).toList();

        // then
        assertThat(ids).containsExactlyElementsOf(CONFIGURATION_IDS);
    }

    @Test
    void theCatalogListsEveryBuiltinDescriptorOnceSortedById() {
        // when
        List<RuleDescriptor> descriptors = RuleCatalog.descriptors();

        // then
        assertThat(descriptors).extracting(RuleDescriptor::id)
                .doesNotHaveDuplicates()
                .isSorted()
                .containsExactlyInAnyOrderElementsOf(BuiltinRules.all().stream().map(r -> r.descriptor().id()).toList());
        assertThat(RuleCatalog.find("L2O-FIELD-TYPE")).hasValueSatisfying(d -> assertThat(d.title())
                .isEqualTo("Declared field has another type"));
        assertThat(RuleCatalog.isBuiltin("NW-CLOSE-PLAN")).isFalse();
    }
}
