package com.ntprocesslab.kernel.ke;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic priority scheduler over the virtual clock: the highest-priority ready
 * thread runs, equal priorities rotate after a quantum of steps, and a thread is only
 * switched out at a user-mode step boundary so that kernel routines stay atomic to others.
 * It works on KTHREADs: {@code T} is the thread type that embeds one, which it never looks into.
 */
public final class Scheduler<T extends Schedulable> {
    public static final int QUANTUM = 48;

    /** Ready threads, in the order they became ready. */
    public final List<T> readyQueue = new ArrayList<>();
    public T running;
    public int quantumUsed;
    /** Threads in a wait with a timeout, in the order their timers were set. */
    public final List<T> timers = new ArrayList<>();

    /** The thread's wait times out at {@code deadline} (interrupt time, 100 ns units). */
    public void setTimer(T thread, long deadline) {
        thread.tcb().waitDeadline = deadline;
        if (!timers.contains(thread)) {
            timers.add(thread);
        }
    }

    public void cancelTimer(T thread) {
        thread.tcb().waitDeadline = 0;
        timers.remove(thread);
    }

    /**
     * KiTimerExpiration: each waiting thread whose timer is due at {@code now} becomes ready (its
     * wait step then returns STATUS_TIMEOUT). Threads no longer waiting drop their timer.
     */
    public void expireTimers(long now) {
        for (T t : List.copyOf(timers)) {
            KThread tcb = t.tcb();
            if (tcb.state == KThreadState.Terminated) {
                cancelTimer(t);
            } else if (tcb.state == KThreadState.Waiting && tcb.waitDeadline != 0 && tcb.waitDeadline <= now && tcb.suspendCount == 0) {
                ready(t);
            }
        }
    }

    /** The earliest due time of a waiting thread's timer, or -1. */
    public long nextTimer() {
        long next = -1;
        for (T t : timers) {
            KThread tcb = t.tcb();
            if (tcb.state == KThreadState.Waiting && tcb.waitDeadline != 0 && tcb.suspendCount == 0 && (next < 0 || tcb.waitDeadline < next)) {
                next = tcb.waitDeadline;
            }
        }
        return next;
    }

    /** KeReadyThread: the thread joins the tail of the ready queue. */
    public void ready(T thread) {
        thread.tcb().state = KThreadState.Ready;
        thread.tcb().waitObject = null;
        thread.tcb().waitReason = null;
        if (!readyQueue.contains(thread)) {
            readyQueue.add(thread);
        }
    }

    /** A thread woken by a hand-off (an LPC reply): it joins the head of the ready queue. */
    public void readyFirst(T thread) {
        ready(thread);
        readyQueue.remove(thread);
        readyQueue.add(0, thread);
    }

    public void waitOn(T thread, DispatcherObject object, KWaitReason reason) {
        readyQueue.remove(thread);
        if (running == thread) {
            running = null;
        }
        thread.tcb().state = KThreadState.Waiting;
        thread.tcb().waitObject = object;
        thread.tcb().waitReason = reason;
    }

    public void remove(T thread) {
        readyQueue.remove(thread);
        if (running == thread) {
            running = null;
        }
    }

    public T highestReady() {
        T best = null;
        for (T t : readyQueue) {
            if (best == null || t.tcb().priority > best.tcb().priority) {
                best = t;
            }
        }
        return best;
    }

    /** Picks the next thread to run and marks it Running. */
    public T dispatch() {
        T next = highestReady();
        if (next != null) {
            readyQueue.remove(next);
            next.tcb().state = KThreadState.Running;
            running = next;
            quantumUsed = 0;
        }
        return next;
    }

    /** Puts the running thread back in the ready queue (end of quantum or preemption). */
    public void preempt(boolean toFront) {
        T t = running;
        running = null;
        t.tcb().state = KThreadState.Ready;
        if (toFront) {
            readyQueue.add(0, t);
        } else {
            readyQueue.add(t);
        }
    }

    /**
     * KeSetEvent / KeSetProcess: the object becomes signalled and every thread waiting on it
     * (scanned in {@code threads}' order: the process list's, then each thread list's) becomes
     * ready unless it is suspended.
     */
    public void signal(DispatcherObject object, List<T> threads) {
        object.signaled = true;
        for (T t : threads) {
            if (t.tcb().state == KThreadState.Waiting && t.tcb().waitObject == object) {
                if (t.tcb().suspendCount > 0) {
                    t.tcb().waitObject = null;
                    t.tcb().waitReason = KWaitReason.Suspended;
                } else {
                    ready(t);
                }
            }
        }
    }
}
