package dev.l2o.rules.builtin.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldTypesTest {
    @ParameterizedTest(name = "{1} in {0} accepts {2}: {3}")
    @CsvSource({
        "salesforce, Picklist, picklist, true",
        "salesforce, Picklist, PICKLIST, true",
        "hubspot, Picklist, enumeration/select, true",
        "hubspot, Picklist, enumeration/checkbox, false",
        "hubspot, MultiselectPicklist, enumeration/checkbox, true",
        "hubspot, Number, number/number, true",
        "hubspot, Currency, number/calculation_equation, true",
        "hubspot, Percent, number, true",
        "salesforce, Currency, Number, false",
        "salesforce, Currency, number, false",
        "hubspot, Date, date/date, true",
        "hubspot, Date, datetime/date, false",
        "hubspot, DateTime, datetime/date, true",
        "hubspot, TextArea, string/textarea, true",
        "hubspot, LongTextArea, string/textarea, true",
        "hubspot, LongTextArea, string/text, false",
        "hubspot, Checkbox, bool/booleancheckbox, true",
        "hubspot, Checkbox, enumeration/booleancheckbox, true",
        "salesforce, Checkbox, boolean, true",
        "salesforce, Lookup, reference, true",
        "salesforce, Text, Url, false",
        "salesforce, LongTextArea, TextArea, false"
    })
    void declaredSalesforceTypesAcceptTheirDocumentedEquivalents(
            String crm, String declared, String actual, boolean accepted) {
        // when
        boolean satisfies = FieldTypes.satisfies(crm, declared, actual);

        // then
        assertThat(satisfies).isEqualTo(accepted);
    }
}
