package dev.l2o.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class ArchitectureRulesTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("dev.l2o.architecture.fixture");

    @Test
    void aModelClassUsingJacksonBreaksTheJavaOnlyRuleAndAPlainOneDoesNot() {
        // when
        EvaluationResult result = ArchitectureRules.onlyJavaDependencies("dev.l2o.architecture.fixture.model..").evaluate(FIXTURES);

        // then
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("JsonModel"))
                .noneMatch(line -> line.contains("PlainModel"));
    }

    @Test
    void usingAnotherModulesInternalPackageBreaksTheRuleAndUsingYourOwnDoesNot() {
        // when
        EvaluationResult result = ArchitectureRules.internalOnlyFromOwner("dev.l2o.architecture.fixture..").evaluate(FIXTURES);

        // then
        assertThat(result.getFailureReport().getDetails())
                .hasSize(1)
                .allMatch(line -> line.contains("Peeker") && line.contains("Hidden"));
    }

    @Test
    void aLibraryUsedOutsideItsAllowedPackageBreaksTheRule() {
        // when
        EvaluationResult result = ArchitectureRules.onlyUsedFrom("okhttp3..", "..fixture.http..").evaluate(FIXTURES);

        // then
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("StrayHttpUser"));
    }

    @Test
    void aForbiddenLibraryInARestrictedPackageBreaksTheRule() {
        // when
        EvaluationResult result = ArchitectureRules.noDependency(new String[] {"dev.l2o.architecture.fixture.model.."},
                new String[] {"okhttp3..", "com.fasterxml.jackson.."}).evaluate(FIXTURES);

        // then
        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains("JsonModel"));
    }

    @Test
    void theOwnerOfAnInternalPackageIsThePackageItSitsIn() {
        // then
        assertThat(ArchitectureRules.ownerOfInternal("dev.l2o.salesforce.internal")).isEqualTo("dev.l2o.salesforce");
        assertThat(ArchitectureRules.ownerOfInternal("dev.l2o.salesforce.internal.soap")).isEqualTo("dev.l2o.salesforce");
        assertThat(ArchitectureRules.ownerOfInternal("dev.l2o.internalized")).isNull();
        assertThat(ArchitectureRules.ownerOfInternal("dev.l2o.salesforce")).isNull();
    }
}
