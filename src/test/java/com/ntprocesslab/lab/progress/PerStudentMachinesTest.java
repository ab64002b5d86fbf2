package com.ntprocesslab.lab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import com.ntprocesslab.store.machine.MachineSnapshotRepository;
import com.ntprocesslab.store.machine.ReplayDivergenceRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Per-student machines on the real stack: each student's lab machine boots with a seed of
 * their own, stored with the machine, so two students' transcripts differ, both grade the
 * same, an answer copied from a neighbour does not carry over, and every replay (restart,
 * reset, fork) rebuilds the student's own machine; sandboxes and machines from before seeds
 * boot with the default seed.
 */
@SpringBootTest
class PerStudentMachinesTest {

    private static final AtomicInteger STUDENTS = new AtomicInteger();
    private static final String LAB = "04-suspended-start";
    private static final String CREATE = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED";

    @Autowired
    LabMachines labs;
    @Autowired
    LabChecks checks;
    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository accountRepository;
    @Autowired
    MachineRepository machines;
    @Autowired
    MachineSnapshotRepository snapshots;
    @Autowired
    CommandLogRepository commandLog;
    @Autowired
    ReplayDivergenceRepository divergences;

    private String student() {
        String name = "seeded-student-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(name, "password-123");
        return name;
    }

    private ConsoleEntry type(String student, long machineId, String command) {
        ConsoleEntry entry = sessions.submit(machineId, student, command);
        assertThat(entry.accepted()).as(command + " -> " + entry.output()).isTrue();
        return entry;
    }

    @Test
    void twoStudentsTranscriptsDifferAndBothGradeTheSame() {
        String alice = student();
        String bob = student();
        long alicesMachine = labs.openLab(alice, LAB);
        long bobsMachine = labs.openLab(bob, LAB);

        String alicesAnswer = type(alice, alicesMachine, CREATE).output();
        String bobsAnswer = type(bob, bobsMachine, CREATE).output();
        for (String[] student : new String[][] {{alice, "" + alicesMachine}, {bob, "" + bobsMachine}}) {
            type(student[0], Long.parseLong(student[1]), ".call explorer.exe ResumeThread $hThread");
            type(student[0], Long.parseLong(student[1]), "g");
        }

        assertThat(machines.findById(alicesMachine).orElseThrow().getBootSeed())
                .isNotNull().isNotEqualTo(machines.findById(bobsMachine).orElseThrow().getBootSeed());
        assertThat(alicesAnswer).isNotEqualTo(bobsAnswer);
        // either number alone can coincide between two seeds (64 first-handle choices, 256 first-CID choices); both, 1 in 16,384
        assertThat(List.of(field(alicesAnswer, "hThread"), field(alicesAnswer, "dwProcessId")))
                .isNotEqualTo(List.of(field(bobsAnswer, "hThread"), field(bobsAnswer, "dwProcessId")));
        assertThat(sessions.snapshot(alicesMachine, alice)).isNotEqualTo(sessions.snapshot(bobsMachine, bob));
        assertThat(checks.check(alice, LAB).complete()).isTrue();
        assertThat(checks.check(bob, LAB).complete()).isTrue();
    }

    @Test
    void aHandleCopiedFromAnotherStudentsMachineDoesNotCarryOver() {
        String alice = student();
        String bob = student();
        long alicesMachine = labs.openLab(alice, LAB);
        long bobsMachine = labs.openLab(bob, LAB);
        String alicesThread = field(type(alice, alicesMachine, CREATE).output(), "hThread");
        String bobsThread = field(type(bob, bobsMachine, CREATE).output(), "hThread");
        assertThat(alicesThread).isNotEqualTo(bobsThread);

        ConsoleEntry copied = sessions.submit(bobsMachine, bob, ".call explorer.exe ResumeThread " + alicesThread);
        sessions.submit(bobsMachine, bob, "g");

        assertThat(copied.output()).doesNotContain("returned 0x1");
        assertThat(checks.check(bob, LAB).complete()).as("notepad.exe was never resumed on Bob's machine").isFalse();
    }

    @Test
    void aRestartAResetAndAForkRebuildTheStudentsOwnMachine() {
        String carol = student();
        long machine = labs.openLab(carol, LAB);
        long seed = machines.findById(machine).orElseThrow().getBootSeed();
        type(carol, machine, CREATE);
        String before = sessions.snapshot(machine, carol);

        sessions.evict(machine);
        snapshots.deleteAll(snapshots.findAll().stream().filter(s -> s.getMachineId() == machine).toList());
        assertThat(sessions.snapshot(machine, carol)).as("replayed from the log alone").isEqualTo(before);
        assertThat(divergences.findByMachineIdOrderBySeq(machine)).isEmpty();

        long forked = sessions.fork(machine, carol);
        assertThat(machines.findById(forked).orElseThrow().getBootSeed()).isEqualTo(seed);
        long reset = labs.resetLab(carol, LAB);
        assertThat(machines.findById(reset).orElseThrow().getBootSeed()).as("the same student and lab: the same seed").isEqualTo(seed);
    }

    @Test
    void theSandboxAndAMachineFromBeforeSeedsBootWithTheDefaultSeed() {
        String dave = student();
        long sandbox = sessions.openSandbox(dave);
        assertThat(machines.findById(sandbox).orElseThrow().getBootSeed()).isNull();
        assertThat(sessions.snapshot(sandbox, dave)).isEqualTo(Machine.boot(Profile.MODERN).snapshotJson());

        Machine reference = Machine.boot(Profile.MODERN);
        String output = reference.execute(CREATE).output();
        long owner = accountRepository.findByUsername(dave).orElseThrow().getId();
        MachineRecord old = machines.save(new MachineRecord(owner, "MODERN", LAB, "0.8.0", Instant.now()));
        commandLog.save(new CommandLogEntry(old.getId(), 1, CREATE, output, "0.8.0", Instant.now()));

        assertThat(sessions.snapshot(old.getId(), dave)).isEqualTo(reference.snapshotJson());
        assertThat(divergences.findByMachineIdOrderBySeq(old.getId())).isEmpty();
    }

    private static String field(String answer, String name) {
        Matcher m = Pattern.compile(name + ": (0x[0-9a-f]+)").matcher(answer);
        assertThat(m.find()).as(answer).isTrue();
        return m.group(1);
    }
}
