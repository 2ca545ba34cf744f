package dev.l2o.rules.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.l2o.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelConditionTest {
    @Test
    void comparesIntegersAndDecimalsOfAnyJavaType() {
        // given
        CelCondition condition = CelCondition.compile("opp.Amount > 1000 && opp.Seats >= 10.0 && opp.Discount < 0.5", CelScope.OPPORTUNITY);
        Map<String, Object> opportunity = Map.of("Amount", new BigDecimal("1500.50"), "Seats", 12, "Discount", 0.25f);

        // then
        assertThat(condition.test(Map.of("opp", opportunity))).isTrue();
        assertThat(condition.test(Map.of("opp", Map.of("Amount", BigInteger.TEN, "Seats", (short) 12, "Discount", 0.1)))).isFalse();
    }

    @Test
    void hasTestsWhetherAFieldHasAValue() {
        // given
        CelCondition condition = CelCondition.compile("has(lead.Company)", CelScope.LEAD);
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("Company", null);

        // then
        assertThat(condition.test(Map.of("lead", Map.of("Company", "Acme")))).isTrue();
        assertThat(condition.test(Map.of("lead", withNull))).isFalse();
        assertThat(condition.test(Map.of("lead", Map.of()))).isFalse();
    }

    @Test
    void macrosWorkOverNestedListsAndMaps() {
        // given
        CelCondition condition = CelCondition.compile(
                "config.stages.exists(s, s.key == 'won' && s.won) && config.fieldNames.all(f, f.startsWith('Opportunity.'))",
                CelScope.CONFIG);
        Map<String, Object> config = Map.of(
                "stages", List.of(Map.of("key", "won", "won", true, "order", 3)),
                "fieldNames", List.of("Opportunity.Amount", "Opportunity.Pain__c"));

        // then
        assertThat(condition.test(Map.of("config", config))).isTrue();
    }

    @Test
    void missingKeyFailsWithAClearMessage() {
        // given
        CelCondition condition = CelCondition.compile("opp.Amount > 5", CelScope.OPPORTUNITY);

        // when
        CelConditionException thrown = catchThrowableOfType(CelConditionException.class, () -> condition.test(Map.of("opp", Map.of())));

        // then
        assertThat(thrown.getMessage()).isEqualTo("CEL expression 'opp.Amount > 5' failed: key 'Amount' is not present in map");
        assertThat(thrown.code()).isEqualTo(ErrorCode.BAD_BLUEPRINT);
    }

    @Test
    void resultThatIsNotABooleanFailsWithoutAClassCastException() {
        // given
        CelCondition condition = CelCondition.compile("opp.stage", CelScope.OPPORTUNITY);

        // then
        assertThatThrownBy(() -> condition.test(Map.of("opp", Map.of("stage", "commitment"))))
                .isInstanceOf(CelConditionException.class)
                .hasMessage("CEL expression 'opp.stage' failed: it gave 'commitment', not true or false");
    }

    @Test
    void compileErrorNamesTheReasonAndTheColumn() {
        // when
        CelConditionException thrown = catchThrowableOfType(CelConditionException.class,
                () -> CelCondition.compile("lead.Employees > 5 && leed.Country == 'DE'", CelScope.LEAD));

        // then
        assertThat(thrown.reason()).isEqualTo("undeclared reference to 'leed'");
        assertThat(thrown.line()).isEqualTo(1);
        assertThat(thrown.column()).isEqualTo(23);
        assertThat(thrown.getMessage()).isEqualTo("CEL expression 'lead.Employees > 5 && leed.Country == 'DE'' does not compile: "
                + "undeclared reference to 'leed' at column 23 (variables: lead, record)");
    }

    @Test
    void expressionThatCannotBeBooleanDoesNotCompile() {
        assertThatThrownBy(() -> CelCondition.compile("1 + 2", List.of("record")))
                .isInstanceOf(CelConditionException.class)
                .hasMessageContaining("does not compile");
    }

    @Test
    void compiledConditionsAreCachedByExpressionAndVariables() {
        // when
        CelCondition first = CelCondition.compile("has(record.Id)", List.of("record", "lead"));
        CelCondition second = CelCondition.compile("has(record.Id)", List.of("lead", "record"));
        CelCondition other = CelCondition.compile("has(record.Id)", List.of("record"));

        // then
        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(first.variables()).containsExactly("lead", "record");
    }

    @Test
    void normalisesJavaValuesIntoCelTypes() {
        // given
        Map<String, Object> input = new HashMap<>();
        input.put("count", 3);
        input.put("amount", new BigDecimal("2.5"));
        input.put("date", LocalDate.of(2025, 1, 31));
        input.put("none", null);
        input.put("list", Arrays.asList(1, null, "x"));

        // when
        Map<String, Object> normal = CelValues.normalizeMap(input);

        // then
        assertThat(normal).containsOnly(
                Map.entry("count", 3L),
                Map.entry("amount", 2.5),
                Map.entry("date", "2025-01-31"),
                Map.entry("list", List.of(1L, "x")));
    }

    @Test
    void cleanMapsAreNotCopied() {
        // given
        Map<String, Object> clean = Map.of("a", 1L, "b", List.of("x"), "c", Map.of("d", true));

        // then
        assertThat(CelValues.normalizeMap(clean)).isSameAs(clean);
    }
}
