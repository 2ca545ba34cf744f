package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.l2o.hubspot", importOptions = ImportOption.DoNotIncludeTests.class)
class HubSpotArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /** A connector knows its CRM and nothing of blueprints, rules or the other CRM. */
    @ArchTest
    static final ArchRule connectorsKnowNothingOfBlueprints = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.blueprint..", "dev.l2o.rules..", "dev.l2o.salesforce..");

    /** The connector reaches the portal only through the shared HTTP plumbing, never through the simulator. */
    @ArchTest
    static final ArchRule theConnectorDoesNotUseTheSimulator = noClasses()
            .that().resideOutsideOfPackage("dev.l2o.hubspot.simulator..")
            .should().dependOnClassesThat().resideInAPackage("dev.l2o.hubspot.simulator..");
}
