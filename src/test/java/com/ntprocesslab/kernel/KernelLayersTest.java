package com.ntprocesslab.kernel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel's order, bottom to top: nt (header facts) and exec (the step engine), ke, ob and
 * se, mm, io and cm, ps, csr, win32, machine (the state root, symbols, boot and dispatcher),
 * inspect, kd, and the Machine facade. A layer may use the
 * layers below it; the pairs NT itself has are listed with their reason, and the arrows still
 * running up (issue 12, not yet moved) are listed apart so that no new one can appear.
 */
class KernelLayersTest {
    private static final String K = "com.ntprocesslab.kernel.";

    /** Arrows NT has too: components that know each other's structures in ntoskrnl itself. */
    private static final List<String[]> NT_PAIRS = List.of(
            // the handle table hangs off EPROCESS (ObjectTable); ps creates its objects through ob
            pair("ob", "ps"),
            // a token is an object; ob's services check access against it
            pair("se", "ob"), pair("ob", "se"),
            // object bodies are charged to paged or nonpaged pool
            pair("ob", "mm"),
            // MmCreateProcessAddressSpace and MmCreatePeb work on the EPROCESS being built
            pair("mm", "ps"),
            // an image section is backed by a file object, and NtCreateSection maps the PE image
            pair("mm", "io"), pair("io", "mm"),
            // NtOpenFile and NtCreateSection insert their handle into the current process's table;
            // IopLoadDriver queues its work to a System thread and tells the load-image routines
            pair("io", "ps"),
            // IopLoadDriver reads the driver's service key (ImagePath)
            pair("io", "cm"),
            // NtOpenKey inserts its key body's handle into the current process's table, as NtOpenFile does
            pair("cm", "ps"));

    /** Arrows that still run up and are to be removed (issue 12); listed so that none is added. */
    private static final List<String[]> NOT_YET_MOVED = List.of();

    private final JavaClasses kernel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.ntprocesslab.kernel");

    @Test
    void layersPointDownExceptTheListedPairs() {
        DescribedPredicate<JavaClass> headerFacts = resideInAPackage(K + "nt..").or(type(Profile.class)).or(type(Profile[].class))
                .or(type(CommandResult.class));
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("nt").definedBy(headerFacts)
                .layer("exec").definedBy(K + "exec..")
                .layer("ke").definedBy(K + "ke..")
                .layer("ob").definedBy(K + "ob..")
                .layer("se").definedBy(K + "se..")
                .layer("mm").definedBy(K + "mm..")
                .layer("io").definedBy(K + "io..")
                .layer("cm").definedBy(K + "cm..")
                .layer("ps").definedBy(K + "ps..")
                .layer("csr").definedBy(K + "csr..")
                .layer("win32").definedBy(K + "win32..")
                .layer("machine").definedBy(K + "machine..")
                .layer("inspect").definedBy(K + "inspect..")
                .layer("kd").definedBy(K + "kd..")
                .layer("facade").definedBy(resideInAPackage("com.ntprocesslab.kernel").and(DescribedPredicate.not(headerFacts)))
                .whereLayer("nt").mayNotAccessAnyLayer()
                .whereLayer("exec").mayOnlyAccessLayers("nt")
                .whereLayer("ke").mayOnlyAccessLayers("nt", "exec")
                .whereLayer("ob").mayOnlyAccessLayers("nt", "exec", "ke")
                .whereLayer("se").mayOnlyAccessLayers("nt", "exec", "ke")
                .whereLayer("mm").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se")
                .whereLayer("io").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se")
                .whereLayer("cm").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se")
                .whereLayer("ps").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm")
                .whereLayer("csr").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps")
                .whereLayer("win32").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps", "csr")
                .whereLayer("machine").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps", "csr", "win32")
                .whereLayer("inspect").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps", "csr", "win32",
                        "machine")
                .whereLayer("kd").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps", "csr", "win32",
                        "machine", "inspect")
                .whereLayer("facade").mayOnlyAccessLayers("nt", "exec", "ke", "ob", "se", "mm", "io", "cm", "ps", "csr", "win32",
                        "machine", "inspect", "kd");
        for (String[] p : NT_PAIRS) {
            layers = layers.ignoreDependency(resideInAPackage(K + p[0] + ".."), resideInAPackage(K + p[1] + ".."));
        }
        for (String[] p : NOT_YET_MOVED) {
            layers = layers.ignoreDependency(resideInAPackage(K + p[0] + ".."), resideInAPackage(K + p[1] + ".."));
        }
        layers.check(kernel);
    }

    /** The list stays as short as the code: a pair no class still needs is taken out, so it cannot hide a new arrow. */
    @Test
    void everyListedPairIsStillUsed() {
        for (String[] p : NT_PAIRS) {
            boolean used = kernel.stream()
                    .filter(c -> c.getPackageName().startsWith(K + p[0]))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith(K + p[1]));
            assertThat(used).as("%s -> %s is listed but no class of %s uses %s", p[0], p[1], p[0], p[1]).isTrue();
        }
    }

    private static String[] pair(String from, String to) {
        return new String[] {from, to};
    }
}
