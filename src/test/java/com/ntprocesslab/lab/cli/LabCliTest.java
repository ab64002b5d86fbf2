package com.ntprocesslab.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The authors' command: {@code lab check <folder>}, run exactly as Application.main dispatches it. */
class LabCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final LabCli cli = new LabCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyProjectLabChecksCleanAndEachCheckpointIsPrinted() {
        int status = cli.run("check", LabFixtures.PROJECT_LABS.toString());

        assertThat(status).as(out()).isZero();
        assertThat(out()).contains("04-suspended-start", "PASS created-suspended", "PASS resumed")
                .doesNotContain("FAIL", "PROBLEM").containsPattern("Checked \\d+ lab\\(s\\): \\d+ ok, 0 with problems\\.");
    }

    @Test
    void oneLabFolderCanBeCheckedAlone() {
        assertThat(cli.run("check", "labs/09-termination")).isZero();
        assertThat(out()).contains("PASS pid-freed").contains("Checked 1 lab(s): 1 ok, 0 with problems.");
    }

    @Test
    void brokenLabsExitNonZeroWithFileAndLine() {
        int status = cli.run("check", LabFixtures.BROKEN_LABS.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).contains("PROBLEM unknown-predicate/lab.yaml:14: unknown predicate 'foo'")
                .contains("PROBLEM unknown-command/solution.cmd:4: the kernel rejected 'frobnicate notepad.exe'")
                .contains("0 ok, 7 with problems.");
    }

    @Test
    void aWrongUsageExplainsItself() {
        assertThat(cli.run("grade", "labs")).isEqualTo(2);
        assertThat(cli.run("check", "no/such/folder")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: lab check").contains("no/such/folder");
    }
}
