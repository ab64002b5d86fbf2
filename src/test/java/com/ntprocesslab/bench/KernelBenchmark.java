package com.ntprocesslab.bench;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;

/**
 * Kernel figures, measured side by side in one JVM (these machines are noisy, so only the
 * ratios within one run mean much): one emulated CreateProcessW of notepad.exe through all
 * seven stages against the host spawning /bin/true, warm boot time, and retained heap of an
 * idle booted machine. Targets: call <= 1/20 of the host spawn, boot <= 2 ms, <= 256 KB.
 */
public final class KernelBenchmark {
    private KernelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== KernelBenchmark (NT Process Lab kernel " + Machine.KERNEL_VERSION + ") ==");
        Timed create = emulatedCreateProcess(Profile.MODERN);
        double createMicros = create.micros();
        double hostMicros = hostSpawnMicros();
        Timed boot = boot(Profile.MODERN);
        double bootMillis = boot.micros() / 1_000;
        double kilobytes = retainedKilobytesPerMachine();
        double ratio = hostMicros / createMicros;
        System.out.printf("CreateProcessW notepad.exe, stages 1-7 (emulated): %10.1f us%n", createMicros);
        System.out.printf("ProcessBuilder /bin/true start+waitFor (host):      %10.1f us%n", hostMicros);
        System.out.printf("Host spawn / emulated call:                         %10.1fx  (target >= 20x: %s)%n", ratio, ratio >= 20 ? "met" : "MISSED");
        System.out.printf("Boot of the default machine (warm):                 %10.3f ms  (target <= 2 ms: %s)%n", bootMillis, bootMillis <= 2 ? "met" : "MISSED");
        System.out.printf("Retained heap per idle booted machine:              %10.1f KB  (target <= 256 KB: %s)%n", kilobytes, kilobytes <= 256 ? "met" : "MISSED");
        double classicMicros = emulatedCreateProcess(Profile.CLASSIC).micros();
        double classicBootMillis = boot(Profile.CLASSIC).micros() / 1_000;
        System.out.printf("CreateProcessW notepad.exe, phases 1-6 (classic):   %10.1f us  (host spawn / call: %.1fx)%n",
                classicMicros, hostMicros / classicMicros);
        System.out.printf("Boot of the classic machine (warm):                 %10.3f ms%n", classicBootMillis);
        // kernel 19ce347 took 28 us for a CreateProcessW of 156 steps and 0.10 ms for a boot of
        // 1,303: the cost per step tells more work from slower work
        System.out.printf("Modern cost per step: boot %.1f ns (%d steps), CreateProcessW %.1f ns (%d steps)%n",
                boot.nanosPerStep(), boot.steps(), create.nanosPerStep(), create.steps());
    }

    /** A mean time and the engine steps it took. */
    private record Timed(double micros, long steps) {
        double nanosPerStep() {
            return micros * 1_000 / steps;
        }
    }

    private static void must(CommandResult result, String command) {
        if (!result.accepted() || result.output().contains("returned FALSE")) {
            throw new IllegalStateException(command + " -> " + result.output());
        }
    }

    /**
     * Create (modern: stages 1-6 in the call, stage 7 when g runs the new thread; classic:
     * phases 1-5 in the call, 5-6 in the new thread), then clean up untimed.
     */
    private static Timed emulatedCreateProcess(Profile profile) {
        Machine machine = Machine.boot(profile);
        int warmup = 20_000;
        int measured = 20_000;
        long total = 0;
        long steps = 0;
        for (int i = 0; i < warmup + measured; i++) {
            long before = machine.position();
            long start = System.nanoTime();
            CommandResult created = machine.execute(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
            must(created, "CreateProcessW");
            must(machine.execute("g"), "g");
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                total += elapsed;
                steps += machine.position() - before;
            }
            String process = handle(created.output(), "hProcess: ");
            must(machine.execute(".call explorer.exe TerminateProcess " + process + " 0"), "TerminateProcess");
            must(machine.execute(".call explorer.exe CloseHandle " + handle(created.output(), "hThread: ")), "CloseHandle");
            must(machine.execute(".call explorer.exe CloseHandle " + process), "CloseHandle");
        }
        if (!machine.checkInvariants().isEmpty()) {
            throw new IllegalStateException("invariants broken: " + machine.checkInvariants());
        }
        return new Timed(total / 1_000.0 / measured, steps / measured);
    }

    private static double hostSpawnMicros() throws Exception {
        int warmup = 100;
        int measured = 400;
        long total = 0;
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            new ProcessBuilder("/bin/true").start().waitFor();
            long elapsed = System.nanoTime() - start;
            if (i >= warmup) {
                total += elapsed;
            }
        }
        return total / 1_000.0 / measured;
    }

    /**
     * A handle a CreateProcessW result prints ("hProcess: 0xc  hThread: 0x10"), read from the output
     * because the values depend on the caller's handle table (explorer holds its csrss port first).
     */
    private static String handle(String output, String label) {
        int at = output.indexOf(label) + label.length();
        int end = at;
        while (end < output.length() && !Character.isWhitespace(output.charAt(end))) {
            end++;
        }
        return output.substring(at, end);
    }

    private static Timed boot(Profile profile) {
        int warmup = 3_000;
        int measured = 3_000;
        long total = 0;
        long positions = 0;
        for (int i = 0; i < warmup + measured; i++) {
            long start = System.nanoTime();
            Machine machine = Machine.boot(profile);
            long elapsed = System.nanoTime() - start;
            positions += machine.position();
            if (i >= warmup) {
                total += elapsed;
            }
        }
        if (positions == 0) {
            throw new IllegalStateException("boot executed no steps");
        }
        return new Timed(total / 1_000.0 / measured, positions / (warmup + measured));
    }

    private static double retainedKilobytesPerMachine() {
        int count = 1_000;
        long before = usedAfterGc();
        Machine[] machines = new Machine[count];
        for (int i = 0; i < count; i++) {
            machines[i] = Machine.boot(Profile.MODERN);
        }
        long after = usedAfterGc();
        long positions = 0;
        for (Machine m : machines) {
            positions += m.position();
        }
        if (positions == 0) {
            throw new IllegalStateException("no machine booted");
        }
        return (after - before) / 1024.0 / count;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
