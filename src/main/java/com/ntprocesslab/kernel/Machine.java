package com.ntprocesslab.kernel;

import com.ntprocesslab.kernel.exec.CommandExecutor;
import com.ntprocesslab.kernel.kd.Debugger;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Kernel;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.kernel.ps.SystemInitialization;
import java.util.List;

/**
 * One emulated Windows NT machine: the only entry point the layers above use. Not thread
 * safe: one caller at a time, as the session layer guarantees.
 */
public final class Machine {
    /** Bumped whenever the same commands could produce a different machine. */
    public static final String KERNEL_VERSION = "0.6.0";

    /** Owns the kernel: time travel replaces it with one rebuilt at an earlier position. */
    private final Debugger debugger;

    private Machine(Kernel kernel) {
        this.debugger = new Debugger(kernel);
    }

    /** Boots the default machine of the profile through the real creation pipeline. */
    public static Machine boot(Profile profile) {
        return boot(profile, null);
    }

    /**
     * Boots with a listener that sees every step from the first one (tests run the invariant
     * checker there; a debugger can record the boot).
     */
    public static Machine boot(Profile profile, Engine.StepListener listener) {
        if (profile == null) {
            throw new IllegalArgumentException("A machine needs a profile (MODERN or CLASSIC).");
        }
        return new Machine(SystemInitialization.boot(profile, listener));
    }

    public CommandResult execute(String commandLine) {
        return debugger.execute(commandLine);
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

    /** The step engine, for the debugger: single-step, run to a stop check, frames, location. */
    public Engine engine() {
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
