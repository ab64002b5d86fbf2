package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ke.Scheduler;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.Termination;
import com.ntprocesslab.kernel.ps.ThreadStartup;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.CreatedProcess;
import com.ntprocesslab.kernel.win32.LastError;
import java.util.List;

/**
 * The step engine bound to this machine, plus the dispatcher loop above it: which thread
 * runs next (the scheduler's choice, preemption at the user-mode boundary), a thread's
 * first entry, and the console's .calls that finish.
 */
public final class Dispatcher extends Engine<Kernel, EThread> {

    Dispatcher(Kernel kernel) {
        super(kernel);
    }

    @Override
    protected long advance() {
        return ++kernel.position;
    }

    /** g: schedules ready threads until every thread waits, a stop check fires or the budget ends. */
    public RunResult runScheduler(long budget, StopCheck stop) {
        return runScheduler(budget, stop, () -> false);
    }

    /** As {@link #runScheduler(long, StopCheck)}, also ending (COMPLETED) as soon as {@code done} holds, before another thread is picked. */
    public RunResult runScheduler(long budget, StopCheck stop, java.util.function.BooleanSupplier done) {
        Scheduler<EThread> scheduler = kernel.scheduler;
        long steps = 0;
        WorkBudget work = currentBudget();
        for (PendingCall pending : List.copyOf(kernel.pendingCalls)) {
            if (!pending.finished() && pending.thread().tcb.state == KThreadState.Running && scheduler.running != pending.thread()) {
                RunResult first = runThread(pending.thread(), pending::finished, budget - steps, stop);
                steps += first.steps();
                if (first.reason() == Reason.BREAKPOINT || first.reason() == Reason.BUDGET) {
                    return new RunResult(first.reason(), steps, first.stoppedAt());
                }
                completePendingCalls();
            }
        }
        while (true) {
            if (done.getAsBoolean()) {
                return new RunResult(Reason.COMPLETED, steps, null);
            }
            EThread thread = scheduler.running;
            if (thread == null || thread.tcb.state != KThreadState.Running) {
                scheduler.running = null;
                thread = scheduler.dispatch();
                if (thread == null) {
                    long due = scheduler.nextTimer();
                    if (due < 0) {
                        return new RunResult(Reason.IDLE, steps, null);
                    }
                    // nothing can run but a wait has a timeout: the idle processor's clock reaches its due time
                    kernel.idleTime += Math.max(0, due - kernel.clock());
                    scheduler.expireTimers(kernel.clock());
                    continue;
                }
                if (thread.frames.isEmpty() && !thread.started) {
                    ThreadStartup.enterInitialThread(thread);
                }
                Termination.deliverKernelApcs(thread);
            }
            if (thread.frames.isEmpty()) {
                // nothing left to run on this thread (also when a finished .call left it running): it can only wait
                scheduler.waitOn(thread, null, KWaitReason.Executive);
                continue;
            }
            RunResult stopped = stopBefore(thread, steps, budget, stop);
            if (stopped != null) {
                return stopped;
            }
            // glue such as XP's KiFastSystemCall uses no quantum (Routine.Builder.schedulingNeutral)
            boolean neutral = thread.top().routine.schedulingNeutral();
            stepInto(thread, work);
            steps++;
            if (!neutral) {
                scheduler.quantumUsed++;
            }
            if (!scheduler.timers.isEmpty()) {
                scheduler.expireTimers(kernel.clock());
            }
            if (!kernel.pendingCalls.isEmpty()) {
                completePendingCalls();
            }
            if (scheduler.running != thread || thread.tcb.state != KThreadState.Running) {
                continue;
            }
            Frame top = thread.top();
            boolean userBoundary = top != null && !top.routine.kernelMode() && !top.routine.schedulingNeutral();
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
        // asked after every step while a .call runs: copy the list only when something is to be removed
        if (!anyFinished()) {
            return;
        }
        for (PendingCall pending : List.copyOf(kernel.pendingCalls)) {
            if (pending.finished()) {
                kernel.pendingCalls.remove(pending);
                complete(pending);
            }
        }
    }

    private boolean anyFinished() {
        for (PendingCall pending : kernel.pendingCalls) {
            if (pending.finished()) {
                return true;
            }
        }
        return false;
    }

    private void complete(PendingCall pending) {
        EThread thread = pending.thread();
        if (thread.terminated()) {
            pending.call().callerExited = true;
        } else {
            LastError.capture(thread, pending.call());
            if (thread.tcb.state == KThreadState.Running && kernel.scheduler.running != thread) {
                // the API returned inside the APC while the thread ran alone: the rest (NtContinue, the
                // program's loop waiting again) is the thread's own work, at the head of the ready queue
                kernel.scheduler.readyFirst(thread);
            }
        }
        kernel.lastCall = pending.call().record(true);
        if (pending.call().processInformation) {
            ApiCall c = pending.call();
            kernel.lastCreatedProcess = new CreatedProcess(c.hProcess, c.hThread, c.processId, c.threadId);
        }
    }
}
