package dev.l2o.rules.builtin.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingConditionTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "lead.NumberOfEmployees >= 1000  => NumberOfEmployees greaterOrEqual 1000",
        "1000 <= lead.NumberOfEmployees  => NumberOfEmployees greaterOrEqual 1000",
        "lead.Rating == 'Hot' && lead.Amount < 5.50  => Amount lessThan 5.5;Rating equals Hot",
        "lead.Country in ['DE', 'AT']  => Country equals DE,AT",
        "lead.Country == 'DE' || lead.Country == 'AT'  => Country equals DE,AT",
        "lead.Name.startsWith('Acme')  => Name startsWith Acme",
        "!lead.Name.contains('test')  => Name notContain test",
        "lead.Status != 'Closed'  => Status notEqual Closed",
        "lead.IsPartner__c  => IsPartner__c equals true",
        "lead.Owner.Region == 'EMEA'  => Owner.Region equals EMEA"
    })
    void conjunctionsOfFieldComparisonsReduceToSalesforceCriteria(String when, String expected) {
        // when
        Optional<List<Comparison>> reduced = RoutingCondition.reduce(when);

        // then
        assertThat(reduced).hasValueSatisfying(comparisons -> assertThat(
                comparisons.stream().map(Comparison::toString).sorted().collect(Collectors.joining(";")))
                .isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "lead.A == 'x' || lead.B == 'y'",
        "lead.Score * 2 > 100",
        "size(lead.Tags) > 3",
        "lead.A == lead.B",
        "lead.A ==",
        "has(lead.A)"
    })
    void otherConditionsDoNotReduce(String when) {
        // when
        Optional<List<Comparison>> reduced = RoutingCondition.reduce(when);

        // then
        assertThat(reduced).isEmpty();
    }
}
