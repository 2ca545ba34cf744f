package dev.l2o.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.blueprint.Suppression;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-02-15");

    private static Finding finding(String ruleId, String subject) {
        return new Finding(ruleId, Severity.WARNING, Dimension.LIFECYCLE, DriftKind.UNDECLARED, subject, null,
                "About " + subject + ".", null, null, 1, List.of(), null);
    }

    private static final Finding PROSPECTING = finding("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Prospecting");
    private static final Finding PERCEPTION = finding("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Perception");
    private static final Finding ORDER = finding("L2O-STAGE-ORDER", "salesforce:Opportunity.StageName#Prospecting");

    @Test
    void aSuppressionMatchesOnRuleIdAndExactSubject() {
        // given
        Suppression accepted = new Suppression("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Prospecting",
                "legacy stage, retired in Q3", null);

        // when
        SuppressionResult result = Suppressions.apply(List.of(PROSPECTING, PERCEPTION, ORDER), List.of(accepted), TODAY);

        // then
        assertThat(result.kept()).containsExactly(PERCEPTION, ORDER);
        assertThat(result.suppressed()).containsExactly(new SuppressedFinding(PROSPECTING, accepted));
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void aStarInTheSubjectMatchesAnyRunOfCharacters() {
        // given
        Suppression accepted = new Suppression("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#P*",
                "all legacy P stages", LocalDate.parse("2026-02-15"));

        // when
        SuppressionResult result = Suppressions.apply(List.of(PROSPECTING, PERCEPTION, ORDER), List.of(accepted), TODAY);

        // then
        assertThat(result.kept()).containsExactly(ORDER);
        assertThat(result.suppressed()).extracting(SuppressedFinding::finding).containsExactly(PROSPECTING, PERCEPTION);
    }

    @Test
    void anExpiredSuppressionNoLongerSuppressesAndSaysSo() {
        // given
        Suppression expired = new Suppression("L2O-STAGE-UNDECLARED", "salesforce:Opportunity.StageName#Prospecting",
                "until the migration", LocalDate.parse("2026-01-31"));
        Suppression unused = new Suppression("L2O-FIELD-MISSING", "*", "nothing matches", LocalDate.parse("2025-01-01"));

        // when
        SuppressionResult result = Suppressions.apply(List.of(PROSPECTING, PERCEPTION), List.of(unused, expired), TODAY);

        // then
        assertThat(result.kept()).containsExactly(PROSPECTING, PERCEPTION);
        assertThat(result.suppressed()).isEmpty();
        assertThat(result.notices()).containsExactly("suppression of L2O-STAGE-UNDECLARED for "
                + "salesforce:Opportunity.StageName#Prospecting expired on 2026-01-31; the finding counts again");
    }

    @Test
    void anActiveSuppressionWinsOverAnExpiredOneForTheSameFinding() {
        // given
        Suppression expired = new Suppression("L2O-STAGE-UNDECLARED", "*#Prospecting", "old", LocalDate.parse("2026-01-01"));
        Suppression current = new Suppression("L2O-STAGE-UNDECLARED", "*Prospecting", "renewed", null);

        // when
        SuppressionResult result = Suppressions.apply(List.of(PROSPECTING), List.of(expired, current), TODAY);

        // then
        assertThat(result.suppressed()).containsExactly(new SuppressedFinding(PROSPECTING, current));
        assertThat(result.notices()).hasSize(1);
    }

    @Test
    void regularExpressionCharactersInSubjectsAreLiteral() {
        // given
        Finding quote = finding("L2O-STAGE-MISSING", "salesforce:Opportunity.StageName#Proposal/Price Quote (v2)");
        Suppression accepted = new Suppression("L2O-STAGE-MISSING", "*Proposal/Price Quote (v2)", "known", null);
        Suppression lookalike = new Suppression("L2O-STAGE-MISSING", "*Proposal.Price Quote (v2)", "regex", null);

        // when
        SuppressionResult literal = Suppressions.apply(List.of(quote), List.of(accepted), TODAY);
        SuppressionResult notARegex = Suppressions.apply(List.of(quote), List.of(lookalike), TODAY);

        // then
        assertThat(literal.kept()).isEmpty();
        assertThat(notARegex.kept()).containsExactly(quote);
    }
}
