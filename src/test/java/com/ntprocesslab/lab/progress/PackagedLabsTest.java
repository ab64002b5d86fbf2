package com.ntprocesslab.lab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import com.ntprocesslab.lab.catalog.LabFiles;
import com.ntprocesslab.lab.catalog.LabFolders;
import com.ntprocesslab.lab.catalog.LabLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build copies labs/ onto the classpath, so a server without a labs folder still has the project's labs. */
class PackagedLabsTest {

    @Test
    void thePackagedLabsAreTheProjectLabsAndLoad() {
        List<LabFiles> packaged = PackagedLabs.list();
        List<String> onDisk = LabFolders.in(LabFixtures.PROJECT_LABS).stream().map(LabFiles::folder).toList();

        assertThat(packaged).extracting(LabFiles::folder).containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(packaged).allSatisfy(files -> assertThat(LabLoader.load(files).problems()).isEmpty());
        assertThat(packaged.getFirst().read("no-such-file.txt")).isEmpty();
    }
}
