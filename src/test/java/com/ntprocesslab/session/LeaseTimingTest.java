package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.ntprocesslab.CommandMix;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.MachineLeaseRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * When another node holds a machine, this node tells the student at once if that node is alive
 * (it renewed the lease lately, or renews it while this node watches) and waits out only a lease
 * whose holder missed its renewals. "Another node" is a second node id writing the same
 * machine_lease rows through the same repository, which is all another node does to them.
 */
@SpringBootTest(properties = {"ntlab.lease.duration=4s", "ntlab.lease.renew-every=1s"})
class LeaseTimingTest {

    private static final AtomicInteger STUDENTS = new AtomicInteger();
    private static final String OTHER = "other-node";

    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    MachineLeaseRepository leases;

    private String student;
    private long machineId;

    @BeforeEach
    void aSandboxThisNodeLetGoOf() {
        student = "lease-student-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(student, "password-123");
        machineId = sessions.openSandbox(student);
        sessions.submit(machineId, student, CommandMix.command(0));
        sessions.evict(machineId);
        assertThat(leases.find(machineId)).as("evicting releases the lease").isEmpty();
    }

    @Test
    void aMachineAnotherLiveNodeJustRenewedIsRefusedAtOnce() {
        otherNodeTakes(Duration.ofSeconds(4));

        long start = System.nanoTime();
        assertThatThrownBy(() -> sessions.submit(machineId, student, CommandMix.command(1)))
                .isInstanceOf(MachineHeldElsewhereException.class)
                .hasMessageContaining("open on another server (" + OTHER + ")");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no lease waited out").isLessThan(Duration.ofMillis(1_500));
        assertThat(leases.find(machineId).orElseThrow().nodeId()).isEqualTo(OTHER);
    }

    @Test
    void aHolderThatMissedItsRenewalsIsWaitedOutAndTakenOver() {
        // 1.5 s left of a 4 s lease renewed every second: its node has not renewed for 2.5 s
        Instant expires = otherNodeTakes(Duration.ofMillis(1_500));

        ConsoleEntry answer = sessions.submit(machineId, student, CommandMix.command(1));

        assertThat(answer.accepted()).isTrue();
        assertThat(Instant.now()).as("taken only once the lease ran out").isAfter(expires);
        assertThat(leases.find(machineId).orElseThrow().nodeId()).isNotEqualTo(OTHER);
        assertThat(sessions.takenOverFrom(machineId, student)).contains(OTHER);
        assertThat(sessions.history(machineId, student)).extracting(ConsoleEntry::command)
                .containsExactly(CommandMix.command(0), CommandMix.command(1));
    }

    @Test
    void aHolderThatRenewsWhileThisNodeWaitsIsAliveAndRefused() throws Exception {
        Instant expires = otherNodeTakes(Duration.ofMillis(2_000));
        CompletableFuture<Void> renewal = CompletableFuture.runAsync(() -> leases.renewAll(OTHER, Instant.now().plusMillis(2_000)),
                CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS));

        assertThatThrownBy(() -> sessions.submit(machineId, student, CommandMix.command(1)))
                .isInstanceOf(MachineHeldElsewhereException.class);
        assertThat(Instant.now()).as("refused once the renewal showed, before the old expiry").isBefore(expires);
        renewal.get(5, TimeUnit.SECONDS);
        assertThat(leases.find(machineId).orElseThrow().nodeId()).isEqualTo(OTHER);
    }

    @Test
    void aHolderRefusedAsLiveThatThenStopsLetsTheRefusedPageOpenTheMachineOnceItsLeaseRanOut() throws Exception {
        // it renewed just now (so it is refused as live) and then died: nobody renews the lease again
        otherNodeTakes(Duration.ofSeconds(4));
        Throwable thrown = catchThrowable(() -> sessions.submit(machineId, student, CommandMix.command(1)));
        assertThat(thrown).isInstanceOf(MachineHeldElsewhereException.class);
        MachineHeldElsewhereException refusal = (MachineHeldElsewhereException) thrown;
        assertThat(sessions.stillHeldElsewhere(refusal)).as("its lease has not run out yet").isTrue();

        Thread.sleep(sessions.untilRefusalLeaseRunsOut(refusal).plusMillis(300));

        assertThat(sessions.stillHeldElsewhere(refusal)).as("run out unrenewed: its server stopped").isFalse();
        long start = System.nanoTime();
        assertThat(sessions.submit(machineId, student, CommandMix.command(1)).accepted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("nothing left to wait out").isLessThan(Duration.ofMillis(1_500));
        assertThat(sessions.takenOverFrom(machineId, student)).contains(OTHER);
    }

    @Test
    void aHolderThatRenewsAfterRefusingStillHoldsTheMachineOnceTheSeenLeaseEnds() throws Exception {
        otherNodeTakes(Duration.ofSeconds(3));
        Throwable thrown = catchThrowable(() -> sessions.submit(machineId, student, CommandMix.command(1)));
        assertThat(thrown).isInstanceOf(MachineHeldElsewhereException.class);
        MachineHeldElsewhereException refusal = (MachineHeldElsewhereException) thrown;
        leases.renewAll(OTHER, Instant.now().plusSeconds(4));

        Thread.sleep(sessions.untilRefusalLeaseRunsOut(refusal).plusMillis(300));

        assertThat(sessions.stillHeldElsewhere(refusal)).as("it renewed: alive, the machine is open there").isTrue();
        assertThat(leases.find(machineId).orElseThrow().nodeId()).isEqualTo(OTHER);
    }

    private Instant otherNodeTakes(Duration left) {
        Instant expires = Instant.now().plus(left);
        assertThat(leases.take(machineId, OTHER, Instant.now(), expires)).isPresent();
        return expires;
    }
}
