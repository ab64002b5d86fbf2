package com.ntprocesslab.bench;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.session.ReplayedHistory;
import com.ntprocesslab.store.machine.CommandLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instructor's time machine on a long history: a 10,000-command log replayed once into a
 * private copy, then the machine rebuilt at its midpoint by command (from the nearest frozen
 * copy) and by step (a time-travel bounded by the kernel's checkpoints). Target: a move of the
 * scrubber under 50 ms, whatever the history's length.
 */
public final class TimeMachineBenchmark {

    private static final int COMMANDS = 10_000;
    private static final List<String> ROUND = List.of(
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe",
            "!process 0 0", "k", "!handle 0 3 4c", "lm",
            ".call explorer.exe TerminateProcess $hProcess 0",
            ".call explorer.exe CloseHandle $hThread",
            ".call explorer.exe CloseHandle $hProcess",
            "!csrss", "bl");

    private TimeMachineBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("== TimeMachineBenchmark (NT Process Lab kernel " + Machine.KERNEL_VERSION + ") ==");
        List<CommandLogEntry> log = recordedLog();
        Duration limit = Duration.ofMinutes(5);
        for (int warm = 0; warm < 2; warm++) {
            ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, log, limit).atCommand(COMMANDS / 2);
        }
        long start = System.nanoTime();
        ReplayedHistory history = ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, log, limit);
        double replayMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf("Replay of %,d commands into the private copy:     %10.1f ms (%,.0f commands/s)%n",
                COMMANDS, replayMillis, COMMANDS / (replayMillis / 1000));
        System.out.printf("Frozen copies held (one per %d commands):        %10.1f MB%n", ReplayedHistory.FREEZE_EVERY,
                history.frozenBytes() / 1e6);
        double byCommand = median(() -> history.atCommand(COMMANDS / 2));
        System.out.printf("Rebuild at the midpoint by command (median):      %10.2f ms%s%n", byCommand, verdict(byCommand));
        double nearEnd = median(() -> history.atCommand(COMMANDS - 1));
        System.out.printf("Rebuild at command %,d (worst spot, median):     %10.2f ms%s%n", COMMANDS - 1, nearEnd, verdict(nearEnd));
        long middle = (history.bootPosition() + history.presentPosition()) / 2;
        double byStep = median(() -> history.atPosition(middle));
        System.out.printf("Rebuild at the midpoint by step %,d (median): %10.2f ms%s%n", middle, byStep, verdict(byStep));
    }

    /** A student's log of {@code COMMANDS} commands, recorded by running them, with their answers. */
    private static List<CommandLogEntry> recordedLog() {
        Machine machine = Machine.boot(Profile.MODERN);
        List<CommandLogEntry> log = new ArrayList<>(COMMANDS);
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        while (log.size() < COMMANDS) {
            String command = ROUND.get(log.size() % ROUND.size());
            CommandResult result = machine.execute(command);
            if (!result.accepted()) {
                throw new IllegalStateException(command + " was refused: " + result.output());
            }
            log.add(new CommandLogEntry(1L, log.size() + 1, command, result.output(), Machine.KERNEL_VERSION, at.plusSeconds(log.size())));
        }
        return log;
    }

    private static double median(Runnable move) {
        double[] millis = new double[15];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            move.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static String verdict(double millis) {
        return millis < 50 ? "  (target < 50 ms: met)" : "  (target < 50 ms: MISSED)";
    }
}
