package com.ntprocesslab.kernel.ke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dispatcher on its own: it sees threads only through their KTHREAD. */
class SchedulerTest {
    /** The smallest thread the dispatcher can queue: a KTHREAD and a name to tell it apart. */
    private record Thread(String name, KThread tcb) implements Schedulable {
        static Thread of(String name, int priority) {
            KThread tcb = new KThread();
            tcb.priority = priority;
            return new Thread(name, tcb);
        }
    }

    private final Scheduler<Thread> scheduler = new Scheduler<>();

    @Test
    void theHighestPriorityRunsFirstAndEqualPrioritiesInTheOrderTheyBecameReady() {
        Thread low = Thread.of("low", 8);
        Thread first = Thread.of("first", 9);
        Thread second = Thread.of("second", 9);
        scheduler.ready(low);
        scheduler.ready(first);
        scheduler.ready(second);

        assertThat(scheduler.dispatch()).isSameAs(first);
        assertThat(first.tcb().state).isEqualTo(KThreadState.Running);
        assertThat(scheduler.running).isSameAs(first);
        assertThat(scheduler.readyQueue).containsExactly(low, second);
        assertThat(scheduler.highestReady()).isSameAs(second);
    }

    @Test
    void aPreemptedThreadGoesToTheFrontAndOneAtTheEndOfItsQuantumToTheBack() {
        Thread a = Thread.of("a", 8);
        Thread b = Thread.of("b", 8);
        scheduler.ready(a);
        scheduler.ready(b);
        scheduler.dispatch();

        scheduler.preempt(true);
        assertThat(scheduler.readyQueue).containsExactly(a, b);
        assertThat(scheduler.running).isNull();

        scheduler.dispatch();
        scheduler.preempt(false);
        assertThat(scheduler.readyQueue).containsExactly(b, a);
        assertThat(a.tcb().state).isEqualTo(KThreadState.Ready);
    }

    @Test
    void aSignalReadiesItsWaitersAndLeavesASuspendedOneWaitingForItsResume() {
        DispatcherObject event = new DispatcherObject() { };
        Thread waiter = Thread.of("waiter", 8);
        Thread suspended = Thread.of("suspended", 8);
        Thread other = Thread.of("other", 8);
        suspended.tcb().suspendCount = 1;
        scheduler.ready(waiter);
        scheduler.dispatch();
        scheduler.waitOn(waiter, event, KWaitReason.UserRequest);
        scheduler.waitOn(suspended, event, KWaitReason.UserRequest);
        scheduler.waitOn(other, null, KWaitReason.Executive);
        assertThat(scheduler.running).isNull();

        scheduler.signal(event, List.of(waiter, suspended, other));

        assertThat(event.signaled).isTrue();
        assertThat(scheduler.readyQueue).containsExactly(waiter);
        assertThat(waiter.tcb().waitObject).isNull();
        assertThat(suspended.tcb().state).isEqualTo(KThreadState.Waiting);
        assertThat(suspended.tcb().waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(suspended.tcb().waitObject).isNull();
        assertThat(other.tcb().state).isEqualTo(KThreadState.Waiting);
        assertThat(other.tcb().waitReason).isEqualTo(KWaitReason.Executive);
    }

    @Test
    void aRemovedThreadIsNeitherReadyNorRunning() {
        Thread a = Thread.of("a", 8);
        scheduler.ready(a);
        scheduler.ready(a);
        assertThat(scheduler.readyQueue).containsExactly(a);
        scheduler.dispatch();

        scheduler.remove(a);

        assertThat(scheduler.running).isNull();
        assertThat(scheduler.dispatch()).isNull();
    }
}
