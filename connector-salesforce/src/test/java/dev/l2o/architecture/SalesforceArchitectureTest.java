package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.l2o.salesforce", importOptions = ImportOption.DoNotIncludeTests.class)
class SalesforceArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /** A connector knows its CRM and nothing of blueprints or rules. */
    @ArchTest
    static final ArchRule connectorsKnowNothingOfBlueprints = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.blueprint..", "dev.l2o.rules..", "dev.l2o.hubspot..");

    /** WSC types stay behind the connector: the model and SPI never see them. */
    @ArchTest
    static final ArchRule wscTypesStayInternalOrSimulated = noClasses()
            .that().resideInAnyPackage("dev.l2o.salesforce.sfdx..", "dev.l2o.salesforce.metadata..", "dev.l2o.salesforce.formula..")
            .should().dependOnClassesThat().resideInAPackage("com.sforce..");
}
