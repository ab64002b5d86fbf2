package com.ntprocesslab.kernel;

import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.kernel.kd.Checkpoints;
import com.ntprocesslab.kernel.kd.CommandExecutor;
import com.ntprocesslab.kernel.kd.Debugger;
import com.ntprocesslab.kernel.kd.StateCopier;
import com.ntprocesslab.kernel.machine.Dispatcher;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.SystemInitialization;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;

/**
 * One emulated Windows NT machine: the only entry point the layers above use. Not thread
 * safe: one caller at a time, as the session layer guarantees.
 */
public final class Machine {
    /** Bumped whenever the same commands could produce a different machine. */
    public static final String KERNEL_VERSION = Kernel.VERSION;
    /**
     * The first kernel with TTD's rules (travel keeps the recorded future). Logs written by an
     * older kernel travelled by cutting the future; they replay with {@link #forgetRecordedFuture()}.
     */
    public static final String RECORDED_FUTURE_SINCE = "0.8.0";
    /**
     * The first kernel that reads a .call's numbers without 0x or 0n in WinDbg's default radix 16.
     * Logs written by an older kernel read them in decimal, and replay so (see {@link #callRadix}).
     */
    public static final String CALL_RADIX_16_SINCE = "0.10.0";

    /** Owns the kernel: time travel replaces it with one rebuilt at an earlier position. */
    private final Debugger debugger;

    private Machine(Kernel kernel) {
        this.debugger = new Debugger(kernel);
    }

    /** Boots the default machine of the profile through the real creation pipeline. */
    public static Machine boot(Profile profile) {
        return boot(profile, BootSeed.DEFAULT);
    }

    /**
     * Boots the profile's machine with a seed: the same machine in every behaviour, with its
     * PIDs, TIDs, handle values and pool addresses starting elsewhere (see {@link BootSeed}).
     * The same profile, seed and commands always give the same machine.
     */
    public static Machine boot(Profile profile, long seed) {
        if (profile == null) {
            throw new IllegalArgumentException("A machine needs a profile (MODERN or CLASSIC).");
        }
        return new Machine(SystemInitialization.boot(profile, seed, null));
    }

    /**
     * Boots with a listener that sees every step from the first one (tests run the invariant
     * checker there; a debugger can record the boot).
     */
    public static Machine boot(Profile profile, Engine.StepListener<Kernel, EThread> listener) {
        if (profile == null) {
            throw new IllegalArgumentException("A machine needs a profile (MODERN or CLASSIC).");
        }
        return new Machine(SystemInitialization.boot(profile, listener));
    }

    public CommandResult execute(String commandLine) {
        return debugger.execute(commandLine);
    }

    /**
     * Keeps time-travel checkpoints from now on, so a travel replays a bounded number of steps
     * (see {@link Checkpoints#SPACING}); without them travel replays from boot.
     */
    public void keepCheckpoints(StateCopier copier) {
        debugger.checkpoints().keepWith(copier);
    }

    /** The machine's present becomes where it stands; what a fork does, and how old logs travelled. */
    public void forgetRecordedFuture() {
        debugger.forgetRecordedFuture();
    }

    /** True when the machine stands before the end of its recorded history (after a travel back). */
    public boolean inThePast() {
        return debugger.inThePast();
    }

    /** The end of the recorded history: the position the machine returns to with {@code !tt present}. */
    public long present() {
        return debugger.timeline().present();
    }

    /**
     * Replays one command of a log as kernel {@code recordedVersion} ran it: a .call's numbers in
     * that kernel's radix, and, for a kernel that travelled by cutting the future, the future cut.
     */
    public CommandResult replay(String commandLine, String recordedVersion) {
        CommandResult result = debugger.execute(commandLine, callRadix(recordedVersion));
        if (travelledByCutting(recordedVersion)) {
            // that kernel cut the recorded future at every travel, and the commands after it ran on from there
            forgetRecordedFuture();
        }
        return result;
    }

    /** The radix a log written by kernel {@code version} read a .call's numbers in when they have no 0x or 0n. */
    public static int callRadix(String version) {
        return compareVersions(version, CALL_RADIX_16_SINCE) < 0 ? 10 : 16;
    }

    /** A rule of an older kernel that a log it wrote replays with. */
    public enum OlderRule {
        /** Before {@link #RECORDED_FUTURE_SINCE}: a travel cut the recorded future. */
        TRAVEL_CUTS_FUTURE,
        /** Before {@link #CALL_RADIX_16_SINCE}: a .call's numbers without 0x were decimal. */
        DECIMAL_CALL_NUMBERS
    }

    /** The older kernels' rules a log written by kernel {@code version} replays with (none for this kernel's). */
    public static List<OlderRule> olderRules(String version) {
        List<OlderRule> rules = new java.util.ArrayList<>();
        if (travelledByCutting(version)) {
            rules.add(OlderRule.TRAVEL_CUTS_FUTURE);
        }
        if (callRadix(version) == 10) {
            rules.add(OlderRule.DECIMAL_CALL_NUMBERS);
        }
        return rules;
    }

    /** Whether a log written by kernel {@code version} travelled by cutting the recorded future. */
    public static boolean travelledByCutting(String version) {
        return compareVersions(version, RECORDED_FUTURE_SINCE) < 0;
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int difference = Integer.compare(part(x, i), part(y, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        return i < parts.length && parts[i].matches("\\d{1,9}") ? Integer.parseInt(parts[i]) : 0;
    }

    public String snapshotJson() {
        return Snapshot.json(debugger.kernel());
    }

    public List<String> checkInvariants() {
        return InvariantChecker.check(debugger.kernel());
    }

    /** Steps executed since boot: the machine's time. */
    public long position() {
        return debugger.kernel().position;
    }

    public Profile profile() {
        return debugger.kernel().profile;
    }

    /** The seed the machine booted with ({@link BootSeed#DEFAULT} for the sandbox and the scenarios). */
    public long bootSeed() {
        return debugger.kernel().bootSeed;
    }

    /** The step engine, for the debugger: single-step, run to a stop check, frames, location. */
    public Dispatcher engine() {
        return debugger.kernel().engine;
    }

    /** The console's command executor, including {@code begin} to start a .call without running it. */
    public CommandExecutor commands() {
        return debugger.machineCommands();
    }

    /** All machine state, for the debugger's inspection commands and for tests. */
    public Kernel kernel() {
        return debugger.kernel();
    }

    /** The debugger: breakpoints, context and the time line, for tests and the benchmark. */
    public Debugger debugger() {
        return debugger;
    }
}
