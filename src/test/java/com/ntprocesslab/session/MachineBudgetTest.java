package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.ReplayDivergence;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A command over its step budget is refused, changes nothing and is not logged; a log that
 * already holds such a command (accepted under a larger budget) still restores, and the
 * replay report names it.
 */
@SpringBootTest(properties = "ntlab.machine.command-steps=50")
class MachineBudgetTest {

    private static final String CREATE = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
    private static final AtomicInteger STUDENTS = new AtomicInteger();

    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    CommandLogRepository commandLog;

    private String student;
    private long machineId;

    @BeforeEach
    void givenAStudentWithASandbox() {
        student = "budget-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(student, "password-123");
        machineId = sessions.openSandbox(student);
    }

    @Test
    void aCommandOverItsStepBudgetIsRefusedNotLoggedAndChangesNothing() {
        sessions.submit(machineId, student, "bl");
        String before = sessions.snapshot(machineId, student);

        ConsoleEntry refused = sessions.submit(machineId, student, CREATE);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.output()).startsWith("Refused: this command needs more than 50 steps");
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).extracting(CommandLogEntry::getCommand).containsExactly("bl");
        assertThat(sessions.snapshot(machineId, student)).isEqualTo(before);
        assertThat(sessions.submit(machineId, student, "!process 0 0").accepted()).isTrue();
    }

    @Test
    void aLoggedCommandOverTodaysBudgetStillRestoresAndIsReported() {
        Machine reference = Machine.boot(Profile.MODERN);
        String output = reference.execute(CREATE).output();
        commandLog.save(new CommandLogEntry(machineId, 1, CREATE, output, Machine.KERNEL_VERSION, Instant.now()));
        sessions.evict(machineId);

        String restored = sessions.snapshot(machineId, student);

        assertThat(restored).isEqualTo(reference.snapshotJson());
        assertThat(sessions.divergences(student)).filteredOn(d -> d.getMachineId() == machineId).singleElement()
                .extracting(ReplayDivergence::getReplayedOutput).asString()
                .startsWith("(Would be refused today: it ran ").contains("more than the 50 one command may run");
        assertThat(sessions.submit(machineId, student, "!process 0 0").accepted()).isTrue();
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).hasSize(2);
    }
}
