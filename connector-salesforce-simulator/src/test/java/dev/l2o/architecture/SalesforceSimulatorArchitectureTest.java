package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.l2o.salesforce.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class SalesforceSimulatorArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /** A simulated org knows Salesforce and nothing of blueprints, rules or the other CRM. */
    @ArchTest
    static final ArchRule simulatorsKnowNothingOfBlueprints = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.blueprint..", "dev.l2o.rules..", "dev.l2o.hubspot..");

    /**
     * The connector's {@code internal} package belongs to the connector's module. The shared rule sees the
     * simulator's package below {@code dev.l2o.salesforce} and would allow it, so this module says it.
     */
    @ArchTest
    static final ArchRule simulatorUsesOnlyTheConnectorsPublicPackages = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.l2o.salesforce.internal..");
}
