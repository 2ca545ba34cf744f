package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.l2o", importOptions = ImportOption.DoNotIncludeTests.class)
class ConnectorCoreArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule modelAndSpiDoNotKnowTheSnapshotCodec = noClasses()
            .that().resideInAnyPackage("dev.l2o.model..", "dev.l2o.connector..", "dev.l2o.error..")
            .should().dependOnClassesThat().resideInAPackage("dev.l2o.snapshot..");
}
