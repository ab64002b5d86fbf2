package com.ntprocesslab.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The kernel is a plain library: no framework, no I/O, JSON libraries only where JSON is made. */
class KernelArchitectureTest {
    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.ntprocesslab.kernel");

    @Test
    void theKernelImportsNoFrameworkAndNoIo() {
        noClasses().that().resideInAPackage("com.ntprocesslab.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..",
                        "javax.persistence..", "java.io..", "java.nio..", "java.net..", "java.time..", "java.util.random..")
                .check(kernel);
    }

    @Test
    void onlyInspectMayUseJackson() {
        noClasses().that().resideInAPackage("com.ntprocesslab.kernel..").and().resideOutsideOfPackage("com.ntprocesslab.kernel.inspect..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml..")
                .check(kernel);
    }

    @Test
    void theKernelUsesNoRandomnessOrWallClock() {
        noClasses().that().resideInAPackage("com.ntprocesslab.kernel..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .check(kernel);
    }
}
