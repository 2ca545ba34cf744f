package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"dev.l2o.blueprint", "dev.l2o.rules", "dev.l2o.metrics", "dev.l2o.maturity", "dev.l2o.audit"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class RulesArchitectureTest {
    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    /** The rules know blueprints and the snapshot model, and nothing of HTTP, connectors or files of a CRM. */
    @ArchTest
    static final ArchRule rulesSeeOnlyTheModelOfConnectorCore = noClasses()
            .that().resideInAnyPackage("dev.l2o.blueprint..", "dev.l2o.rules..", "dev.l2o.metrics..", "dev.l2o.maturity..",
                    "dev.l2o.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.l2o.connector..", "dev.l2o.http..",
                    "dev.l2o.snapshot..", "dev.l2o.history..", "dev.l2o.salesforce..", "dev.l2o.hubspot..", "okhttp3..",
                    "com.sforce..", "dev.l2o.cli..", "dev.l2o.app..");
}
