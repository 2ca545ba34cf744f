package dev.l2o.salesforce.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.l2o.model.Assignee;
import dev.l2o.model.AssigneeKind;
import dev.l2o.model.Automation;
import dev.l2o.model.ScheduledOffset;
import dev.l2o.model.FieldDef;
import dev.l2o.model.FieldRequirement;
import dev.l2o.model.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SalesforceMetadataMapperTest {
    private static final Map<String, List<String>> STAGES = Map.of("Opportunity", List.of("Qualification", "Needs Analysis",
            "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"));

    @Test
    void aBeforeSaveFlowThatRaisesACustomErrorOnABlankFieldInAStageRequiresIt() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                    <apiVersion>62.0</apiVersion>
                    <customErrors>
                        <name>Close_Plan_Required</name>
                        <label>Close Plan Required</label>
                        <locationX>50</locationX>
                        <locationY>400</locationY>
                        <customErrorMessages>
                            <errorMessage>Attach the mutual close plan before Negotiation.</errorMessage>
                            <fieldSelection>Close_Plan__c</fieldSelection>
                            <isFieldError>true</isFieldError>
                        </customErrorMessages>
                    </customErrors>
                    <decisions>
                        <name>Check_Close_Plan</name>
                        <label>Check Close Plan</label>
                        <locationX>182</locationX>
                        <locationY>287</locationY>
                        <defaultConnectorLabel>Default Outcome</defaultConnectorLabel>
                        <rules>
                            <name>Bypassed</name>
                            <conditionLogic>and</conditionLogic>
                            <conditions>
                                <leftValueReference>$Permission.Bypass_Flows</leftValueReference>
                                <operator>EqualTo</operator>
                                <rightValue>
                                    <booleanValue>true</booleanValue>
                                </rightValue>
                            </conditions>
                            <label>Bypassed</label>
                        </rules>
                        <rules>
                            <name>Missing_Close_Plan</name>
                            <conditionLogic>1 AND (2 OR 3)</conditionLogic>
                            <conditions>
                                <leftValueReference>$Record.StageName</leftValueReference>
                                <operator>EqualTo</operator>
                                <rightValue>
                                    <stringValue>Negotiation/Review</stringValue>
                                </rightValue>
                            </conditions>
                            <conditions>
                                <leftValueReference>$Record.Close_Plan__c</leftValueReference>
                                <operator>IsNull</operator>
                                <rightValue>
                                    <booleanValue>true</booleanValue>
                                </rightValue>
                            </conditions>
                            <conditions>
                                <leftValueReference>$Record.Close_Plan__c</leftValueReference>
                                <operator>EqualTo</operator>
                                <rightValue>
                                    <stringValue></stringValue>
                                </rightValue>
                            </conditions>
                            <connector>
                                <targetReference>Close_Plan_Required</targetReference>
                            </connector>
                            <label>Missing Close Plan</label>
                        </rules>
                    </decisions>
                    <label>Opportunity Before Save</label>
                    <processType>AutoLaunchedFlow</processType>
                    <start>
                        <locationX>56</locationX>
                        <locationY>0</locationY>
                        <connector>
                            <targetReference>Check_Close_Plan</targetReference>
                        </connector>
                        <filterFormula>{!$Record.Amount} &gt; 100000</filterFormula>
                        <object>Opportunity</object>
                        <recordTriggerType>CreateAndUpdate</recordTriggerType>
                        <triggerType>RecordBeforeSave</triggerType>
                    </start>
                    <status>Active</status>
                </Flow>
                """, "Opportunity_Before_Save.flow");

        // when
        Automation flow = SalesforceMetadataMapper.flow(root, "Opportunity_Before_Save",
                SalesforceAddresses.component("Flow", "Opportunity_Before_Save"), STAGES);

        // then
        assertThat(flow.requirements()).containsExactly(new FieldRequirement("Close_Plan__c", Set.of("Negotiation/Review")));
        assertThat(flow.fieldsReferenced()).containsExactly("Amount", "Close_Plan__c", "StageName");
        assertThat(flow.trigger()).isEqualTo("RecordBeforeSave/CreateAndUpdate");
        assertThat(flow.expression()).isEqualTo("{!$Record.Amount} > 100000");
        assertThat(flow.attributes()).containsEntry("blocksSave", "true").containsEntry("triggerType", "RecordBeforeSave");
        assertThat(flow.ref()).isEqualTo(ResourceRef.of("salesforce", "Flow/Opportunity_Before_Save"));
    }

    @Test
    void aFlowThatSetsTheOwnerToALookedUpQueueRoutes() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                    <apiVersion>62.0</apiVersion>
                    <label>Route Mid-Market Leads</label>
                    <processType>AutoLaunchedFlow</processType>
                    <recordLookups>
                        <name>Get_Mid_Market_Queue</name>
                        <label>Get Mid-Market Queue</label>
                        <locationX>176</locationX>
                        <locationY>170</locationY>
                        <assignNullValuesIfNoRecordsFound>false</assignNullValuesIfNoRecordsFound>
                        <filterLogic>and</filterLogic>
                        <filters>
                            <field>DeveloperName</field>
                            <operator>EqualTo</operator>
                            <value>
                                <stringValue>Mid_Market_SDR</stringValue>
                            </value>
                        </filters>
                        <getFirstRecordOnly>true</getFirstRecordOnly>
                        <object>Group</object>
                        <storeOutputAutomatically>true</storeOutputAutomatically>
                    </recordLookups>
                    <recordUpdates>
                        <name>Assign_Owner</name>
                        <label>Assign Owner</label>
                        <locationX>176</locationX>
                        <locationY>278</locationY>
                        <inputAssignments>
                            <field>OwnerId</field>
                            <value>
                                <elementReference>Get_Mid_Market_Queue.Id</elementReference>
                            </value>
                        </inputAssignments>
                        <inputReference>$Record</inputReference>
                    </recordUpdates>
                    <start>
                        <locationX>50</locationX>
                        <locationY>0</locationY>
                        <filterLogic>and</filterLogic>
                        <filters>
                            <field>NumberOfEmployees</field>
                            <operator>LessThan</operator>
                            <value>
                                <numberValue>1000.0</numberValue>
                            </value>
                        </filters>
                        <object>Lead</object>
                        <recordTriggerType>Create</recordTriggerType>
                        <triggerType>RecordAfterSave</triggerType>
                    </start>
                    <status>Active</status>
                </Flow>
                """, "Route_Mid_Market_Leads.flow");

        // when
        Automation flow = SalesforceMetadataMapper.flow(root, "Route_Mid_Market_Leads",
                SalesforceAddresses.component("Flow", "Route_Mid_Market_Leads"), STAGES);

        // then
        assertThat(flow.routes()).isTrue();
        assertThat(flow.assignees()).containsExactly(new Assignee(AssigneeKind.QUEUE, "Mid_Market_SDR", null));
        assertThat(flow.fieldsWritten()).containsExactly("OwnerId");
        assertThat(flow.fieldsReferenced()).containsExactly("NumberOfEmployees");
        assertThat(flow.expression()).isEqualTo("NumberOfEmployees LessThan 1000.0");
        assertThat(flow.requirements()).isEmpty();
    }

    @Test
    void processBuilderTakesItsObjectAndTriggerFromProcessMetadata() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                    <decisions>
                        <name>myDecision</name>
                        <label>myDecision</label>
                        <locationX>50</locationX>
                        <locationY>0</locationY>
                        <defaultConnectorLabel>default</defaultConnectorLabel>
                        <rules>
                            <name>myRule_1</name>
                            <conditionLogic>and</conditionLogic>
                            <conditions>
                                <leftValueReference>myVariable_current.StageName</leftValueReference>
                                <operator>EqualTo</operator>
                                <rightValue>
                                    <stringValue>Closed Won</stringValue>
                                </rightValue>
                            </conditions>
                            <label>Won</label>
                        </rules>
                    </decisions>
                    <label>Opportunity Won Process</label>
                    <processMetadataValues>
                        <name>ObjectType</name>
                        <value>
                            <stringValue>Opportunity</stringValue>
                        </value>
                    </processMetadataValues>
                    <processMetadataValues>
                        <name>TriggerType</name>
                        <value>
                            <stringValue>onAllChanges</stringValue>
                        </value>
                    </processMetadataValues>
                    <processType>Workflow</processType>
                    <recordUpdates>
                        <name>myRule_1_A1</name>
                        <label>Stamp</label>
                        <locationX>100</locationX>
                        <locationY>200</locationY>
                        <inputAssignments>
                            <field>Won_Date__c</field>
                            <value>
                                <elementReference>$Flow.CurrentDate</elementReference>
                            </value>
                        </inputAssignments>
                        <inputReference>myVariable_current</inputReference>
                    </recordUpdates>
                    <startElementReference>myDecision</startElementReference>
                    <status>Obsolete</status>
                </Flow>
                """, "Opportunity_Won_Process.flow");

        // when
        Automation flow = SalesforceMetadataMapper.flow(root, "Opportunity_Won_Process",
                SalesforceAddresses.component("Flow", "Opportunity_Won_Process"), STAGES);

        // then
        assertThat(flow).extracting(Automation::object, Automation::trigger, Automation::active)
                .containsExactly("Opportunity", "onAllChanges", false);
        assertThat(flow.fieldsReferenced()).containsExactly("StageName");
        assertThat(flow.fieldsWritten()).containsExactly("Won_Date__c");
        assertThat(flow.attributes()).containsEntry("processType", "Workflow").containsEntry("status", "Obsolete");
    }

    @Test
    void aRenewalFlowRecordsTheObjectsItCreatesAndItsScheduledPaths() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                    <label>Create Renewal Opportunity</label>
                    <processType>AutoLaunchedFlow</processType>
                    <recordCreates>
                        <name>New_Renewal</name>
                        <label>New Renewal</label>
                        <locationX>0</locationX>
                        <locationY>0</locationY>
                        <object>Opportunity</object>
                    </recordCreates>
                    <start>
                        <locationX>0</locationX>
                        <locationY>0</locationY>
                        <object>Contract</object>
                        <recordTriggerType>CreateAndUpdate</recordTriggerType>
                        <scheduledPaths>
                            <name>Before_End</name>
                            <connector>
                                <targetReference>New_Renewal</targetReference>
                            </connector>
                            <label>120 Days Before End</label>
                            <offsetNumber>-120</offsetNumber>
                            <offsetUnit>Days</offsetUnit>
                            <recordField>EndDate</recordField>
                            <timeSource>RecordField</timeSource>
                        </scheduledPaths>
                        <scheduledPaths>
                            <name>Next_Day</name>
                            <label>Next Day</label>
                            <offsetNumber>36</offsetNumber>
                            <offsetUnit>Hours</offsetUnit>
                            <timeSource>RecordTriggerEvent</timeSource>
                        </scheduledPaths>
                        <triggerType>RecordAfterSave</triggerType>
                    </start>
                    <status>Active</status>
                </Flow>
                """, "Create_Renewal_Opportunity.flow");

        // when
        Automation flow = SalesforceMetadataMapper.flow(root, "Create_Renewal_Opportunity",
                SalesforceAddresses.component("Flow", "Create_Renewal_Opportunity"), STAGES);

        // then
        assertThat(flow.object()).isEqualTo("Contract");
        assertThat(flow.creates()).containsExactly("Opportunity");
        assertThat(flow.attributes()).containsEntry(Automation.SCHEDULE, "-120 days from EndDate; 1.5 days from trigger");
        assertThat(flow.schedule()).extracting(offset -> offset.days().toPlainString(), ScheduledOffset::field)
                .containsExactly(tuple("-120", "EndDate"), tuple("1.5", null));
    }

    @Test
    void anOmniChannelRoutingFlowRoutesToItsQueue() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Flow xmlns="http://soap.sforce.com/2006/04/metadata">
                    <actionCalls>
                        <name>Route_To_Partner_Desk</name>
                        <label>Route To Partner Desk</label>
                        <locationX>0</locationX>
                        <locationY>0</locationY>
                        <actionName>routeWork</actionName>
                        <actionType>routeWork</actionType>
                        <inputParameters>
                            <name>routingType</name>
                            <value>
                                <stringValue>QueueBased</stringValue>
                            </value>
                        </inputParameters>
                        <inputParameters>
                            <name>queueId</name>
                            <value>
                                <elementReference>Partner_Queue.Id</elementReference>
                            </value>
                        </inputParameters>
                        <inputParameters>
                            <name>agentId</name>
                        </inputParameters>
                    </actionCalls>
                    <label>Route Partner Leads</label>
                    <processType>RoutingFlow</processType>
                    <recordLookups>
                        <name>Partner_Queue</name>
                        <label>Partner Queue</label>
                        <locationX>0</locationX>
                        <locationY>0</locationY>
                        <filters>
                            <field>DeveloperName</field>
                            <operator>EqualTo</operator>
                            <value>
                                <stringValue>Partner_Desk</stringValue>
                            </value>
                        </filters>
                        <getFirstRecordOnly>true</getFirstRecordOnly>
                        <object>Group</object>
                    </recordLookups>
                    <status>Active</status>
                </Flow>
                """, "Route_Partner_Leads.flow");

        // when
        Automation flow = SalesforceMetadataMapper.flow(root, "Route_Partner_Leads",
                SalesforceAddresses.component("Flow", "Route_Partner_Leads"), STAGES);

        // then
        assertThat(flow.assignees()).containsExactly(new Assignee(AssigneeKind.QUEUE, "Partner_Desk", null));
        assertThat(flow.object()).isNull();
        assertThat(flow.attributes()).containsEntry("processType", "RoutingFlow");
    }

    @Test
    void aValidationRuleThatDoesNotParseIsListedAndEnforcesNothing() {
        // given
        XmlElement root = MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ValidationRule xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Broken_Rule</fullName>
                    <active>true</active>
                    <errorConditionFormula>AND(ISPICKVAL(StageName, &quot;Closed Won&quot;), ISBLANK(Pain__c)</errorConditionFormula>
                    <errorMessage>Pain is required.</errorMessage>
                </ValidationRule>
                """, "Broken_Rule.validationRule");

        // when
        Automation rule = SalesforceMetadataMapper.validationRule(root, "Opportunity.Broken_Rule",
                SalesforceAddresses.child("ValidationRule", "Opportunity", "Broken_Rule"), STAGES);

        // then
        assertThat(rule).extracting(Automation::name, Automation::object, Automation::active)
                .containsExactly("Broken_Rule", "Opportunity", true);
        assertThat(rule.requirements()).isEmpty();
        assertThat(rule.attributes()).containsEntry("formulaError",
                "column 57: expected ')' or ',' in the arguments of AND (opened at column 1) but found the end of the formula");
    }

    @Test
    void aFieldBoundToAGlobalValueSetTakesItsActiveValues() {
        // given
        SalesforceMetadataAssembler assembler = new SalesforceMetadataAssembler();
        assembler.add(MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <GlobalValueSet xmlns="http://soap.sforce.com/2006/04/metadata">
                    <customValue>
                        <fullName>EMEA</fullName>
                        <default>false</default>
                        <label>EMEA</label>
                    </customValue>
                    <customValue>
                        <fullName>APAC</fullName>
                        <default>false</default>
                        <isActive>false</isActive>
                        <label>APAC</label>
                    </customValue>
                    <customValue>
                        <fullName>Americas</fullName>
                        <default>false</default>
                        <label>Americas</label>
                    </customValue>
                    <masterLabel>Region</masterLabel>
                    <sorted>false</sorted>
                </GlobalValueSet>
                """, "Region.globalValueSet"), "Region", null);
        assembler.add(MetadataXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
                    <fullName>Region__c</fullName>
                    <label>Region</label>
                    <type>Picklist</type>
                    <valueSet>
                        <restricted>true</restricted>
                        <valueSetName>Region</valueSetName>
                    </valueSet>
                </CustomField>
                """, "Region__c.field"), "Lead.Region__c", null);

        // when
        List<FieldDef> fields = assembler.build(Set.of()).fields();

        // then
        assertThat(fields).extracting(FieldDef::qualifiedName, FieldDef::valueSetName, FieldDef::values, FieldDef::ref)
                .containsExactly(tuple("Lead.Region__c", "Region", List.of("EMEA", "Americas"),
                        ResourceRef.of("salesforce", "Lead.Region__c")));
    }

    @Test
    void metadataWithoutAFileGivesTheSameModelWithoutLocations() {
        // given
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <AssignmentRules xmlns="http://soap.sforce.com/2006/04/metadata">
                    <assignmentRule>
                        <fullName>Global 2%2E0</fullName>
                        <active>true</active>
                        <ruleEntry>
                            <assignedTo>Enterprise_SDR</assignedTo>
                            <assignedToType>Queue</assignedToType>
                            <formula>NumberOfEmployees &gt;= 1000</formula>
                        </ruleEntry>
                        <ruleEntry>
                            <criteriaItems>
                                <field>Lead.Country</field>
                                <operation>equals</operation>
                                <value>Ontario,Quebec</value>
                            </criteriaItems>
                        </ruleEntry>
                    </assignmentRule>
                </AssignmentRules>
                """;
        SalesforceMetadataAssembler fromFile = new SalesforceMetadataAssembler();
        fromFile.add(MetadataXml.parse(xml, "assignmentRules/Lead.assignmentRules-meta.xml"), "Lead",
                "assignmentRules/Lead.assignmentRules-meta.xml");
        SalesforceMetadataAssembler fromApi = new SalesforceMetadataAssembler();
        fromApi.add(MetadataXml.parse(xml, "readMetadata AssignmentRules Lead"), "Lead", null);

        // when
        SalesforceMetadata file = fromFile.build(Set.of());
        SalesforceMetadata api = fromApi.build(Set.of());

        // then
        assertThat(file.assignmentRules().get(0).ref())
                .isEqualTo(new ResourceRef("salesforce", "AssignmentRule/Lead.Global 2.0", "assignmentRules/Lead.assignmentRules-meta.xml", 3));
        assertThat(api.assignmentRules().get(0).ref()).isEqualTo(ResourceRef.of("salesforce", "AssignmentRule/Lead.Global 2.0"));
        assertThat(api.assignmentRules().get(0).entries()).isEqualTo(file.assignmentRules().get(0).entries());
        assertThat(api.assignmentRules().get(0).entries()).extracting(entry -> entry.formula(), entry -> entry.assignee())
                .containsExactly(tuple("NumberOfEmployees >= 1000", new Assignee(AssigneeKind.QUEUE, "Enterprise_SDR", null)),
                        tuple(null, null));
        assertThat(api.automations()).singleElement().satisfies(automation -> {
            assertThat(automation.fieldsReferenced()).containsExactly("Country", "NumberOfEmployees");
            assertThat(automation.assignees()).extracting(Assignee::name).containsExactly("Enterprise_SDR");
        });
    }
}
