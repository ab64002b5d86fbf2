package com.ntprocesslab.lab;

import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabFolders;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import java.nio.file.Path;

/** Where the test labs live, and a catalog wired as the server wires it. */
public final class LabFixtures {

    public static final Path PROJECT_LABS = Path.of("labs");
    public static final Path BROKEN_LABS = Path.of("src/test/resources/labs-broken");
    public static final Path WRONG_SOLUTIONS = Path.of("src/test/resources/labs-wrong");

    private LabFixtures() {
    }

    public static LabCatalog catalogOf(Path folder) {
        ReferenceRuns references = new ReferenceRuns();
        LabVerifier verifier = new LabVerifier(references, new Grader(references));
        return new LabCatalog(() -> LabFolders.in(folder), lab -> verifier.verify(lab).problems());
    }
}
