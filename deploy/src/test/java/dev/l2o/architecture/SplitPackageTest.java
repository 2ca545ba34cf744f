package dev.l2o.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A package lives in one module. The application sees every module's classes, so this is where a package split
 * over two modules (two class folders or jars) shows.
 */
class SplitPackageTest {
    @Test
    void noPackageIsSplitOverTwoModules() {
        // given
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.l2o");

        // when
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            javaClass.getSource().ifPresent(source -> modulesByPackage
                    .computeIfAbsent(javaClass.getPackageName(), name -> new TreeSet<>())
                    .add(moduleOf(source.getUri().toString(), javaClass.getName())));
        }

        // then
        assertThat(modulesByPackage).as("packages and the modules (class folders or jars) that hold them")
                .hasSizeGreaterThan(10)
                .allSatisfy((name, modules) -> assertThat(modules).as(name).hasSize(1));
    }

    /** The class folder or jar that a class file's address lies in. */
    private static String moduleOf(String classFileUri, String className) {
        String relative = className.replace('.', '/') + ".class";
        int at = classFileUri.lastIndexOf(relative);
        return at < 0 ? classFileUri : classFileUri.substring(0, at);
    }
}
