package com.ntprocesslab.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken lab never takes the others down, and labs are re-read from disk on reload. */
class LabCatalogReloadTest {

    @TempDir
    Path labs;

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aBrokenLabIsLeftOutWhileTheOthersLoad() throws IOException {
        copy(LabFixtures.PROJECT_LABS.resolve("04-suspended-start"), labs.resolve("04-suspended-start"));
        copy(LabFixtures.BROKEN_LABS.resolve("unknown-predicate"), labs.resolve("unknown-predicate"));

        LabCatalog.Contents contents = LabFixtures.catalogOf(labs).reload();

        assertThat(contents.labs()).extracting(Lab::id).containsExactly("04-suspended-start");
        assertThat(contents.problems()).extracting(LabProblem::labFolder).containsExactly("unknown-predicate");
    }

    @Test
    void anEditedLabIsReReadOnReloadWithoutARestart() throws IOException {
        Path lab = labs.resolve("04-suspended-start");
        copy(LabFixtures.PROJECT_LABS.resolve("04-suspended-start"), lab);
        LabCatalog catalog = LabFixtures.catalogOf(labs);
        assertThat(catalog.reload().labs()).hasSize(1);
        Path yaml = lab.resolve("lab.yaml");
        String original = Files.readString(yaml);

        Files.writeString(yaml, original.replace("suspend_count: {image: notepad.exe, equals: 1}", "suspend_count: {image: notepad.exe, equals: 2}"));
        LabCatalog.Contents broken = catalog.reload();
        assertThat(broken.labs()).isEmpty();
        assertThat(broken.problems()).singleElement().asString()
                .contains("04-suspended-start/lab.yaml:8: the reference solution never reaches checkpoint 'created-suspended'")
                .contains("has suspend count 1; it should be 2");
        assertThat(catalog.lab("04-suspended-start")).isEmpty();

        Files.writeString(yaml, original.replace("en: notepad.exe exists, its only thread", "en: Now notepad.exe exists, its only thread"));
        assertThat(catalog.reload().problems()).isEmpty();
        assertThat(catalog.lab("04-suspended-start").orElseThrow().checkpoints().getFirst().title().en()).startsWith("Now notepad.exe");
    }
}
