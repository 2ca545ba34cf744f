package dev.l2o.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.l2o.model.ChangeTrail;
import dev.l2o.model.ResourceRef;
import dev.l2o.model.SetupChange;
import dev.l2o.model.Snapshot;
import dev.l2o.rules.Dimension;
import dev.l2o.rules.DriftKind;
import dev.l2o.rules.Finding;
import dev.l2o.rules.Severity;
import dev.l2o.rules.testing.SnapshotBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeAttributionTest {
    private static final Instant MARCH = Instant.parse("2026-02-10T09:00:00Z");
    private static final Instant JANUARY = Instant.parse("2026-01-10T09:00:00Z");

    private static SetupChange salesforce(Instant at, String who, String action, String section, String display) {
        return new SetupChange(at, who, action, section, display, null);
    }

    private static Snapshot org(SetupChange... changes) {
        return SnapshotBuilder.salesforce()
                .pipeline("Opportunity", "New Business", p -> p.stage("Qualification").stage("Value Proposition"))
                .field("Opportunity", "Decision_Criteria__c", "TextArea")
                .validationRule("Opportunity", "Require_Economic_Buyer", false, "Economic_Buyer__c", "Needs Analysis")
                .flow("Opportunity", "Renewal_Kickoff_120_Days", false)
                .assignmentRule("Lead", "Standard", true)
                .build()
                .withChangeTrail(ChangeTrail.of("Salesforce SetupAuditTrail", List.of(changes)));
    }

    private static Finding finding(DriftKind kind, String subject) {
        return new Finding("L2O-TEST", Severity.ERROR, Dimension.LIFECYCLE, kind, subject, null, "message", null, null, 1,
                List.of(), null);
    }

    private static SetupChange attributed(Snapshot snapshot, String subject) {
        return ChangeAttribution.attach(List.of(finding(DriftKind.MISMATCH, subject)), snapshot).get(0).change();
    }

    @Test
    void aStageFindingGetsTheMostRecentPicklistChangeNamingTheStageInItsObjectsSection() {
        // given
        SetupChange older = salesforce(JANUARY, "Ana", "createdPicklistWithColor", "Customize Opportunities",
                "Added value Value Proposition to Stage picklist with color Assigned dynamically");
        SetupChange newer = salesforce(MARCH, "Bo", "changedPicklist", "Customize Opportunities",
                "Changed Stage picklist value from Value Prop to Value Proposition");
        SetupChange otherObject = salesforce(MARCH.plusSeconds(60), "Cy", "changedPicklist", "Customize Leads",
                "Changed Status picklist value from Value Proposition to Open");

        // when
        SetupChange change = attributed(org(older, newer, otherObject), "salesforce:Opportunity.StageName#Value Proposition");

        // then
        assertThat(change).isEqualTo(newer);
    }

    @Test
    void aNameMatchesOnlyAsAWholeWordNotInsideALongerName() {
        // given
        SetupChange longer = salesforce(MARCH, "Ana", "changedValidationActive", "Validation Rules",
                "Changed active flag for Opportunity validation \"Require_Economic_Buyer_V2\" from 1 to 0");

        // when / then
        assertThat(attributed(org(longer), "salesforce:Opportunity.Economic_Buyer__c@Needs Analysis")).isNull();
        assertThat(ChangeAttribution.mentions("validation \"Require_Economic_Buyer\" from", "Require_Economic_Buyer")).isTrue();
    }

    @Test
    void anUnenforcedCriterionGetsTheChangeOfTheValidationRuleThatReadsItsField() {
        // given
        SetupChange deactivated = salesforce(MARCH, "Ana Díaz", "changedValidationActive", "Validation Rules",
                "Changed active flag for Opportunity validation \"Require_Economic_Buyer\" from 1 to 0");

        // when
        SetupChange change = attributed(org(deactivated), "salesforce:Opportunity.Economic_Buyer__c@Needs Analysis");

        // then
        assertThat(change).isEqualTo(deactivated);
    }

    @Test
    void aFieldFindingMatchesTheFieldByItsNameWithoutTheCustomSuffix() {
        // given
        SetupChange type = salesforce(MARCH, "Ana", "changedCFType", "Customize Opportunities",
                "Changed field type of Decision Criteria custom field from Long Text Area to Text Area");

        // when
        SetupChange change = attributed(org(type), "salesforce:Opportunity.Decision_Criteria__c");

        // then
        assertThat(change).isEqualTo(type);
    }

    @Test
    void flowsAndAssignmentRulesMatchInTheirOwnSections() {
        // given
        SetupChange flow = salesforce(MARCH, "Ana", "deactivatedinteractiondefversion", "Flows",
                "Deactivated flow with Name \"Renewal Kickoff\" and Unique Name \"Renewal_Kickoff_120_Days\"");
        SetupChange rule = salesforce(JANUARY, "Bo", "changedAssignmentRule", "Lead Assignment Rules",
                "Changed lead assignment rule Standard");
        Snapshot snapshot = org(flow, rule);

        // when / then
        assertThat(attributed(snapshot, "salesforce:Flow/Renewal_Kickoff_120_Days")).isEqualTo(flow);
        assertThat(attributed(snapshot, "salesforce:AssignmentRule/Lead.Standard#2")).isEqualTo(rule);
        assertThat(attributed(snapshot, "salesforce:Lead/routing/mid-market-inbound")).isEqualTo(rule);
    }

    @Test
    void aChangeInAnotherSectionOrAfterTheSnapshotWasTakenIsNotAttributed() {
        // given
        SetupChange permissions = salesforce(MARCH, "Ana", "PermSetAssign", "Manage Users",
                "Permission set Renewal_Kickoff_120_Days: assigned to user Bo");
        SetupChange future = salesforce(SnapshotBuilder.AS_OF.plusSeconds(1), "Ana", "activatedinteractiondefversion", "Flows",
                "Activated flow with Unique Name \"Renewal_Kickoff_120_Days\"");

        // when / then
        assertThat(attributed(org(permissions, future), "salesforce:Flow/Renewal_Kickoff_120_Days")).isNull();
    }

    @Test
    void aChangeNamingItsSubjectMatchesItAndWhatItContainsAndFindingsAboutDataAreNeverAttributed() {
        // given
        SetupChange pipeline = new SetupChange(MARCH, "ana@example.com", "UPDATE", "PIPELINE", "Pipeline default updated",
                ResourceRef.of("hubspot", "pipeline/default"));
        Snapshot snapshot = SnapshotBuilder.hubspot().build()
                .withChangeTrail(ChangeTrail.unavailable("HubSpot", "no audit log", List.of(pipeline)));

        // when
        List<Finding> findings = ChangeAttribution.attach(List.of(
                finding(DriftKind.MISMATCH, "hubspot:pipeline/default/stage/closedwon"),
                finding(DriftKind.THRESHOLD, "hubspot:pipeline/default/stage/closedwon"),
                finding(DriftKind.MISMATCH, "hubspot:pipeline/defaultish")), snapshot);

        // then
        assertThat(findings).extracting(Finding::change).containsExactly(pipeline, null, null);
    }

    @Test
    void aDiffAttributesOnlyChangesMadeBetweenTheTwoSnapshots() {
        // given
        SetupChange older = salesforce(JANUARY, "Ana", "changedCFType", "Customize Opportunities",
                "Changed field type of Decision Criteria custom field from Text to Text Area");
        Snapshot snapshot = org(older);

        // when / then
        assertThat(ChangeAttribution.of(snapshot).latest("salesforce:Opportunity.Decision_Criteria__c", null, JANUARY)).isEmpty();
        assertThat(ChangeAttribution.of(snapshot).latest("salesforce:Opportunity.Decision_Criteria__c", null, JANUARY.minusSeconds(1)))
                .contains(older);
    }
}
