package com.ntprocesslab.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.lab.LabFixtures;
import com.ntprocesslab.lab.grading.LabRunBudget;
import com.ntprocesslab.lab.grading.ReferenceRun;
import com.ntprocesslab.lab.grading.ScriptRejectedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8 of issue 14: lab files had no size or time limits, a README linked to
 * /etc/hostname was shown to students, and binary or deeply nested YAML came without line or
 * reason. Each hostile lab is refused with file, line and reason; the good lab next to it loads.
 */
class HostileLabFilesTest {

    private static final String GOOD = "04-suspended-start";

    @TempDir
    Path labs;
    private Path lab;

    @BeforeEach
    void givenACopyOfAGoodLab() throws IOException {
        lab = copy(GOOD, "hostile");
        Files.writeString(lab.resolve("lab.yaml"), Files.readString(lab.resolve("lab.yaml")).replace("id: " + GOOD, "id: hostile"));
        copy(GOOD, GOOD);
    }

    private Path copy(String from, String to) throws IOException {
        Path target = labs.resolve(to);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(LabFixtures.PROJECT_LABS.resolve(from))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private List<String> problems() {
        LabCatalog.Contents contents = LabFixtures.catalogOf(labs).reload();
        assertThat(contents.labs()).extracting(Lab::id).containsExactly(GOOD);
        return contents.problems().stream().map(LabProblem::toString).toList();
    }

    @Test
    void anOversizedReadmeIsRefusedUnread() throws IOException {
        Files.write(lab.resolve("README.en.md"), new byte[(int) LabFileLimits.MAX_README_BYTES + 1]);

        assertThat(problems()).singleElement().asString()
                .startsWith("hostile/README.en.md: is 524289 bytes; a lab's README.en.md may have at most 524288 bytes");
    }

    @Test
    void aReadmeLinkedOutsideTheLabFolderIsRefused() throws IOException {
        Path outside = Files.writeString(labs.getParent().resolve(labs.getFileName() + "-secret.txt"), "host secret");
        Files.delete(lab.resolve("README.en.md"));
        Files.createSymbolicLink(lab.resolve("README.en.md"), outside);

        assertThat(problems()).singleElement().asString().startsWith("hostile/README.en.md: leads (through a link) to ")
                .contains("outside the lab folder");
    }

    @Test
    void aBinaryLabYamlIsReportedWithLineAndReason() throws IOException {
        Files.write(lab.resolve("lab.yaml"), new byte[] {'i', 'd', ':', ' ', 'x', '\n', (byte) 0xff, (byte) 0xfe, 0, 1});

        assertThat(problems()).containsExactly("hostile/lab.yaml:2: is not UTF-8 text (a binary file?)");
    }

    @Test
    void aNulCharacterMarksABinaryFile() throws IOException {
        Files.writeString(lab.resolve("setup.cmd"), "g\n\n\0\0");

        assertThat(problems()).containsExactly("hostile/setup.cmd:3: holds a NUL character: it is a binary file, not text");
    }

    @Test
    void deeplyNestedYamlIsReportedWithLineAndReason() throws IOException {
        Files.writeString(lab.resolve("lab.yaml"), "id: hostile\nnested: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");

        assertThat(problems()).singleElement().asString().startsWith("hostile/lab.yaml:2: not valid YAML: ").contains("nesting");
    }

    @Test
    void aSetupOverItsBudgetIsABrokenLabAtTheLineItReached() {
        Lab good = LabLoader.load(LabFiles.of(LabFixtures.PROJECT_LABS.resolve("03-seven-stages"))).lab().orElseThrow();

        assertThatThrownBy(() -> ReferenceRun.of(good, new LabRunBudget(10, Duration.ofSeconds(10))))
                .isInstanceOf(ScriptRejectedException.class).hasMessageContaining("ran more than 10 steps");
    }
}
