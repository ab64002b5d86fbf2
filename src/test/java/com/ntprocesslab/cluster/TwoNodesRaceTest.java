package com.ntprocesslab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.CommandMix;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineLeaseLostException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineLeaseRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes on one PostgreSQL and one machine: only the lease holder appends; a node that lost
 * its lease is refused by the fencing token, a node that finds the machine served elsewhere is
 * refused with a clear message, and whatever the interleaving the log stays one contiguous
 * sequence holding exactly the answered commands.
 */
class TwoNodesRaceTest {

    private static PostgresServer postgres;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        postgres = PostgresServer.start();
        String database = postgres.newDatabase();
        // A holds its leases for an hour and does not renew them meanwhile: the test stands in for
        // that hour of silence (a paused or cut-off node) by expiring A's lease row.
        nodeA = PostgresServer.node(database, "node-a", "--ntlab.lease.duration=1h", "--ntlab.lease.renew-every=50m");
        nodeB = PostgresServer.node(database, "node-b", "--ntlab.lease.duration=2s", "--ntlab.lease.renew-every=500ms");
    }

    @AfterAll
    static void stop() throws Exception {
        nodeA.close();
        nodeB.close();
        postgres.close();
    }

    @Test
    void aSecondNodeIsRefusedWhileTheFirstServesTheMachine() {
        long machine = sandboxOnA("held-student");
        sessions(nodeA).submit(machine, "held-student", CommandMix.command(0));

        assertThatThrownBy(() -> sessions(nodeB).submit(machine, "held-student", CommandMix.command(1)))
                .isInstanceOf(MachineHeldElsewhereException.class)
                .hasMessageContaining("open on another server (node-a)");
        assertThat(seqs(machine)).containsExactly(1L);
        assertThat(sessions(nodeA).submit(machine, "held-student", CommandMix.command(1)).accepted()).isTrue();
        assertThat(seqs(machine)).containsExactly(1L, 2L);
    }

    @Test
    void aNodeWhoseLeaseWasTakenOverIsFencedOff() {
        long machine = sandboxOnA("fenced-student");
        for (int i = 0; i < 3; i++) {
            sessions(nodeA).submit(machine, "fenced-student", CommandMix.command(i));
        }
        expireLease(machine);

        ConsoleEntry onB = sessions(nodeB).submit(machine, "fenced-student", CommandMix.command(3));
        assertThat(onB.accepted()).isTrue();
        // A still has the machine in memory under its old token: its append is refused and not logged
        assertThatThrownBy(() -> sessions(nodeA).submit(machine, "fenced-student", CommandMix.command(4)))
                .isInstanceOf(MachineLeaseLostException.class)
                .hasMessageContaining("now served by another server");
        assertThat(commands(machine)).containsExactly(CommandMix.command(0), CommandMix.command(1), CommandMix.command(2),
                CommandMix.command(3));
        assertThat(seqs(machine)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void twoNodesRacingOnOneMachineLeaveOneContiguousLog() throws Exception {
        long machine = sandboxOnA("racing-student");
        sessions(nodeA).submit(machine, "racing-student", CommandMix.command(0));
        expireLease(machine);

        CountDownLatch go = new CountDownLatch(1);
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<RuntimeException> a = CompletableFuture.supplyAsync(() -> race(nodeA, machine, "racing-student", 100, 20, go, accepted));
        CompletableFuture<RuntimeException> b = CompletableFuture.supplyAsync(() -> race(nodeB, machine, "racing-student", 200, 20, go, accepted));
        go.countDown();
        RuntimeException refusedOnA = a.get();
        RuntimeException refusedOnB = b.get();

        // one node won the machine; the other was refused with a clear message and stopped
        assertThat(refusedOnA == null ^ refusedOnB == null).as("exactly one node refused: A %s, B %s", refusedOnA, refusedOnB).isTrue();
        RuntimeException refusal = refusedOnA != null ? refusedOnA : refusedOnB;
        assertThat(refusal).isInstanceOfAny(MachineLeaseLostException.class, MachineHeldElsewhereException.class)
                .hasMessageContaining("another server");
        List<Long> seqs = seqs(machine);
        assertThat(seqs).isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
        List<String> expected = new ArrayList<>(List.of(CommandMix.command(0)));
        expected.addAll(accepted);
        assertThat(commands(machine)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(commands(machine)).hasSize(expected.size());
    }

    @Test
    void theLogRefusesASecondCommandWithTheSameSequence() {
        long machine = sandboxOnA("unique-student");
        sessions(nodeA).submit(machine, "unique-student", CommandMix.command(0));
        CommandLogRepository log = nodeB.getBean(CommandLogRepository.class);

        assertThatThrownBy(() -> log.save(new CommandLogEntry(machine, 1, CommandMix.command(1), "", "x", Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(commands(machine)).containsExactly(CommandMix.command(0));
    }

    /** Submits up to {@code count} commands until the first refusal, which it returns (null if none). */
    private static RuntimeException race(ConfigurableApplicationContext node, long machine, String student, int first, int count,
                                         CountDownLatch go, List<String> accepted) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        for (int i = first; i < first + count; i++) {
            String command = CommandMix.command(i);
            try {
                if (sessions(node).submit(machine, student, command).accepted()) {
                    accepted.add(command);
                }
            } catch (MachineLeaseLostException | MachineHeldElsewhereException refused) {
                return refused;
            }
        }
        return null;
    }

    private static long sandboxOnA(String student) {
        nodeA.getBean(AccountService.class).signUpStudent(student, "password-123");
        return sessions(nodeA).openSandbox(student);
    }

    private static void expireLease(long machine) {
        int expired = nodeA.getBean(JdbcTemplate.class).update(
                "UPDATE machine_lease SET expires_at = expires_at - INTERVAL '2 hours' WHERE machine_id = ?", machine);
        assertThat(expired).isEqualTo(1);
        assertThat(nodeA.getBean(MachineLeaseRepository.class).find(machine).orElseThrow().expiresAt()).isBefore(Instant.now());
    }

    private static MachineSessions sessions(ConfigurableApplicationContext node) {
        return node.getBean(MachineSessions.class);
    }

    private static List<Long> seqs(long machine) {
        return nodeA.getBean(CommandLogRepository.class).findByMachineIdOrderBySeq(machine).stream().map(CommandLogEntry::getSeq).toList();
    }

    private static List<String> commands(long machine) {
        return nodeA.getBean(CommandLogRepository.class).findByMachineIdOrderBySeq(machine).stream().map(CommandLogEntry::getCommand).toList();
    }
}
