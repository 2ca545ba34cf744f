package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"dev.l2o.app", "dev.l2o.cli", "dev.l2o.report", "dev.l2o.schedule", "dev.l2o.store", "dev.l2o.notify"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class DeployArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /** The audit pipeline is shared by the CLI and the scheduler, and never reaches back into the CLI. */
    @ArchTest
    static final ArchRule theAuditServiceDoesNotDependOnTheCommandLine = noClasses()
            .that().resideInAPackage("dev.l2o.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.cli..", "picocli..");

    /** Services return values and never print: only the command line writes to the console. */
    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackage("dev.l2o.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err");
}
