package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.l2o.hubspot.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class HubSpotSimulatorArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /**
     * The simulated portal speaks HubSpot's wire format on its own: it knows neither the connector that reads
     * it (whose tests depend on this module) nor blueprints, rules or the other CRM.
     */
    @ArchTest
    static final ArchRule simulatorKnowsNoConnectorOrRules = noClasses()
            .that().resideInAPackage("dev.l2o.hubspot.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.blueprint..", "dev.l2o.rules..", "dev.l2o.salesforce..")
            .orShould().dependOnClassesThat().resideInAPackage("dev.l2o.hubspot")
            .orShould().dependOnClassesThat().resideInAPackage("dev.l2o.hubspot.internal..");
}
