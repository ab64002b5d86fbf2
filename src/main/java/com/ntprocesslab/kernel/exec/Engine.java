package com.ntprocesslab.kernel.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * The step engine: runs routines one step at a time on a thread's own frame list. A
 * breakpoint is a {@link StopCheck} consulted before each step; a stack trace is the frame
 * list; nothing runs on the Java stack between steps, so the machine can stop anywhere.
 * {@code S} is the machine's state root, handed to every step; {@code T} its thread type.
 * Choosing the next thread (the dispatcher) belongs to the machine above, which extends this.
 */
public abstract class Engine<S, T extends ExecutionThread> {
    /** Observes every executed step (tests run the invariant checker here). Not machine state. */
    public interface StepListener<S, T> {
        void afterStep(StepEvent<S, T> event);
    }

    /** Decides, before a step runs, whether the machine stops there (breakpoints). */
    public interface StopCheck {
        boolean stopBefore(Location location);
    }

    /** One executed step: where it ran and which stage it belongs to (0 = not a creation stage). */
    public record StepEvent<S, T>(S kernel, long position, T thread, String symbol, String routine, int stage) {
    }

    public enum Reason { COMPLETED, BLOCKED, TERMINATED, IDLE, BUDGET, BREAKPOINT }

    public record RunResult(Reason reason, long steps, Location stoppedAt) {
    }

    protected final S kernel;
    private StepListener<S, T> listener;

    protected Engine(S kernel) {
        this.kernel = kernel;
    }

    /** Moves the machine's clock one step on and returns the new position. */
    protected abstract long advance();

    public void setListener(StepListener<S, T> listener) {
        this.listener = listener;
    }

    /** The step listener, so a machine rebuilt for time travel keeps the same observer. */
    public StepListener<S, T> listener() {
        return listener;
    }

    public Location location(T thread) {
        Frame frame = thread.top();
        if (frame == null) {
            return null;
        }
        Step step = frame.currentStep();
        return new Location(thread, frame, step, frame.entry ? frame.routine.symbol() : step.symbol(), step.stage());
    }

    /** k: the current instruction then each frame's return site, innermost first. */
    public List<String> stackTrace(T thread) {
        List<String> lines = new ArrayList<>();
        Location here = location(thread);
        if (here == null) {
            return lines;
        }
        lines.add(here.display());
        List<Frame> frames = thread.frames();
        int start = here.inCallee() ? frames.size() - 1 : frames.size() - 2;
        for (int i = start; i >= 0; i--) {
            Frame f = frames.get(i);
            lines.add(f.routine.returnSite(f.pc));
        }
        return lines;
    }

    /** Executes exactly one step of {@code thread} (single-step, WinDbg's t). */
    public StepEvent<S, T> stepInto(T thread) {
        return stepInto(thread, WorkBudget.current());
    }

    /**
     * The caller's budget, looked up once per run loop: it changes only when the layer above
     * starts or ends budgeted work, never while the kernel runs, and the lookup is a
     * thread-local read that would otherwise cost every step.
     */
    protected static WorkBudget currentBudget() {
        return WorkBudget.current();
    }

    /** As {@link #stepInto(ExecutionThread)}, charging the step to {@code budget} (null: unbudgeted). */
    protected StepEvent<S, T> stepInto(T thread, WorkBudget budget) {
        Frame frame = thread.top();
        if (frame == null) {
            throw new IllegalStateException(thread.describe() + " has no frame to step");
        }
        Step step = frame.currentStep();
        WorkBudget.chargeStep(budget);
        long position = advance();
        if (frame.entryStep()) {
            // the routine's own entry, before its first step enters the next function
            frame.entry = false;
            return event(position, thread, frame.routine.symbol(), frame.routine.symbol(), step.stage());
        }
        frame.entry = false;
        StepResult result = step.run(kernel, thread, frame);
        apply(thread, frame, step, result);
        return event(position, thread, step.symbol() != null ? step.symbol() : frame.routine.symbol(), frame.routine.symbol(), step.stage());
    }

    private StepEvent<S, T> event(long position, T thread, String symbol, String routine, int stage) {
        StepEvent<S, T> event = new StepEvent<>(kernel, position, thread, symbol, routine, stage);
        if (listener != null) {
            listener.afterStep(event);
        }
        return event;
    }

    private void apply(T thread, Frame frame, Step step, StepResult result) {
        List<Frame> frames = thread.frames();
        boolean onStack = !frames.isEmpty() && frames.get(frames.size() - 1) == frame;
        switch (result) {
            case StepResult.Next n -> {
                if (onStack) {
                    frame.pc++;
                }
            }
            case StepResult.Goto g -> frame.pc = g.index();
            case StepResult.GotoLabel g -> frame.pc = frame.routine.label(g.label());
            // a callee the step did not name (an inline call) is entered at its own first step
            case StepResult.Call c -> frames.add(c.routine().symbol().equals(step.symbol())
                    ? new Frame(c.routine(), c.args()) : Frame.entered(c.routine(), c.args()));
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
                frames.add(Frame.entered(t.routine(), t.args()));
            }
            case StepResult.Exit e -> frames.clear();
        }
    }

    /**
     * Runs {@code thread} alone until its frame list unwinds to {@code baseDepth} (an
     * injected call returned), it blocks, it terminates, a stop check fires or the budget ends.
     */
    public RunResult runThread(T thread, int baseDepth, long budget, StopCheck stop) {
        return runThread(thread, () -> thread.frames().size() <= baseDepth, budget, stop);
    }

    /** As {@link #runThread(ExecutionThread, int, long, StopCheck)}, COMPLETED as soon as {@code done} holds (checked before each step). */
    public RunResult runThread(T thread, java.util.function.BooleanSupplier done, long budget, StopCheck stop) {
        long steps = 0;
        WorkBudget work = currentBudget();
        while (true) {
            if (thread.terminated()) {
                return new RunResult(Reason.TERMINATED, steps, null);
            }
            if (done.getAsBoolean()) {
                return new RunResult(Reason.COMPLETED, steps, null);
            }
            if (thread.waiting()) {
                return new RunResult(Reason.BLOCKED, steps, location(thread));
            }
            RunResult stopped = stopBefore(thread, steps, budget, stop);
            if (stopped != null) {
                return stopped;
            }
            stepInto(thread, work);
            steps++;
        }
    }

    /** Why {@code thread} must not run its next step (the budget is spent, a stop check fires), or null when it may. */
    protected RunResult stopBefore(T thread, long steps, long budget, StopCheck stop) {
        if (steps >= budget) {
            return new RunResult(Reason.BUDGET, steps, location(thread));
        }
        if (stop == null) {
            return null;
        }
        Location here = location(thread);
        return stop.stopBefore(here) ? new RunResult(Reason.BREAKPOINT, steps, here) : null;
    }

}
