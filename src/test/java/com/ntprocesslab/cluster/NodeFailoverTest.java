package com.ntprocesslab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.CommandMix;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineHeldElsewhereException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineSnapshotRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Node A serves a student and dies hard (SIGKILL: no shutdown, its lease stays in the table);
 * node B, on the same PostgreSQL, sees A miss its renewals, waits the rest of A's lease out,
 * restores the machine from snapshot plus log byte for byte as the student last saw it, and goes
 * on from there.
 */
class NodeFailoverTest {

    private static final int COMMANDS = 60;
    private static final String STUDENT = "failover-student";

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void anotherNodeRestoresTheMachineOfAKilledNodeAndGoesOn() throws Exception {
        String database = postgres.newDatabase();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), NodeDriver.class.getName(), STUDENT, Integer.toString(COMMANDS)));
        // snapshots every 25 commands: B restores from the newest snapshot plus the log after it
        command.addAll(PostgresServer.nodeArguments(database, "node-a", "--ntlab.lease.duration=3s",
                "--ntlab.lease.renew-every=1s", "--ntlab.sessions.snapshot-every=25"));
        Process nodeA = new ProcessBuilder(command).redirectErrorStream(true).start();
        long machine = -1;
        String seenOnA = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(nodeA.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                if (line.startsWith("MACHINE ")) {
                    machine = Long.parseLong(line.substring(8).strip());
                } else if (line.startsWith("SNAPSHOT ")) {
                    seenOnA = line.substring(9).strip();
                }
            }
        }
        assertThat(seenOnA).as("node A served the student").isNotNull();

        try (ConfigurableApplicationContext nodeB = PostgresServer.node(database, "node-b", "--ntlab.lease.duration=3s",
                "--ntlab.lease.renew-every=1s", "--ntlab.sessions.snapshot-every=25")) {
            assertThat(nodeB.getBean(MachineSnapshotRepository.class).findAll()).as("A left snapshots").isNotEmpty();
            long killedAt = System.nanoTime();
            nodeA.destroyForcibly();
            assertThat(nodeA.waitFor(30, TimeUnit.SECONDS)).isTrue();

            MachineSessions sessions = nodeB.getBean(MachineSessions.class);
            String restored = snapshotOnceServed(sessions, machine);
            long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            System.out.printf("Failover: node B served the killed node's machine %d ms after the kill (lease 3 s).%n", failoverMillis);

            assertThat(NodeDriver.sha256(restored)).as("byte for byte what the student saw on A").isEqualTo(seenOnA);
            List<String> commands = IntStream.range(0, COMMANDS).mapToObj(CommandMix::command).toList();
            assertThat(restored).isEqualTo(headlessReplay(commands));
            assertThat(sessions.history(machine, STUDENT)).extracting(ConsoleEntry::command).isEqualTo(commands);

            ConsoleEntry next = sessions.submit(machine, STUDENT, CommandMix.command(COMMANDS));
            assertThat(next.accepted()).isTrue();
            List<CommandLogEntry> log = nodeB.getBean(CommandLogRepository.class).findByMachineIdOrderBySeq(machine);
            assertThat(log).extracting(CommandLogEntry::getSeq).isEqualTo(LongStream.rangeClosed(1, COMMANDS + 1).boxed().toList());
        } finally {
            nodeA.destroyForcibly();
        }
    }

    /**
     * What a student pressing "Try again" does: right after the kill A's lease still looks renewed
     * (A is told apart from a live node only once it misses a renewal), so B says the machine is
     * open elsewhere; once A missed its renewals, B waits out the rest of the lease and restores.
     */
    private static String snapshotOnceServed(MachineSessions sessions, long machine) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return sessions.snapshot(machine, STUDENT);
            } catch (MachineHeldElsewhereException held) {
                assertThat(held.holder()).isEqualTo("node-a");
                assertThat(System.nanoTime()).as("B took the machine within 30 s").isLessThan(giveUp);
                Thread.sleep(200);
            }
        }
    }

    private static String headlessReplay(List<String> commands) {
        Machine machine = Machine.boot(Profile.MODERN);
        commands.forEach(machine::execute);
        return machine.snapshotJson();
    }
}
