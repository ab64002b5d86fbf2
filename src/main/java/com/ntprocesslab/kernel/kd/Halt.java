package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * The stop check of one run command, alive only while the command runs. Live, it stops at
 * enabled breakpoints (except where the run starts, so g leaves a breakpoint it stands on)
 * and, for p and gu, when the stepping thread is back at the right depth. While a past
 * position is rebuilt, it ignores all of that and stops at the recorded position instead:
 * the engine is deterministic, so stopping at the same step reproduces the same machine.
 */
final class Halt implements Engine.StopCheck {
    private final Kernel kernel;
    private final Breakpoints breakpoints;
    private final long replayStop;
    private final boolean leaveCurrentBreakpoint;
    private final EThread stepper;
    private final int depth;
    private final boolean outOnly;
    private final Recorder recorder;
    private boolean first = true;
    /** The thread the run resumes (the debugger's current one): only its location at the start is the breakpoint left behind. */
    private EThread resumed;
    /**
     * The current thread when the debugger shows it at a call site (caller+offset, after t or p),
     * not at the entry of the function the call enters: no breakpoint was shown there, so a
     * breakpoint on that function is not one the run leaves behind; it fires before the call
     * (bp nt!MmCreateProcessAddressSpace, t onto its call, g: the breakpoint hits).
     */
    private EThread shownAtCallSite;
    /** Steps the stepper must run before its depth is checked: one, or two from a routine's entry (the call, then its first step). */
    private final int stepsBeforeCheck;
    private int stepperSteps;
    /** The breakpoint that stopped the run, if one did. */
    Breakpoint hit;
    /** The last location consulted: where the run stopped, or the thread that stepped last. */
    Location last;

    /** What a rebuild of the past saw before each step, for p- and g-. */
    interface Recorder {
        void before(long position, Location at);
    }

    private Halt(Kernel kernel, Breakpoints breakpoints, long replayStop, boolean leaveCurrentBreakpoint,
                 EThread stepper, int depth, boolean outOnly, Recorder recorder, int stepsBeforeCheck) {
        this.stepsBeforeCheck = stepsBeforeCheck;
        this.kernel = kernel;
        this.breakpoints = breakpoints;
        this.replayStop = replayStop;
        this.leaveCurrentBreakpoint = leaveCurrentBreakpoint;
        this.stepper = stepper;
        this.depth = depth;
        this.outOnly = outOnly;
        this.recorder = recorder;
    }

    /** g and t: stop at breakpoints. */
    static Halt atBreakpoints(Debugger d, boolean leaveCurrentBreakpoint) {
        Halt halt = new Halt(d.kernel, d.breakpoints, d.replayStop, leaveCurrentBreakpoint, null, 0, false, d.recorder, 1);
        halt.resumed = d.current;
        return halt;
    }

    /**
     * g: as {@link #atBreakpoints}, leaving only a breakpoint the debugger shows the thread on. A
     * t that lands on a breakpoint's function does not report it, as WinDbg's trace onto a
     * breakpoint address does not, so t keeps the plain rule.
     */
    static Halt go(Debugger d) {
        Halt halt = atBreakpoints(d, true);
        halt.shownAtCallSite = shownAtCallSite(d);
        return halt;
    }

    /** Read before the run starts, since running forgets what the debugger showed. */
    private static EThread shownAtCallSite(Debugger d) {
        if (d.current == null || d.showsEntry(d.current)) {
            return null;
        }
        Location at = d.kernel.engine.location(d.current);
        return at != null && at.inCallee() ? d.current : null;
    }

    /** p (step over, {@code outOnly} false) and gu (step out, true): also stop when {@code stepper} is back. */
    static Halt afterStep(Debugger d, EThread stepper, boolean outOnly) {
        return afterStep(d, stepper, outOnly, 0);
    }

    /** As above, {@code deeper} frames below the stepper's current depth (p from the entry of a routine not yet pushed). */
    static Halt afterStep(Debugger d, EThread stepper, boolean outOnly, int deeper) {
        Halt halt = new Halt(d.kernel, d.breakpoints, d.replayStop, true, stepper, stepper.frames.size() + deeper, outOnly, d.recorder, 1 + deeper);
        halt.shownAtCallSite = shownAtCallSite(d);
        return halt;
    }

    @Override
    public boolean stopBefore(Location at) {
        boolean firstCheck = first;
        first = false;
        last = at;
        if (recorder != null) {
            recorder.before(kernel.position, at);
        }
        if (replayStop >= 0) {
            return kernel.position >= replayStop;
        }
        // another thread scheduled first (a new thread at KiThreadStartup) does not stand on the breakpoint g leaves
        EThread thread = Where.thread(at);
        if (!(firstCheck && leaveCurrentBreakpoint && (resumed == null || thread == resumed) && thread != shownAtCallSite)) {
            hit = breakpoints.match(at);
            if (hit != null) {
                return true;
            }
        }
        if (stepper != null && Where.thread(at) == stepper) {
            int now = stepper.frames.size();
            if (stepperSteps >= stepsBeforeCheck && (outOnly ? now < depth : now <= depth)) {
                return true;
            }
            stepperSteps++;
        }
        return false;
    }
}
