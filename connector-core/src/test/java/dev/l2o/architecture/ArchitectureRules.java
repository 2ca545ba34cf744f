package dev.l2o.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The dependency rules of l2o (STYLE.md), for every module to run on its own classes. Each rule passes when
 * the classes it speaks of are absent, so one module's test can include them all:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "dev.l2o.salesforce", importOptions = ImportOption.DoNotIncludeTests.class)
 * class SalesforceArchitectureTest {
 *     @ArchTest
 *     static final ArchTests shared = ArchTests.in(ArchitectureRules.class);
 * }
 * }</pre>
 *
 * Analyse your module's own packages: this test-jar's classes are on every module's test class path, and
 * {@code DoNotIncludeTests} does not recognise them inside a jar.
 */
public final class ArchitectureRules {
    /** The model is plain Java: any module, the rules included, can use it without pulling in a library. */
    @ArchTest
    public static final ArchRule MODEL_DEPENDS_ONLY_ON_JAVA = onlyJavaDependencies("dev.l2o.model..");

    /** Force WSC types stay inside the Salesforce connector. */
    @ArchTest
    public static final ArchRule WSC_ONLY_IN_SALESFORCE = onlyUsedFrom("com.sforce..", "..salesforce..");

    /** A package's {@code internal} subpackage is used only from below the package that owns it. */
    @ArchTest
    public static final ArchRule INTERNAL_STAYS_IN_ITS_MODULE = internalOnlyFromOwner("dev.l2o..");

    /** The SPI and the model are free of HTTP and JSON libraries, so that connectors choose their own. */
    @ArchTest
    public static final ArchRule SPI_AND_MODEL_FREE_OF_HTTP_AND_JSON = noDependency(
            new String[] {"dev.l2o.connector..", "dev.l2o.model.."}, new String[] {"okhttp3..", "com.fasterxml.jackson.."});

    private ArchitectureRules() {}

    /** Classes in {@code packages} depend on {@code java..} and on each other only. */
    static ArchRule onlyJavaDependencies(String packages) {
        return classes().that().resideInAPackage(packages)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", packages)
                .because("the model must stay plain Java")
                .allowEmptyShould(true);
    }

    /** Classes in {@code used} are used only from classes in {@code users}. */
    static ArchRule onlyUsedFrom(String used, String users) {
        return noClasses().that().resideOutsideOfPackage(users)
                .should().dependOnClassesThat().resideInAPackage(used)
                .allowEmptyShould(true);
    }

    /** Classes in {@code packages} do not depend on any of {@code forbidden}. */
    static ArchRule noDependency(String[] packages, String[] forbidden) {
        return noClasses().that().resideInAnyPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                .allowEmptyShould(true);
    }

    /**
     * A class in {@code packages} may use {@code a.b.internal..} only when it lives in {@code a.b} or below: the
     * owner of an internal package is the package it sits in, which is one module's package.
     */
    static ArchRule internalOnlyFromOwner(String packages) {
        return classes().that().resideInAPackage(packages)
                .should(new ArchCondition<JavaClass>("use internal packages of their own module only") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                            String owner = ownerOfInternal(target);
                            if (owner != null && !isInOrBelow(origin.getPackageName(), owner)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** {@code a.b} for {@code a.b.internal} or {@code a.b.internal.c}; null when the package is not internal. */
    static String ownerOfInternal(String packageName) {
        String dotted = "." + packageName + ".";
        int index = dotted.indexOf(".internal.");
        return index <= 0 ? null : packageName.substring(0, index - 1);
    }

    private static boolean isInOrBelow(String packageName, String owner) {
        return packageName.equals(owner) || packageName.startsWith(owner + ".");
    }
}
