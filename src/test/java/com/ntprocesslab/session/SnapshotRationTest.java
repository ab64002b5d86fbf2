package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.account.AccountService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14: every command that (with the ones before it) ran 250 ms wrote a snapshot, so a
 * student typing expensive commands kept the server writing. Here every command counts as
 * expensive (a threshold of 1 ns): the student's machines get their ration of early
 * snapshots, then none until it comes back, while the every-N-commands snapshot still comes.
 */
@SpringBootTest(properties = {"ntlab.sessions.snapshot-every=40", "ntlab.sessions.snapshot-after-running=1ns",
        "ntlab.sessions.costly-snapshots=3", "ntlab.sessions.costly-snapshot-window=1h"})
class SnapshotRationTest {

    private static final AtomicInteger STUDENTS = new AtomicInteger();

    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    private String student() {
        String name = "rationed-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(name, "password-123");
        return name;
    }

    private long snapshotsOf(long machineId) {
        return jdbc.queryForObject("select count(*) from machine_snapshot where machine_id = ?", Long.class, machineId);
    }

    private void type(long machineId, String student, int commands) {
        for (int i = 0; i < commands; i++) {
            assertThat(sessions.submit(machineId, student, SessionTestCommands.command(i)).accepted()).isTrue();
        }
    }

    @Test
    void expensiveCommandsGetTheirRationOfSnapshotsAcrossTheStudentsMachinesThenOnlyTheCountedOnes() {
        String student = student();
        long first = sessions.openSandbox(student);
        long second = sessions.openForPurpose(student, "second-machine", Profile.MODERN).machineId();
        long firstBefore = snapshotsOf(first);
        long secondBefore = snapshotsOf(second);

        type(first, student, 2);
        type(second, student, 30);

        assertThat(snapshotsOf(first) - firstBefore).as("one per expensive command while the ration lasts").isEqualTo(2);
        assertThat(snapshotsOf(second) - secondBefore).as("the third of the ration, then none").isEqualTo(1);

        type(second, student, 10);
        assertThat(snapshotsOf(second) - secondBefore).as("39 commands since the last snapshot").isEqualTo(1);
        type(second, student, 1);
        assertThat(snapshotsOf(second) - secondBefore).as("the 40th command since the last snapshot still snapshots").isEqualTo(2);
    }

    @Test
    void oneStudentsSpendingLeavesAnotherStudentsRationWhole() {
        String spender = student();
        type(sessions.openSandbox(spender), spender, 10);
        String other = student();
        long machine = sessions.openSandbox(other);
        long before = snapshotsOf(machine);

        type(machine, other, 3);

        assertThat(snapshotsOf(machine) - before).isEqualTo(3);
    }
}
