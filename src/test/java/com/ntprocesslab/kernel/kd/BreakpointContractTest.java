package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EThread;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The debugger's contract: with a breakpoint on every symbol (bm *!*), every routine the
 * machine executes while it replays the golden scenarios (and the mechanism walks below) is
 * hit at its entry, on the thread that then executes it, with k's frame 00 that symbol.
 */
class BreakpointContractTest {
    private static final Path SCENARIOS = Path.of("src", "test", "resources", "scenarios");
    /** Walks the golden scenarios do not make: termination of another process, own exit, a thread of its own. */
    private static final List<String> WALKS = List.of(
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe",
            ".call explorer.exe TerminateProcess 0xc 1",
            ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");

    static Stream<Arguments> runs() throws IOException {
        List<Arguments> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".cmd")).sorted().toList()) {
                String name = file.getFileName().toString();
                Profile profile = name.startsWith("classic-") ? Profile.CLASSIC : Profile.MODERN;
                List<String> commands = machineCommands(Files.readAllLines(file));
                if (!commands.isEmpty()) {
                    runs.add(Arguments.of(profile, name, commands));
                }
            }
        }
        for (Profile profile : Profile.values()) {
            runs.add(Arguments.of(profile, "walks", WALKS));
        }
        return runs.stream();
    }

    /** The lines of a scenario that drive the machine (breakpoint and travel commands are this test's own). */
    private static List<String> machineCommands(List<String> lines) {
        List<String> commands = new ArrayList<>();
        for (String line : lines) {
            String l = line.strip();
            if (l.startsWith(".call") || l.startsWith(".fail") || l.startsWith(".reg") || l.startsWith(".file")) {
                commands.add(l);
            }
        }
        return commands;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void everyExecutedRoutineIsHitAtItsEntryOnItsThread(Profile profile, String name, List<String> commands) {
        List<Engine.StepEvent<Kernel, EThread>> steps = new ArrayList<>();
        Machine machine = Machine.boot(profile, e -> {
            steps.add(e);
            List<String> problems = InvariantChecker.check(e.kernel());
            assertThat(problems).as("invariants after step %d", e.position()).isEmpty();
        });
        assertThat(machine.execute("bm *!*").accepted()).isTrue();
        steps.clear();
        // a routine already running when the breakpoints were set (csrss's request loop) was entered before them
        Set<String> alreadyRunning = new TreeSet<>();
        for (EThread t : machine.kernel().threads()) {
            t.frames.forEach(f -> alreadyRunning.add(f.routine.symbol()));
        }
        Set<String> hit = new TreeSet<>();
        for (String command : commands) {
            CommandResult result = machine.execute(command);
            for (int guard = 0; guard < 5_000 && result.output().startsWith("Breakpoint "); guard++) {
                String symbol = result.output().lines().skip(1).findFirst().orElseThrow().replaceFirst(":$", "");
                String thread = LabMachine.currentThread(machine);
                String frame00 = machine.execute("k").output().lines().skip(1).findFirst().orElseThrow();
                assertThat(frame00).as("k frame 00 at %s", symbol).endsWith(" " + symbol);
                int before = steps.size();
                result = machine.execute("g");
                // g leaves the breakpoint it stands on: its first step is the one the hit announced
                Engine.StepEvent<Kernel, EThread> ran = steps.get(before);
                // by ID: a thread that exited during this g may be deleted already (its process reference gone)
                assertThat(thread).as("the thread that executes %s", symbol)
                        .startsWith("thread 0x" + Long.toHexString(ran.thread().uniqueThread) + " of ");
                // a code label (ntdll!KiFastSystemCallRet) is inline code of the routine that holds it
                boolean label = Symbols.routine(ran.routine(), profile) != null
                        && Symbols.routine(ran.routine(), profile).codeLabels().containsKey(symbol);
                assertThat(label ? symbol : ran.symbol()).as("the step after the hit at %s", symbol).isEqualTo(symbol);
                hit.add(symbol);
            }
            assertThat(result.output()).as("after %s", command).doesNotStartWith("Breakpoint ");
        }
        Set<String> executed = new TreeSet<>();
        for (Engine.StepEvent<Kernel, EThread> e : steps) {
            executed.add(e.symbol());
            executed.add(e.routine());
        }
        executed.removeAll(alreadyRunning);
        assertThat(executed).as("%s on %s executed something", name, profile).isNotEmpty();
        assertThat(hit).as("every routine executed in %s on %s was hit", name, profile).containsAll(executed);
    }

}
