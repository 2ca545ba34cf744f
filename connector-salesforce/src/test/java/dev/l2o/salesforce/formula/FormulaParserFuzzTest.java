package dev.l2o.salesforce.formula;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.error.ErrorCode;
import dev.l2o.testing.FuzzCorpus;
import dev.l2o.testing.ReaderFuzzTest;
import dev.l2o.testing.ResultOrUserError;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormulaParserFuzzTest {
    @ReaderFuzzTest
    void formula(byte[] input) throws Exception {
        parseAndAnalyse(input);
    }

    @Test
    void mutatedFormulasGiveATreeOrAOneLineUserError() {
        FuzzCorpus.check(getClass(), "formula", 2000, FormulaParserFuzzTest::parseAndAnalyse);
    }

    @Test
    void deepParenthesesAreASyntaxErrorInsteadOfAStackOverflow() {
        // when / then
        assertThatThrownBy(() -> FormulaParser.parse("(".repeat(100_000) + "1" + ")".repeat(100_000)))
                .isInstanceOfSatisfying(FormulaSyntaxException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_METADATA);
                    ResultOrUserError.assertUserError(e);
                })
                .hasMessage("column " + (FormulaParser.MAX_DEPTH + 1) + ": the formula nests deeper than " + FormulaParser.MAX_DEPTH + " levels");
    }

    @Test
    void aLongOperatorChainIsASyntaxErrorInsteadOfATreeTooDeepToAnalyse() {
        // when / then
        assertThatThrownBy(() -> FormulaParser.parse(String.join(" && ", Collections.nCopies(100_000, "A"))))
                .isInstanceOf(FormulaSyntaxException.class)
                .hasMessageEndingWith("the formula nests deeper than " + FormulaParser.MAX_DEPTH + " levels");
    }

    @Test
    void formulasAsDeepAsSalesforceWritesThemStillParse() {
        // given: fifty nested IFs
        String formula = "IF(A, 1, ".repeat(50) + "0" + ")".repeat(50);

        // when
        FormulaNode node = FormulaParser.parse(formula);

        // then
        assertThat(FormulaAnalysis.fieldsReferenced(node)).containsExactly("A");
    }

    private static void parseAndAnalyse(byte[] input) throws Exception {
        ResultOrUserError.check(() -> {
            FormulaNode node = FormulaParser.parse(new String(input, UTF_8));
            FormulaAnalysis.fieldsReferenced(node);
            FormulaAnalysis.references(node);
            FormulaAnalysis.requirements(node, "StageName", List.of("Prospecting", "Qualification", "Closed Won"));
        });
    }
}
