package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.kd.Command;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.CallRecord;

/**
 * The commands that run the machine: g, t, p, gu and .call. Each is one engine run with a
 * {@link Halt}; what it prints depends on why the run stopped.
 */
final class Execution {
    /** g stops after this many steps even when no breakpoint fires (a guest that spins). */
    static final long GO_BUDGET = 100_000;
    /** A .call runs its thread alone for at most this many steps. */
    static final long CALL_BUDGET = 1_000_000;

    private Execution() {
    }

    /**
     * The thread the machine runs next, as {@link Engine#runScheduler} would pick it, without
     * changing anything: an unfinished .call first, then the running thread, then the
     * highest-priority ready one. Null when every thread waits.
     */
    static EThread nextThread(Kernel k) {
        for (PendingCall pending : k.pendingCalls) {
            EThread t = pending.thread();
            if (!pending.finished() && t.tcb.state == KThreadState.Running && k.scheduler.running != t) {
                return t;
            }
        }
        EThread running = k.scheduler.running;
        if (running != null && running.tcb.state == KThreadState.Running) {
            return running;
        }
        return k.scheduler.highestReady();
    }

    static CommandResult go(Debugger d) {
        return run(d, Halt.go(d), GO_BUDGET, false);
    }

    /**
     * Whether the debugger shows the current thread at the entry of a routine its next step
     * calls (after a breakpoint on it). The entry shown is the routine's first step, so the
     * call itself is already made: t, p and gu first run it, and no location shows twice.
     */
    static boolean entersRoutine(Debugger d) {
        EThread thread = nextThread(d.kernel);
        if (thread == null || !d.showsEntry(thread)) {
            return false;
        }
        Location at = d.kernel.engine.location(thread);
        // a routine entered without a naming step (Frame.entry) makes its call in its own entry step, when it has one
        return Symbols.routine(at.symbol(), d.kernel.profile) != null && (at.inCallee() || at.frame().entryStep());
    }

    /** t: exactly one step of whatever the machine runs next (from a routine's entry: its first step, after the call). */
    static CommandResult stepInto(Debugger d) {
        // rebuilding the past, the run ends at the recorded position, however many steps this t took live
        if (d.replayStop >= 0) {
            return run(d, Halt.atBreakpoints(d, true), Math.max(0, d.replayStop - d.kernel.position), true);
        }
        if (entersRoutine(d)) {
            return fromEntry(d, Halt.atBreakpoints(d, true), 2, true);
        }
        return run(d, Halt.atBreakpoints(d, true), 1, true);
    }

    /**
     * p (over): run until the thread that runs next is back at its depth, or above it; gu
     * (out): until it is above it. From a routine's entry, p steps over the routine's first step
     * and gu stops just after the call in the caller.
     */
    static CommandResult stepOver(Debugger d, boolean out) {
        EThread stepper = nextThread(d.kernel);
        if (stepper == null) {
            return idle(d);
        }
        if (d.replayStop < 0 && entersRoutine(d)) {
            return fromEntry(d, Halt.afterStep(d, stepper, false, out ? 0 : 1), GO_BUDGET, false);
        }
        // gu at the entry of a function the machine runs as one step: out of it is just after its
        // call, where p stops; stepping out at the caller's depth would leave the caller too
        boolean outOfLeaf = out && atLeafEntry(d, stepper);
        return run(d, Halt.afterStep(d, stepper, out && !outOfLeaf), GO_BUDGET, false);
    }

    /** Whether the debugger shows {@code thread} at the entry of a function that has no steps of its own. */
    private static boolean atLeafEntry(Debugger d, EThread thread) {
        Location at = d.kernel.engine.location(thread);
        return d.showsEntry(thread) && at != null && at.inCallee() && Symbols.routine(at.symbol(), d.kernel.profile) == null;
    }

    /** A step from a routine's entry, remembered so that a step back returns to the entry. */
    private static CommandResult fromEntry(Debugger d, Halt halt, long budget, boolean singleStep) {
        long start = d.kernel.position;
        CommandResult result = run(d, halt, budget, singleStep);
        d.entryStepStart = start;
        d.entryStepEnd = d.kernel.position;
        return result;
    }

    private static CommandResult idle(Debugger d) {
        return Debugger.accept("Nothing to run: every thread is waiting. Start something with .call, e.g. "
                + ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
    }

    private static CommandResult run(Debugger d, Halt halt, long budget, boolean singleStep) {
        Kernel k = d.kernel;
        CallRecord lastBefore = k.lastCall;
        d.ran();
        Engine.RunResult result = k.engine.runScheduler(budget, halt);
        if (halt.last != null) {
            d.current = Where.thread(halt.last);
        }
        if (singleStep && d.current != null && d.current.tcb.state == KThreadState.Waiting && nextThread(k) != null) {
            // the step made the thread wait (a port request, say): as the kernel debugger shows
            // the context the processor switches to, the stop is where the next thread runs
            d.current = nextThread(k);
        }
        if (result.steps() == 0 && result.reason() == Engine.Reason.IDLE) {
            return idle(d);
        }
        StringBuilder out = new StringBuilder();
        switch (result.reason()) {
            case BREAKPOINT -> out.append(stopped(d, halt, result.stoppedAt()));
            case BUDGET -> out.append(singleStep ? Where.is(k, d.current) : budgetSpent(budget, result.stoppedAt()));
            default -> {
                // as in WinDbg, g prints only the events of the run: here the end of a pending .call
            }
        }
        if (k.lastCall != lastBefore && k.lastCall != null && k.lastCall.completed()) {
            out.append(out.isEmpty() ? "" : "\n").append(k.lastCall.result());
        }
        if (result.reason() == Engine.Reason.IDLE) {
            for (PendingCall p : k.pendingCalls) {
                out.append(out.isEmpty() ? "" : "\n").append("The ").append(p.call().api()).append(" call on thread 0x").append(Long.toHexString(p.thread().uniqueThread))
                        .append(" of ").append(p.thread().process.imageFileName).append(" is still waiting.");
            }
        }
        return Debugger.accept(out.toString());
    }

    private static String stopped(Debugger d, Halt halt, Location at) {
        d.current = Where.thread(at);
        if (halt.hit == null) {
            return Where.is(d.kernel, Where.thread(at));
        }
        if (at.symbol() == null) {
            // a code label's breakpoint: the thread stands on the label's own instruction
            d.atEntry = false;
            return "Breakpoint " + halt.hit.id() + " hit\n" + Where.is(d.kernel, Where.thread(at));
        }
        d.atEntry = halt.hit.symbol().equalsIgnoreCase(at.symbol());
        String entered = d.atEntry ? at.symbol() : at.routine();
        return "Breakpoint " + halt.hit.id() + " hit\n" + Where.entered(d.kernel, Where.thread(at), entered);
    }

    private static String budgetSpent(long budget, Location at) {
        String where = at == null ? "" : " at " + at.display() + " on thread 0x" + Long.toHexString(Where.thread(at).uniqueThread)
                + " of " + Where.thread(at).process.imageFileName;
        return "Step budget of " + budget + " steps exhausted; the machine stopped" + where + ". Run g again to continue.";
    }

    /**
     * A thread the debugger stopped in the middle of a kernel routine (not one waiting in the
     * kernel, which is a resting state). The scheduler only switches threads at user-mode
     * boundaries, so kernel routines never interleave; a .call on another thread must not
     * break that either.
     */
    private static EThread stoppedInsideKernel(Kernel k) {
        // a Ready thread in the kernel was woken from a kernel wait (an exit APC pending, say): a resting state too
        return k.findThread(t -> t.tcb.state == KThreadState.Running && t.top() != null && t.top().routine.kernelMode());
    }

    /**
     * A .call whose thread waits for csrss's reply: the machine runs on (csrss's server thread
     * first, at its priority) until the reply has woken the caller and the call is finished,
     * or a breakpoint stops it on whichever thread runs. Threads with nothing to do with the
     * call run only where the scheduler would pick them anyway.
     */
    private static Engine.RunResult untilReplied(Kernel k, PendingCall pending, Halt halt, long budget) {
        Engine.RunResult result = k.engine.runScheduler(budget, halt, () -> !k.pendingCalls.contains(pending));
        if (!k.pendingCalls.contains(pending) || pending.finished()) {
            k.engine.completePendingCalls();
            return new Engine.RunResult(Engine.Reason.COMPLETED, result.steps(), null);
        }
        return result;
    }

    /**
     * After the API returned inside its user APC, the thread finishes the delivery at once, alone,
     * as it would on its processor: RtlDispatchAPC returns, KiUserApcDispatcher's NtContinue resumes
     * the interrupted wait, which returns WAIT_IO_COMPLETION to the program, whose loop waits again.
     * Stops at a breakpoint on the way; COMPLETED when the thread waits (or ended) again.
     */
    private static Engine.RunResult backToWait(Kernel k, EThread thread, Halt halt, long budget) {
        if (thread.terminated() || thread.tcb.state != KThreadState.Ready && thread.tcb.state != KThreadState.Running) {
            return new Engine.RunResult(Engine.Reason.COMPLETED, 0, null);
        }
        if (thread.tcb.state == KThreadState.Ready) {
            k.scheduler.readyQueue.remove(thread);
            thread.tcb.state = KThreadState.Running;
        }
        Engine.RunResult result = k.engine.runThread(thread, thread.frames::isEmpty, budget, halt);
        if (result.reason() == Engine.Reason.COMPLETED && !thread.terminated()) {
            // its program returned with nothing below (its wait failed: the handle was closed): as the dispatcher does, it can only wait
            k.scheduler.waitOn(thread, null, KWaitReason.Executive);
        }
        if (result.reason() == Engine.Reason.BLOCKED || result.reason() == Engine.Reason.TERMINATED) {
            return new Engine.RunResult(Engine.Reason.COMPLETED, result.steps(), null);
        }
        if (result.reason() == Engine.Reason.BREAKPOINT && k.scheduler.running != thread) {
            // stopped midway: the scheduler runs the rest when g resumes the machine
            thread.tcb.state = KThreadState.Ready;
            k.scheduler.readyFirst(thread);
        }
        return result;
    }

    /**
     * .call: the API runs on the caller's thread alone. It completes and prints its result,
     * blocks in a wait (g lets the machine run on), or stops at a breakpoint midway and stays
     * pending on that thread until g finishes it.
     */
    static CommandResult call(Debugger d, Command.Call c) {
        EThread inside = stoppedInsideKernel(d.kernel);
        if (inside != null) {
            return Debugger.reject("Thread 0x" + Long.toHexString(inside.uniqueThread) + " of " + inside.process.imageFileName
                    + " is stopped inside the kernel at " + d.kernel.engine.location(inside).display()
                    + "; kernel routines finish before another thread runs. Run g, gu or t until it is back in user mode, then make the call.");
        }
        Object started = d.machine.begin(c, d.callRadix);
        if (started instanceof CommandResult rejected) {
            return rejected;
        }
        PendingCall pending = (PendingCall) started;
        Kernel k = d.kernel;
        d.ran();
        d.current = pending.thread();
        Halt halt = Halt.atBreakpoints(d, false);
        Engine.RunResult result = k.engine.runThread(pending.thread(), pending::finished, CALL_BUDGET, halt);
        if (result.reason() == Engine.Reason.BLOCKED && pending.thread().tcb.waitReason == KWaitReason.WrLpcReply) {
            result = untilReplied(k, pending, halt, CALL_BUDGET - result.steps());
        }
        if (result.reason() == Engine.Reason.COMPLETED || result.reason() == Engine.Reason.TERMINATED) {
            k.engine.completePendingCalls();
            String printed = k.lastCall.result();
            Engine.RunResult back = backToWait(k, pending.thread(), halt, CALL_BUDGET - result.steps());
            return Debugger.accept(back.reason() == Engine.Reason.BREAKPOINT ? printed + "\n" + stopped(d, halt, back.stoppedAt()) : printed);
        }
        k.lastCall = pending.call().record(false);
        return switch (result.reason()) {
            case BLOCKED, IDLE -> Debugger.accept(k.lastCall.result());
            case BREAKPOINT -> Debugger.accept(stopped(d, halt, result.stoppedAt()));
            default -> Debugger.accept(pending.call().api() + " did not finish within " + CALL_BUDGET + " steps; run g to continue it.");
        };
    }
}
