package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The session layer against a real H2 file database: no store is mocked. */
@SpringBootTest(properties = "ntlab.sessions.snapshot-every=5")
@ExtendWith(OutputCaptureExtension.class)
class MachineSessionsTest {

    private static final AtomicInteger STUDENTS = new AtomicInteger();

    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    CommandLogRepository commandLog;
    @Autowired
    JdbcTemplate jdbc;

    private String student;
    private long machineId;

    @BeforeEach
    void givenAStudentWithASandbox() {
        student = "student-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(student, "password-123");
        machineId = sessions.openSandbox(student);
    }

    @Test
    void twoTabsTypingAtOnceGiveOneContiguousLogEqualToASerialReplay() throws Exception {
        int perTab = 500;
        ExecutorService tabs = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int tab = 0; tab < 2; tab++) {
            int offset = tab;
            done.add(tabs.submit(() -> {
                start.await();
                for (int i = 0; i < perTab; i++) {
                    assertThat(sessions.submit(machineId, student, SessionTestCommands.command(2 * i + offset)).accepted()).isTrue();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> tab : done) {
            tab.get();
        }
        tabs.shutdown();

        List<CommandLogEntry> log = commandLog.findByMachineIdOrderBySeq(machineId);
        assertThat(log).extracting(CommandLogEntry::getSeq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * perTab).boxed().toList());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2 * perTab; i++) {
            expected.add(SessionTestCommands.command(i));
        }
        List<String> logged = new ArrayList<>(log.stream().map(CommandLogEntry::getCommand).toList());
        Collections.sort(expected);
        Collections.sort(logged);
        assertThat(logged).isEqualTo(expected);
        assertThat(sessions.snapshot(machineId, student)).isEqualTo(SessionTestCommands.headlessReplay(commands(log)));
    }

    @Test
    void anEvictedMachineComesBackIdentical() {
        runCommands(7);
        String before = sessions.snapshot(machineId, student);

        sessions.evict(machineId);

        assertThat(sessions.isLive(machineId)).isFalse();
        assertThat(sessions.snapshot(machineId, student)).isEqualTo(before);
        assertThat(sessions.isLive(machineId)).isTrue();
    }

    @Test
    void aSnapshotPlusTheLogTailEqualsAFullReplay(CapturedOutput output) {
        runCommands(13);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM machine_snapshot WHERE machine_id = ?", Long.class, machineId))
                .isEqualTo(2);

        sessions.evict(machineId);

        assertThat(sessions.snapshot(machineId, student))
                .isEqualTo(SessionTestCommands.headlessReplay(commands(commandLog.findByMachineIdOrderBySeq(machineId))));
        assertThat(output).doesNotContain("Could not store a snapshot").doesNotContain("ignoring it");
    }

    @Test
    void aClassicMachineRestoresBySnapshotAndByReplay() {
        long classic = sessions.openForPurpose(student, "two-kernels", Profile.CLASSIC).machineId();
        for (int i = 0; i < 13; i++) {
            assertThat(sessions.submit(classic, student, SessionTestCommands.command(i)).accepted()).isTrue();
        }
        // a lab machine is a per-student one: it boots with its stored seed
        long seed = jdbc.queryForObject("SELECT boot_seed FROM machine WHERE id = ?", Long.class, classic);
        String expected = SessionTestCommands.headlessReplay(Profile.CLASSIC, seed, commands(commandLog.findByMachineIdOrderBySeq(classic)));
        assertThat(jdbc.queryForObject("SELECT profile FROM machine WHERE id = ?", String.class, classic)).isEqualTo("CLASSIC");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM machine_snapshot WHERE machine_id = ?", Long.class, classic)).isEqualTo(2);
        assertThat(sessions.snapshot(classic, student)).isEqualTo(expected).isNotEqualTo(sessions.snapshot(machineId, student));

        sessions.evict(classic);
        assertThat(sessions.snapshot(classic, student)).isEqualTo(expected);

        jdbc.update("DELETE FROM machine_snapshot WHERE machine_id = ?", classic);
        sessions.evict(classic);
        assertThat(sessions.snapshot(classic, student)).isEqualTo(expected);
    }

    @Test
    void aCorruptedSnapshotIsIgnoredAndReported(CapturedOutput output) {
        runCommands(6);
        jdbc.update("UPDATE machine_snapshot SET data = ? WHERE machine_id = ?", new byte[] {1, 2, 3}, machineId);

        sessions.evict(machineId);

        assertThat(sessions.snapshot(machineId, student))
                .isEqualTo(SessionTestCommands.headlessReplay(commands(commandLog.findByMachineIdOrderBySeq(machineId))));
        assertThat(output).contains("Snapshot", "of machine " + machineId, "fails its checksum", "replaying the whole log");
    }

    @Test
    void aSnapshotThatCannotBeReadIsIgnoredToo(CapturedOutput output) {
        runCommands(5);
        byte[] garbage = "not a machine".getBytes();
        jdbc.update("UPDATE machine_snapshot SET data = ?, sha256 = ? WHERE machine_id = ?",
                garbage, SnapshotCodec.sha256(garbage), machineId);

        sessions.evict(machineId);

        assertThat(sessions.snapshot(machineId, student))
                .isEqualTo(SessionTestCommands.headlessReplay(commands(commandLog.findByMachineIdOrderBySeq(machineId))));
        assertThat(output).contains("is unreadable", "replaying the whole log");
    }

    @Test
    void aCommandTheDatabaseRefusesLeavesTheMachineAtTheLog() {
        runCommands(2);
        // Another writer (a second node) took sequence number 3 behind this server's back.
        jdbc.update("INSERT INTO command_log (machine_id, seq, command, output, kernel_version, accepted_at) "
                + "VALUES (?, 3, '!process 0 0', '', 'other', CURRENT_TIMESTAMP)", machineId);

        assertThatThrownBy(() -> sessions.submit(machineId, student, SessionTestCommands.command(0)))
                .isInstanceOf(CommandNotRecordedException.class)
                .hasMessageContaining("could not be saved");

        assertThat(sessions.snapshot(machineId, student))
                .isEqualTo(SessionTestCommands.headlessReplay(commands(commandLog.findByMachineIdOrderBySeq(machineId))));
        assertThat(sessions.submit(machineId, student, SessionTestCommands.command(1)).accepted()).isTrue();
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).extracting(CommandLogEntry::getSeq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aReplayThatAnswersDifferentlyIsRecordedAsADivergence() {
        runCommands(1);
        jdbc.update("INSERT INTO command_log (machine_id, seq, command, output, kernel_version, accepted_at) "
                + "VALUES (?, 2, '!process 0 0', 'an answer from an older kernel', '0.0.1', CURRENT_TIMESTAMP)", machineId);

        sessions.evict(machineId);
        sessions.snapshot(machineId, student);

        assertThat(sessions.divergences(student)).filteredOn(d -> d.getMachineId() == machineId).singleElement()
                .satisfies(divergence -> {
                    assertThat(divergence.getSeq()).isEqualTo(2);
                    assertThat(divergence.getRecordedVersion()).isEqualTo("0.0.1");
                    assertThat(divergence.getRecordedOutput()).isEqualTo("an answer from an older kernel");
                    assertThat(divergence.getReplayedOutput()).contains("Image: System");
                });
    }

    @Test
    void resetGivesAFreshMachineAndKeepsTheOldLog() {
        runCommands(3);

        long fresh = sessions.reset(machineId, student);

        assertThat(fresh).isNotEqualTo(machineId);
        assertThat(sessions.openSandbox(student)).isEqualTo(fresh);
        assertThat(sessions.history(fresh, student)).isEmpty();
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).hasSize(3);
    }

    /** Finding 7 of issue 14: after Reset in one tab, a second tab kept changing the retired machine. */
    @Test
    void aResetMachineIsReadOnlyForGoodAndItsOpenPagesAreTold() {
        runCommands(2);
        List<MachineRetired> heard = new ArrayList<>();
        Runnable stop = sessions.subscribe(machineId, student, change -> { }, heard::add);

        long fresh = sessions.reset(machineId, student);
        ConsoleEntry late = sessions.submit(machineId, student, "!process 0 0");
        stop.run();

        assertThat(heard).containsExactly(new MachineRetired(machineId, fresh));
        assertThat(late.accepted()).isFalse();
        assertThat(late.output()).contains("was reset", "your machine is now " + fresh);
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).hasSize(2);
        assertThat(sessions.status(machineId, student)).isEqualTo(new MachineStatus(machineId, false, fresh));
        assertThatThrownBy(() -> sessions.reset(machineId, student)).isInstanceOf(MachineRetiredException.class);
        assertThat(sessions.openSandbox(student)).isEqualTo(fresh);
        assertThat(sessions.history(machineId, student)).hasSize(2);
    }

    @Test
    void theOtherTabHearsOfEveryAcceptedCommandWithItsOrigin() {
        List<MachineChanged> heard = new ArrayList<>();
        Runnable stop = sessions.subscribe(machineId, student, heard::add);
        Object firstTab = new Object();

        sessions.submit(machineId, student, "!process 0 0", firstTab);
        sessions.submit(machineId, student, "not-a-command", firstTab);
        stop.run();
        sessions.submit(machineId, student, "!process 0 0", firstTab);

        assertThat(heard).singleElement().satisfies(change -> {
            assertThat(change.origin()).isSameAs(firstTab);
            assertThat(change.entry().command()).isEqualTo("!process 0 0");
        });
    }

    @Test
    void aTooLongCommandIsRefusedWithItsLength() {
        String huge = "x".repeat(5_000);

        ConsoleEntry entry = sessions.submit(machineId, student, huge);

        assertThat(entry.accepted()).isFalse();
        assertThat(entry.output()).contains("at most 4000 characters", "5000");
        assertThat(sessions.history(machineId, student)).isEmpty();
    }

    private void runCommands(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(sessions.submit(machineId, student, SessionTestCommands.command(i)).accepted()).isTrue();
        }
    }

    private static List<String> commands(List<CommandLogEntry> log) {
        return log.stream().map(CommandLogEntry::getCommand).toList();
    }
}
