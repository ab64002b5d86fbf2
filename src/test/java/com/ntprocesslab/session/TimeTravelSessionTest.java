package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineFork;
import com.ntprocesslab.store.machine.MachineForkRepository;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** TTD's rules survive a restart: nothing of the recorded future is lost, and .fork makes a machine of its own. */
@SpringBootTest(properties = "ntlab.sessions.snapshot-every=5")
class TimeTravelSessionTest {
    private static final AtomicInteger STUDENTS = new AtomicInteger();
    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    CommandLogRepository commandLog;
    @Autowired
    MachineForkRepository forks;

    private String student;
    private long machineId;

    @BeforeEach
    void givenAStudentWithASandbox() {
        student = "traveller-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(student, "password-123");
        machineId = sessions.openSandbox(student);
    }

    private void ok(long machine, String command) {
        ConsoleEntry entry = sessions.submit(machine, student, command);
        assertThat(entry.accepted()).as(command + " -> " + entry.output()).isTrue();
    }

    @Test
    void afterARestartTheMachineStandsInThePastWithItsWholeRecordedFuture() {
        for (int i = 0; i < 6; i++) {
            ok(machineId, NOTEPAD);
        }
        String present = sessions.snapshot(machineId, student);
        ok(machineId, "!tt 10");
        TimePosition before = sessions.timePosition(machineId, student);

        sessions.evict(machineId);

        assertThat(sessions.timePosition(machineId, student)).isEqualTo(before);
        assertThat(before.inThePast()).isTrue();
        assertThat(sessions.submit(machineId, student, NOTEPAD).output()).contains("!tt present", ".fork");
        ok(machineId, "!tt present");
        assertThat(sessions.snapshot(machineId, student)).isEqualTo(present);
    }

    @Test
    void forkMakesANewMachineFromThatMomentAndLeavesTheOriginalAsItWas() {
        ok(machineId, NOTEPAD);
        ok(machineId, NOTEPAD);
        ok(machineId, "!tt 50");
        TimePosition at = sessions.timePosition(machineId, student);
        int logBefore = commandLog.findByMachineIdOrderBySeq(machineId).size();

        ConsoleEntry fork = sessions.submit(machineId, student, ".fork");

        long forked = sessions.openSandbox(student);
        assertThat(forked).isNotEqualTo(machineId);
        assertThat(fork.output()).contains("Forked into machine " + forked);
        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).hasSize(logBefore);
        assertThat(sessions.timePosition(machineId, student)).isEqualTo(at);
        assertThat(sessions.timePosition(forked, student)).isEqualTo(new TimePosition(at.position(), at.position()));
        assertThat(forks.findBySourceMachineIdOrderById(machineId)).singleElement().satisfies(f -> {
            assertThat(f.getForkMachineId()).isEqualTo(forked);
            assertThat(f.getKind()).isEqualTo(MachineFork.Kind.SELF);
            assertThat(f.getSourceCommand()).isEqualTo(logBefore);
            assertThat(f.getSourcePosition()).isEqualTo(at.position());
        });
        ok(forked, NOTEPAD);
        sessions.evict(forked);
        assertThat(sessions.timePosition(forked, student).inThePast()).isFalse();
    }

    @Test
    void aLogOfTheOldKernelThatCutTheFutureAtATravelStillRestoresAsItRan() {
        ok(machineId, NOTEPAD);
        long seq = commandLog.findByMachineIdOrderBySeq(machineId).size() + 1;
        commandLog.save(new CommandLogEntry(machineId, seq, "!tt 0", "Time Travel Position: 1051", "0.7.0", Instant.now()));
        commandLog.save(new CommandLogEntry(machineId, seq + 1, NOTEPAD, "(recorded by 0.7.0)", "0.7.0", Instant.now()));

        sessions.evict(machineId);

        TimePosition restored = sessions.timePosition(machineId, student);
        assertThat(restored.inThePast()).isFalse();
        assertThat(sessions.divergences(student)).anyMatch(d -> d.getMachineId() == machineId);
    }
}
