package com.ntprocesslab.kernel.ke;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic priority scheduler over the virtual clock: the highest-priority ready
 * thread runs, equal priorities rotate after a quantum of steps, and a thread is only
 * switched out at a user-mode step boundary so that kernel routines stay atomic to others.
 */
public final class Scheduler {
    public static final int QUANTUM = 48;

    /** Ready threads, in the order they became ready. */
    public final List<EThread> readyQueue = new ArrayList<>();
    public EThread running;
    public int quantumUsed;

    /** KeReadyThread: the thread joins the tail of the ready queue. */
    public void ready(EThread thread) {
        thread.tcb.state = KThreadState.Ready;
        thread.tcb.waitObject = null;
        thread.tcb.waitReason = null;
        if (!readyQueue.contains(thread)) {
            readyQueue.add(thread);
        }
    }

    public void waitOn(EThread thread, KernelObject object, KWaitReason reason) {
        readyQueue.remove(thread);
        if (running == thread) {
            running = null;
        }
        thread.tcb.state = KThreadState.Waiting;
        thread.tcb.waitObject = object;
        thread.tcb.waitReason = reason;
    }

    public void remove(EThread thread) {
        readyQueue.remove(thread);
        if (running == thread) {
            running = null;
        }
    }

    public EThread highestReady() {
        EThread best = null;
        for (EThread t : readyQueue) {
            if (best == null || t.tcb.priority > best.tcb.priority) {
                best = t;
            }
        }
        return best;
    }

    /** Picks the next thread to run and marks it Running. */
    public EThread dispatch() {
        EThread next = highestReady();
        if (next != null) {
            readyQueue.remove(next);
            next.tcb.state = KThreadState.Running;
            running = next;
            quantumUsed = 0;
        }
        return next;
    }

    /** Puts the running thread back in the ready queue (end of quantum or preemption). */
    public void preempt(boolean toFront) {
        EThread t = running;
        running = null;
        t.tcb.state = KThreadState.Ready;
        if (toFront) {
            readyQueue.add(0, t);
        } else {
            readyQueue.add(t);
        }
    }

    /**
     * KeSetEvent / KeSetProcess: the object becomes signalled and every thread waiting on it
     * (scanned in process-list order) becomes ready unless it is suspended.
     */
    public void signal(KernelObject object, List<EProcess> processes) {
        object.signaled = true;
        for (EProcess p : processes) {
            for (EThread t : p.threadListHead.owners()) {
                if (t.tcb.state == KThreadState.Waiting && t.tcb.waitObject == object) {
                    if (t.tcb.suspendCount > 0) {
                        t.tcb.waitObject = null;
                        t.tcb.waitReason = KWaitReason.Suspended;
                    } else {
                        ready(t);
                    }
                }
            }
        }
    }
}
