package com.ntprocesslab.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example scenarios under src/test/resources/scenarios replay to their golden transcripts;
 * a scenario named classic-*.cmd runs on the classic (Windows XP) profile.
 */
class ScenarioCommandTest {
    private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");

    private static Profile profileOf(String name) {
        return name.startsWith("classic-") ? Profile.CLASSIC : Profile.MODERN;
    }

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cmd")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aScenarioPrintsItsGoldenTranscript(String name) throws IOException {
        String golden = Files.readString(SCENARIOS.resolve(name.replace(".cmd", ".out")), StandardCharsets.UTF_8);
        Run run = run(SCENARIOS.resolve(name).toString(), "--profile", profileOf(name).name().toLowerCase(java.util.Locale.ROOT));

        assertThat(run.out).isEqualTo(golden);
        assertThat(run.status).isEqualTo(name.startsWith("malformed") ? ScenarioCommand.SOME_REJECTED : ScenarioCommand.ALL_ACCEPTED);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void aScenarioRunTwiceGivesTheSameTranscriptAndMachine(String name) throws IOException {
        List<String> lines = Files.readAllLines(SCENARIOS.resolve(name));
        Machine first = Machine.boot(profileOf(name));
        Machine second = Machine.boot(profileOf(name));

        assertThat(ScenarioCommand.play(first, lines)).isEqualTo(ScenarioCommand.play(second, lines));
        assertThat(first.snapshotJson()).isEqualTo(second.snapshotJson());
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndEachCommandFollowsThePrompt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two.cmd");
        Files.writeString(file, "# a comment\n\n  bl  \n# another\nlm\n");

        Run run = run(file.toString());

        assertThat(run.status).isZero();
        // bl with no breakpoints prints nothing, as in WinDbg
        assertThat(run.out).startsWith("0: kd> bl\n0: kd> lm\nstart ").doesNotContain("comment");
    }

    @Test
    void aRejectedCommandDoesNotStopTheRunButExitsWithOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.cmd");
        Files.writeString(file, "bp nt!Nope\nbl\n");

        Run run = run(file.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("Couldn't resolve error at 'nt!Nope'", "0: kd> bl");
    }

    /** Finding 10 of issue 14: a line of control characters killed the run with a stack trace and no transcript. */
    @Test
    void aLineOfControlCharactersIsRejectedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("control.cmd");
        Files.writeString(file, "lm\n\u0001\u0002\u0003\n\u001b[A\nbl\n");

        Run run = run(file.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("0: kd> lm", "A command cannot hold control characters; this one has U+0001 at column 1",
                "U+001B at column 1").endsWith("\n0: kd> bl\n");
    }

    @Test
    void theTranscriptIsHandedOnCommandByCommand() {
        List<String> parts = new java.util.ArrayList<>();

        boolean allAccepted = ScenarioCommand.play(Machine.boot(Profile.MODERN), List.of("lm", "# note", "bl", "\u0007"), parts::add);

        assertThat(allAccepted).isFalse();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).startsWith("0: kd> lm\n");
        assertThat(parts.get(2)).contains("U+0007");
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path dir) {
        assertThat(run().status).isEqualTo(2);
        assertThat(run(dir.resolve("missing.cmd").toString()).err).contains("Cannot read scenario file");
        assertThat(run("x.cmd", "--profile", "vista").err).contains("Unknown profile 'vista'");
        assertThat(run("x.cmd", "--verbose").status).isEqualTo(2);
    }

    @Test
    void theModernProfileCanBeNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("lm.cmd");
        Files.writeString(file, "!process 0 0\n");

        assertThat(run(file.toString(), "--profile", "modern").status).isZero();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ScenarioCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
