package com.ntprocesslab.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import com.ntprocesslab.lab.ReadmeWalk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab grade <lab folder> <attempt.cmd>}: an attempt graded over its history, as the server grades a student. */
class LabGradeCliTest {

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect\\s+(\\S+)\\s+fails:\\s*(.+)");

    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {
    }

    private static Run grade(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new LabCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @TestFactory
    Stream<DynamicTest> eachReadmeAsAnAttemptPassesEveryCheckpoint() throws IOException {
        try (Stream<Path> folders = Files.list(LabFixtures.PROJECT_LABS)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
                Path attempt = temp.resolve(folder.getFileName() + ".cmd");
                Files.write(attempt, ReadmeWalk.of(Files.readString(folder.resolve("README.en.md"))).commands());
                Run run = grade("grade", folder.toString(), attempt.toString());
                assertThat(run.status()).as(run.out()).isZero();
                assertThat(run.out()).contains("PASS").doesNotContain("FAIL", "rejected").containsPattern("(\\d+) of \\1 checkpoint\\(s\\) reached\\.");
            }));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachWrongSolutionFailsWithItsFeedback() throws IOException {
        List<Path> wrong;
        try (Stream<Path> files = Files.walk(LabFixtures.WRONG_SOLUTIONS)) {
            wrong = files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList();
        }
        return wrong.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            Run run = grade("grade", LabFixtures.PROJECT_LABS.resolve(file.getParent().getFileName()).toString(), file.toString());
            assertThat(run.status()).as(run.out()).isEqualTo(1);
            for (String line : Files.readAllLines(file)) {
                Matcher expect = EXPECT.matcher(line.strip());
                if (expect.matches()) {
                    assertThat(run.out()).contains("FAIL " + expect.group(1) + ": ").contains(expect.group(2).strip());
                }
            }
        }));
    }

    @Test
    void aPassedCheckpointSaysWhereAndALaterOneIsNotReachedYet() throws IOException {
        Path attempt = temp.resolve("half.cmd");
        Files.writeString(attempt, "# only the first step\n.call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED\n"
                + "frobnicate\n");

        Run run = grade("grade", "labs/04-suspended-start", attempt.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("rejected: frobnicate")
                .contains("PASS created-suspended: at command 1 (.call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED)")
                .contains("FAIL resumed: explorer.exe has not called ResumeThread yet")
                .contains("2 of 3 checkpoint(s) reached.");
    }

    @Test
    void aWrongUsageExitsWithTwo() {
        assertThat(grade("grade", "labs/04-suspended-start").status()).isEqualTo(2);
        Run missing = grade("grade", "labs/04-suspended-start", temp.resolve("none.cmd").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("usage: lab check").contains("lab grade <lab folder> <attempt.cmd>");
        assertThat(grade("grade", "no/such/lab", "x.cmd").status()).isEqualTo(2);
    }
}
