package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.Scheduler;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.ThreadStartup;
import java.util.ArrayList;
import java.util.List;

/**
 * The step engine: runs routines one step at a time on a thread's own frame list. A
 * breakpoint is a {@link StopCheck} consulted before each step; a stack trace is the frame
 * list; nothing runs on the Java stack between steps, so the machine can stop anywhere.
 */
public final class Engine {
    /** Observes every executed step (tests run the invariant checker here). Not machine state. */
    public interface StepListener {
        void afterStep(StepEvent event);
    }

    /** Decides, before a step runs, whether the machine stops there (breakpoints). */
    public interface StopCheck {
        boolean stopBefore(Location location);
    }

    /** One executed step: where it ran and which stage it belongs to (0 = not a creation stage). */
    public record StepEvent(Kernel kernel, long position, EThread thread, String symbol, String routine, int stage) {
    }

    public enum Reason { COMPLETED, BLOCKED, TERMINATED, IDLE, BUDGET, BREAKPOINT }

    public record RunResult(Reason reason, long steps, Location stoppedAt) {
    }

    private final Kernel kernel;
    private StepListener listener;

    Engine(Kernel kernel) {
        this.kernel = kernel;
    }

    public void setListener(StepListener listener) {
        this.listener = listener;
    }

    /** The step listener, so a machine rebuilt for time travel keeps the same observer. */
    public StepListener listener() {
        return listener;
    }

    public Location location(EThread thread) {
        Frame frame = thread.top();
        if (frame == null) {
            return null;
        }
        Step step = frame.currentStep();
        return new Location(thread, frame, step, step.symbol(), step.stage());
    }

    /** k: the current instruction then each frame's return site, innermost first. */
    public List<String> stackTrace(EThread thread) {
        List<String> lines = new ArrayList<>();
        Location here = location(thread);
        if (here == null) {
            return lines;
        }
        lines.add(here.display());
        List<com.ntprocesslab.kernel.exec.Frame> frames = thread.frames;
        int start = here.symbol() != null ? frames.size() - 1 : frames.size() - 2;
        for (int i = start; i >= 0; i--) {
            Frame f = frames.get(i);
            lines.add(f.routine.symbol() + "+0x" + Integer.toHexString(f.routine.returnOffset(f.pc)));
        }
        return lines;
    }

    /** Executes exactly one step of {@code thread} (single-step, WinDbg's t). */
    public StepEvent stepInto(EThread thread) {
        Frame frame = thread.top();
        if (frame == null) {
            throw new IllegalStateException(thread.describe() + " has no frame to step");
        }
        Step step = frame.currentStep();
        WorkBudget.chargeStep();
        kernel.position++;
        StepResult result = step.action().run(kernel, thread, frame);
        apply(thread, frame, result);
        StepEvent event = new StepEvent(kernel, kernel.position, thread,
                step.symbol() != null ? step.symbol() : frame.routine.symbol(), frame.routine.symbol(), step.stage());
        if (listener != null) {
            listener.afterStep(event);
        }
        return event;
    }

    private void apply(EThread thread, Frame frame, StepResult result) {
        List<Frame> frames = thread.frames;
        boolean onStack = !frames.isEmpty() && frames.get(frames.size() - 1) == frame;
        switch (result) {
            case StepResult.Next n -> {
                if (onStack) {
                    frame.pc++;
                }
            }
            case StepResult.Goto g -> frame.pc = g.index();
            case StepResult.GotoLabel g -> frame.pc = frame.routine.label(g.label());
            case StepResult.Call c -> frames.add(new Frame(c.routine(), c.args()));
            case StepResult.Return r -> {
                Frame returning = frames.remove(frames.size() - 1);
                Frame caller = thread.top();
                if (caller != null && !returning.injected) {
                    caller.calleeStatus = r.status();
                    caller.pc++;
                }
            }
            case StepResult.Block b -> {
                // the step is retried when the thread runs again
            }
            case StepResult.Transfer t -> {
                frames.clear();
                frames.add(new Frame(t.routine(), t.args()));
            }
            case StepResult.Exit e -> frames.clear();
        }
    }

    /**
     * Runs {@code thread} alone until its frame list unwinds to {@code baseDepth} (an
     * injected call returned), it blocks, it terminates, a stop check fires or the budget ends.
     */
    public RunResult runThread(EThread thread, int baseDepth, long budget, StopCheck stop) {
        long steps = 0;
        while (true) {
            if (thread.terminated()) {
                return new RunResult(Reason.TERMINATED, steps, null);
            }
            if (thread.frames.size() <= baseDepth) {
                return new RunResult(Reason.COMPLETED, steps, null);
            }
            if (thread.tcb.state == KThreadState.Waiting) {
                return new RunResult(Reason.BLOCKED, steps, location(thread));
            }
            if (steps >= budget) {
                return new RunResult(Reason.BUDGET, steps, location(thread));
            }
            Location here = location(thread);
            if (stop != null && stop.stopBefore(here)) {
                return new RunResult(Reason.BREAKPOINT, steps, here);
            }
            stepInto(thread);
            steps++;
        }
    }

    /** g: schedules ready threads until every thread waits, a stop check fires or the budget ends. */
    public RunResult runScheduler(long budget, StopCheck stop) {
        Scheduler scheduler = kernel.scheduler;
        long steps = 0;
        for (PendingCall pending : List.copyOf(kernel.pendingCalls)) {
            if (!pending.finished() && pending.thread().tcb.state == KThreadState.Running && scheduler.running != pending.thread()) {
                RunResult first = runThread(pending.thread(), pending.baseDepth(), budget - steps, stop);
                steps += first.steps();
                if (first.reason() == Reason.BREAKPOINT || first.reason() == Reason.BUDGET) {
                    return new RunResult(first.reason(), steps, first.stoppedAt());
                }
                completePendingCalls();
            }
        }
        while (true) {
            EThread thread = scheduler.running;
            if (thread == null || thread.tcb.state != KThreadState.Running) {
                scheduler.running = null;
                thread = scheduler.dispatch();
                if (thread == null) {
                    return new RunResult(Reason.IDLE, steps, null);
                }
                if (thread.frames.isEmpty() && !thread.started) {
                    ThreadStartup.enterInitialThread(thread);
                }
                if (thread.frames.isEmpty()) {
                    // nothing left to run on this thread: it can only wait
                    scheduler.waitOn(thread, null, com.ntprocesslab.kernel.ke.KWaitReason.Executive);
                    continue;
                }
            }
            if (steps >= budget) {
                return new RunResult(Reason.BUDGET, steps, location(thread));
            }
            Location here = location(thread);
            if (stop != null && stop.stopBefore(here)) {
                return new RunResult(Reason.BREAKPOINT, steps, here);
            }
            stepInto(thread);
            steps++;
            scheduler.quantumUsed++;
            if (!kernel.pendingCalls.isEmpty()) {
                completePendingCalls();
            }
            if (scheduler.running != thread || thread.tcb.state != KThreadState.Running) {
                continue;
            }
            Frame top = thread.top();
            boolean userBoundary = top != null && !top.routine.kernelMode();
            if (!userBoundary) {
                continue;
            }
            EThread rival = scheduler.highestReady();
            if (rival != null && rival.tcb.priority > thread.tcb.priority) {
                scheduler.preempt(true);
            } else if (rival != null && rival.tcb.priority == thread.tcb.priority && scheduler.quantumUsed >= Scheduler.QUANTUM) {
                scheduler.preempt(false);
            }
        }
    }

    /** Records the result of every .call whose frames have unwound; each thread gets its prior state back. */
    public void completePendingCalls() {
        for (PendingCall pending : List.copyOf(kernel.pendingCalls)) {
            if (pending.finished()) {
                kernel.pendingCalls.remove(pending);
                complete(pending);
            }
        }
    }

    private void complete(PendingCall pending) {
        EThread thread = pending.thread();
        if (thread.terminated()) {
            pending.call().callerExited = true;
        } else {
            com.ntprocesslab.kernel.win32.LastError.capture(thread, pending.call());
            if (thread.tcb.state == KThreadState.Running && kernel.scheduler.running != thread) {
                thread.tcb.state = pending.priorState();
                thread.tcb.waitReason = pending.priorWaitReason();
                thread.tcb.waitObject = pending.priorWaitObject();
                if (thread.tcb.state == KThreadState.Ready) {
                    kernel.scheduler.ready(thread);
                } else if (thread.tcb.state == KThreadState.Waiting && thread.tcb.waitObject != null
                        && thread.tcb.waitObject.signaled && thread.tcb.suspendCount == 0) {
                    kernel.scheduler.ready(thread);
                }
            }
        }
        kernel.lastCall = pending.call().record(true);
    }
}
