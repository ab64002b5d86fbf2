package com.ntprocesslab.bench;

import com.ntprocesslab.CommandMix;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.CheckpointCopier;
import java.util.Arrays;
import java.util.List;

/**
 * Debugger figures: console commands per second for a mix of inspection and stepping on a
 * booted machine, the cost of reverse stepping, and the cost of travel with checkpoints
 * (kept as the session keeps them) after 10,000, 100,000 and 25,000,000 steps of a spinning
 * guest: it must not grow with the history. Target: t- under 50 ms after 10,000 steps.
 */
public final class DebuggerBenchmark {
    /** One round: break in a CreateProcessW, look around, step, finish, clean up. */
    private static final List<String> ROUND = List.of(
            "bp nt!PspInsertProcess",
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe",
            "k", "!thread", "!process 0 0", "t", "t", "p", "k", "!handle 0 3 4c", "x nt!Psp*", "bl",
            "bc *", "g", "!process 0 7 notepad.exe", "!peb", "dt nt!_EPROCESS " + explorerAddress(), "!vad", "!csrss", "lm",
            ".call explorer.exe TerminateProcess $hProcess 0",
            ".call explorer.exe CloseHandle $hThread",
            ".call explorer.exe CloseHandle $hProcess");

    private DebuggerBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("== DebuggerBenchmark (NT Process Lab kernel " + Machine.KERNEL_VERSION + ") ==");
        double perSecond = commandsPerSecond();
        System.out.printf("Debugger commands (inspection + stepping mix):   %10.0f commands/s%n", perSecond);
        for (int steps : new int[] {1_000, 10_000, 50_000}) {
            double millis = reverseStepMillis(steps);
            String verdict = steps == 10_000 ? (millis < 50 ? "  (target < 50 ms: met)" : "  (target < 50 ms: MISSED)") : "";
            System.out.printf("t- after %,7d steps since boot (median):       %10.2f ms%s%n", steps, millis, verdict);
        }
        for (long steps : new long[] {10_000, 100_000, 25_000_000}) {
            travelWithCheckpoints(steps);
        }
    }

    /**
     * A history of spinner.exe spinning for {@code history} steps (g runs 100,000 of them, t
     * one), then the travels: to the middle of the history, back one step, back over, and to
     * the present; their cost must not grow with the history.
     */
    private static void travelWithCheckpoints(long history) {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.keepCheckpoints(new CheckpointCopier());
        must(machine, ".call explorer.exe CreateProcessW C:\\Tools\\spinner.exe");
        long origin = machine.debugger().timeline().origin;
        while (machine.position() - origin < history) {
            must(machine, history - (machine.position() - origin) >= 100_000 ? "g" : "t");
        }
        long steps = machine.position() - origin;
        double middle = millis(machine, "!tt 50");
        double back = millis(machine, "t-");
        double over = millis(machine, "p-");
        double present = millis(machine, "!tt present");
        double tMinus = millis(machine, "t-");
        System.out.printf("travel after %,11d steps (%d checkpoints, %,d bytes): !tt 50 %.1f ms, t- %.1f ms, p- %.1f ms, "
                + "!tt present %.1f ms, t- from the present %.1f ms%n", steps, machine.debugger().checkpoints().count(),
                machine.debugger().checkpoints().bytes(), middle, back, over, present, tMinus);
    }

    private static double millis(Machine machine, String command) {
        long start = System.nanoTime();
        must(machine, command);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Explorer's EPROCESS on a freshly booted machine (the same on every boot: addresses are seeded). */
    private static String explorerAddress() {
        String dump = Machine.boot(Profile.MODERN).execute("!process 0 0 explorer.exe").output();
        int at = dump.indexOf("PROCESS ") + "PROCESS ".length();
        return dump.substring(at, dump.indexOf('\n', at)).trim();
    }

    private static void must(Machine machine, String command) {
        CommandResult result = machine.execute(command);
        if (!result.accepted() || result.output().contains("returned FALSE")) {
            throw new IllegalStateException(command + " -> " + result.output());
        }
    }

    private static double commandsPerSecond() {
        int warmupRounds = 2_000;
        int rounds = 4_000;
        Machine machine = Machine.boot(Profile.MODERN);
        long start = 0;
        for (int i = 0; i < warmupRounds + rounds; i++) {
            if (i == warmupRounds) {
                machine = Machine.boot(Profile.MODERN);
                start = System.nanoTime();
            }
            for (String command : ROUND) {
                must(machine, command);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return rounds * ROUND.size() / seconds;
    }

    /** A machine that ran the realistic command mix for at least {@code steps} steps, then t- timed repeatedly. */
    private static double reverseStepMillis(int steps) {
        Machine machine = Machine.boot(Profile.MODERN);
        long origin = machine.position();
        for (long i = 0; machine.position() - origin < steps; i++) {
            must(machine, CommandMix.command(i));
        }
        for (int i = 0; i < 10; i++) {
            must(machine, "t-");
        }
        int trials = 21;
        long[] nanos = new long[trials];
        for (int i = 0; i < trials; i++) {
            long start = System.nanoTime();
            must(machine, "t-");
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[trials / 2] / 1e6;
    }
}
