package dev.l2o.salesforce.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.l2o.model.FieldRequirement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormulaAnalysisTest {
    private static final List<String> STAGES = List.of("Prospecting", "Qualification", "Needs Analysis",
            "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost");

    @Test
    void aStageAndABlankFieldWithAPermissionBypassRequireTheFieldInThatStage() {
        // when
        List<FieldRequirement> requirements = analyse("""
                AND(
                  ISPICKVAL(StageName, "Closed Won"),
                  ISBLANK(Pain__c),
                  NOT($Permission.Bypass_Validation)
                )""");

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("Pain__c", Set.of("Closed Won")));
    }

    @Test
    void anOrOfStagesRequiresTheFieldInEachOfThem() {
        // when
        List<FieldRequirement> requirements = analyse("""
                AND(OR(ISPICKVAL(StageName, 'Proposal/Price Quote'), ISPICKVAL(StageName, 'Negotiation/Review')),
                    ISBLANK(Decision_Criteria__c), $User.Alias <> 'integ')""");

        // then
        assertThat(requirements).containsExactly(
                new FieldRequirement("Decision_Criteria__c", Set.of("Proposal/Price Quote", "Negotiation/Review")));
    }

    @Test
    void negatedStagesMeanTheOtherStagesOfTheObject() {
        // when
        List<FieldRequirement> requirements = analyse("""
                /* leaving discovery needs the pain */
                NOT(ISPICKVAL(StageName, "Prospecting")) && !ISPICKVAL(StageName, "Qualification")
                  && LEN(Pain__c) = 0""");

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("Pain__c",
                Set.of("Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost")));
    }

    @Test
    void nestedParenthesesAndInfixOperatorsAreDistributed() {
        // when
        List<FieldRequirement> requirements = analyse("""
                ((TEXT(StageName) = "Closed Lost") || (TEXT(StageName) == 'Closed Won' && Amount > 100000))
                && ((Loss_Reason__c = "") || (TEXT(Competitor__c) = ""))""");

        // then
        assertThat(requirements).containsExactly(
                new FieldRequirement("Competitor__c", Set.of("Closed Lost", "Closed Won")),
                new FieldRequirement("Loss_Reason__c", Set.of("Closed Lost", "Closed Won")));
    }

    @Test
    void withoutAStageAtomTheRequirementHoldsInEveryStage() {
        // when
        List<FieldRequirement> requirements = analyse("AND(ISCHANGED(Amount), ISNULL(NextStep))");

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("NextStep", Set.of()));
    }

    @Test
    void contradictoryConjunctsEnforceNothing() {
        // when
        List<FieldRequirement> requirements = analyse("""
                OR(AND(ISBLANK(Pain__c), NOT(ISBLANK(Pain__c))),
                   AND(ISPICKVAL(StageName, 'Closed Won'), ISPICKVAL(StageName, 'Closed Lost'), ISBLANK(Pain__c)),
                   AND(ISPICKVAL(StageName, 'Closed Won'), NOT(ISPICKVAL(StageName, 'Closed Won')), ISBLANK(Pain__c)))""");

        // then
        assertThat(requirements).isEmpty();
    }

    @Test
    void aBlankTestUnderNegationIsNotARequirement() {
        // when
        List<FieldRequirement> requirements = analyse("AND(ISPICKVAL(StageName, 'Closed Won'), NOT(ISBLANK(Discount__c)))");

        // then
        assertThat(requirements).isEmpty();
    }

    @Test
    void caseOverTheStageComparedWithANumberSelectsStages() {
        // when
        List<FieldRequirement> requirements = analyse("""
                CASE(StageName, "Negotiation/Review", 1, "Closed Won", 1, 0) = 1 && ISPICKVAL(Close_Plan__c, "")""");

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("Close_Plan__c", Set.of("Negotiation/Review", "Closed Won")));
    }

    @Test
    void priorValueOfTheStageIsNotAStageAtom() {
        // when
        List<FieldRequirement> requirements = analyse("""
                AND(ISPICKVAL(PRIORVALUE(StageName), 'Qualification'), ISCHANGED(StageName), ISBLANK(Pain__c))""");

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("Pain__c", Set.of()));
    }

    @Test
    void flowMergeFieldsReferToTheRecord() {
        // given
        FormulaNode formula = FormulaParser.parse("{!$Record.Amount} > 1000 && ISBLANK({!$Record.NextStep}) && !{!$Permission.Bypass_Flows}");

        // when
        List<FieldRequirement> requirements = FormulaAnalysis.requirements(formula, "StageName", STAGES);

        // then
        assertThat(requirements).containsExactly(new FieldRequirement("NextStep", Set.of()));
        assertThat(FormulaAnalysis.fieldsReferenced(formula)).containsExactly("Amount", "NextStep");
    }

    @Test
    void fieldsReferencedLeaveOutGlobals() {
        // when
        Set<String> fields = FormulaAnalysis.fieldsReferenced(FormulaParser.parse("""
                AND(ISPICKVAL(StageName, "Closed Won"), ISBLANK(Pain__c), Account.Industry = 'Retail',
                    $User.ProfileId <> '00e000000000001', NOT($Setup.Bypass__c.Active__c))"""));

        // then
        assertThat(fields).containsExactly("Account.Industry", "Pain__c", "StageName");
    }

    @Test
    void theParserNormalisesSynonymsQuotesAndCase() {
        // when
        FormulaNode first = FormulaParser.parse("and(Amount == 1, Name != 'x', true)");
        FormulaNode second = FormulaParser.parse("AND( Amount = 1 , Name <> \"x\" , TRUE ) /* same */");

        // then
        assertThat(first).isEqualTo(second);
        assertThat(FormulaParser.parse("'It\\'s' & \"a \\\"b\\\"\""))
                .isEqualTo(new FormulaNode.Binary("&", new FormulaNode.Text("It's"), new FormulaNode.Text("a \"b\"")));
        assertThat(FormulaParser.parse("-2 ^ 2 * 3 + 1 < 5 = FALSE")).isEqualTo(
                new FormulaNode.Binary("=",
                        new FormulaNode.Binary("<",
                                new FormulaNode.Binary("+",
                                        new FormulaNode.Binary("*",
                                                new FormulaNode.Unary("-", new FormulaNode.Binary("^",
                                                        new FormulaNode.Number("2"), new FormulaNode.Number("2"))),
                                                new FormulaNode.Number("3")),
                                        new FormulaNode.Number("1")),
                                new FormulaNode.Number("5")),
                        new FormulaNode.Bool(false)));
    }

    @Test
    void aSyntaxErrorNamesTheColumnInOneLine() {
        // when / then
        assertThatThrownBy(() -> FormulaParser.parse("AND(ISPICKVAL(StageName, \"Closed Won\"), ISBLANK(Pain__c)"))
                .isInstanceOf(FormulaSyntaxException.class)
                .hasMessage("column 57: expected ')' or ',' in the arguments of AND (opened at column 1) but found the end of the formula");
        assertThatThrownBy(() -> FormulaParser.parse("AND(\n  ISBLANK(Pain__c),\n  Amount > > 5)"))
                .hasMessage("line 3, column 12: expected a value but found '>'");
        assertThatThrownBy(() -> FormulaParser.parse("ISBLANK('open)"))
                .hasMessage("column 9: the string is not closed with '");
        assertThatThrownBy(() -> FormulaParser.parse("Amount # 2")).hasMessage("column 8: unexpected character '#'");
    }

    private static List<FieldRequirement> analyse(String formula) {
        return FormulaAnalysis.requirements(FormulaParser.parse(formula), "StageName", STAGES);
    }
}
