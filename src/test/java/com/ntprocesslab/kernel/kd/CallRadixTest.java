package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.ps.EProcess;
import org.junit.jupiter.api.Test;

/**
 * A .call reads its numbers as WinDbg reads every number: hex by default, 0n for decimal
 * ("n (Set Number Base)": the default radix is 16). A log recorded by a kernel before 0.10.0
 * read them in decimal and replays as it was recorded, time travel included.
 */
class CallRadixTest {
    private final Machine machine = LabMachine.boot();

    private EProcess notepad() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");
        return LabMachine.process(machine, "notepad.exe");
    }

    @Test
    void aNumberWithoutAPrefixIsHexAnd0nMarksDecimal() {
        EProcess notepad = notepad();
        String pid = Long.toHexString(notepad.uniqueProcessId);

        assertThat(LabMachine.ok(machine, ".call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION " + pid).output())
                .contains("returned 0x");
        assertThat(LabMachine.ok(machine, ".call explorer.exe OpenProcess PROCESS_QUERY_LIMITED_INFORMATION 0n" + notepad.uniqueProcessId)
                .output()).contains("returned 0x");
        assertThat(LabMachine.ok(machine, ".call " + pid + " ExitProcess 10").output()).contains("did not return");
        assertThat(notepad.exitStatus).isEqualTo(0x10);
    }

    @Test
    void decimalDigitsStayDecimalBehind0n() {
        EProcess notepad = notepad();
        LabMachine.ok(machine, ".call notepad.exe ExitProcess 0n259");
        assertThat(notepad.exitStatus).isEqualTo(259);
    }

    @Test
    void aMalformedNumberIsRefusedAndChangesNothing() {
        notepad();
        String before = machine.snapshotJson();
        CommandResult result = machine.execute(".call notepad.exe ExitProcess 0n1f");
        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains("Syntax error at '0n1f'");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }

    @Test
    void aLogFromAnOlderKernelReplaysItsCallNumbersAsDecimalAndTravelKeepsThem() {
        EProcess notepad = notepad();
        long before = machine.position();
        assertThat(machine.replay(".call notepad.exe ExitProcess 10", "0.9.0").output()).contains("did not return");
        assertThat(notepad.exitStatus).isEqualTo(10);
        String present = machine.snapshotJson();

        // travel rebuilds the past from the recorded commands: the old command keeps its old reading
        LabMachine.ok(machine, "!tt 0x" + Long.toHexString(before));
        LabMachine.ok(machine, "!tt present");
        assertThat(machine.snapshotJson()).isEqualTo(present);
        assertThat(LabMachine.process(machine, "notepad.exe").exitStatus).isEqualTo(10);
    }

    @Test
    void eachKernelVersionSelectsItsRules() {
        assertThat(Machine.callRadix("0.9.0")).isEqualTo(10);
        assertThat(Machine.callRadix("0.0.1")).isEqualTo(10);
        assertThat(Machine.callRadix(Machine.KERNEL_VERSION)).isEqualTo(16);
        assertThat(Machine.olderRules("0.7.0")).containsExactly(Machine.OlderRule.TRAVEL_CUTS_FUTURE, Machine.OlderRule.DECIMAL_CALL_NUMBERS);
        assertThat(Machine.olderRules("0.9.0")).containsExactly(Machine.OlderRule.DECIMAL_CALL_NUMBERS);
        assertThat(Machine.olderRules(Machine.KERNEL_VERSION)).isEmpty();
    }
}
