package com.ntprocesslab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layers point down only (ui and api -> lab -> session -> store/kernel; the api uses no kernel type) and the kernel stays plain Java. */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.ntprocesslab");

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ui").definedBy("com.ntprocesslab.ui..")
                .layer("api").definedBy("com.ntprocesslab.api..")
                .layer("lab").definedBy("com.ntprocesslab.lab..")
                .layer("session").definedBy("com.ntprocesslab.session..")
                .layer("store").definedBy("com.ntprocesslab.store..")
                .layer("kernel").definedBy("com.ntprocesslab.kernel..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("lab").mayOnlyBeAccessedByLayers("ui", "api")
                .whereLayer("session").mayOnlyBeAccessedByLayers("ui", "lab", "api")
                .whereLayer("store").mayOnlyBeAccessedByLayers("ui", "lab", "session", "api")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("ui", "lab", "session")
                .check(CLASSES);
    }

    @Test
    void theKernelImportsNoFrameworkAndNoIo() {
        noClasses().that().resideInAPackage("com.ntprocesslab.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta..", "javax.persistence..",
                        "org.hibernate..", "java.io..", "java.nio..", "java.net..", "java.sql..", "com.esotericsoftware..")
                .because("the kernel is a deterministic library that runs headless, replays and tests without a server")
                .check(CLASSES);
    }

    @Test
    void theKernelReadsNoWallClockAndNoRandomness() {
        noClasses().that().resideInAPackage("com.ntprocesslab.kernel..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .because("the same profile and commands must give the same machine, byte for byte")
                .check(CLASSES);
    }

    @Test
    void noViewNamesTheLayoutThatLinksToIt() {
        noClasses().that().resideOutsideOfPackage("com.ntprocesslab.ui.layout..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.ntprocesslab.ui.layout.MainLayout")
                .because("MainLayout links to the views and is their automatic layout (@Layout): a view naming it back would close a circle")
                .check(CLASSES);
    }
}
