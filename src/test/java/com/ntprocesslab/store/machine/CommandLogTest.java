package com.ntprocesslab.store.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The command log a machine is rebuilt from, against a real H2 database: entries come back in
 * command order whatever order they were written in, a second writer can never append the
 * same command number, and a long answer is kept whole.
 */
@SpringBootTest
class CommandLogTest {

    private static final AtomicInteger OWNERS = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-12-02T12:00:00Z");

    @Autowired
    CommandLogRepository log;
    @Autowired
    MachineRepository machines;
    @Autowired
    AccountService accounts;

    private Long machine() {
        String name = "log-owner-" + ProcessHandle.current().pid() + "-" + OWNERS.incrementAndGet();
        Long owner = accounts.create(name, "log-pass-8080", Role.STUDENT).getId();
        return machines.saveAndFlush(new MachineRecord(owner, "MODERN", "sandbox", "0.10.0", AT)).getId();
    }

    private CommandLogEntry entry(Long machine, long seq, String command) {
        return new CommandLogEntry(machine, seq, command, "answer to " + command, "0.10.0", AT.plusSeconds(seq));
    }

    @Test
    void entriesComeBackInCommandOrderAndOnlyTheirMachines() {
        Long machine = machine();
        Long other = machine();
        log.saveAndFlush(entry(machine, 2, "g"));
        log.saveAndFlush(entry(other, 1, "!process 0 0"));
        log.saveAndFlush(entry(machine, 0, ".call explorer.exe CreateProcessW notepad.exe"));
        log.saveAndFlush(entry(machine, 1, "bp nt!PspInsertThread"));

        assertThat(log.findByMachineIdOrderBySeq(machine)).extracting(CommandLogEntry::getSeq).containsExactly(0L, 1L, 2L);
        assertThat(log.countByMachineId(machine)).isEqualTo(3);
        assertThat(log.findFirstByMachineIdOrderBySeqDesc(machine)).get().extracting(CommandLogEntry::getCommand).isEqualTo("g");
        assertThat(log.findByMachineIdAndSeqGreaterThanOrderBySeq(machine, 0)).extracting(CommandLogEntry::getCommand)
                .containsExactly("bp nt!PspInsertThread", "g");
        assertThat(log.findByMachineIdOrderBySeq(other)).singleElement().extracting(CommandLogEntry::getSeq).isEqualTo(1L);
    }

    @Test
    void theSameCommandNumberCannotBeAppendedTwiceToOneMachine() {
        Long machine = machine();
        log.saveAndFlush(entry(machine, 0, "g"));

        assertThatThrownBy(() -> log.saveAndFlush(entry(machine, 0, "t"))).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(log.findByMachineIdOrderBySeq(machine)).singleElement().extracting(CommandLogEntry::getCommand).isEqualTo("g");
        log.saveAndFlush(entry(machine(), 0, "t"));
    }

    @Test
    void aLongAnswerIsReadBackWhole() {
        Long machine = machine();
        String answer = "PROCESS ffffe0010a2b3080\n".repeat(4_000);
        log.saveAndFlush(new CommandLogEntry(machine, 0, "!process 0 7", answer, "0.10.0", AT));

        List<CommandLogEntry> read = log.findByMachineIdOrderBySeq(machine);

        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.getOutput()).hasSize(answer.length()).isEqualTo(answer);
            assertThat(e.getKernelVersion()).isEqualTo("0.10.0");
            assertThat(e.getAcceptedAt()).isEqualTo(AT);
        });
    }
}
