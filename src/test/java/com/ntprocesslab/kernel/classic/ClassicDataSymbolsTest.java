package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dd and dq of nt's data symbols on the XP SP3 machine: each global the classic kernel lists
 * shows the machine's state at its x86 address, in dwords ("d, da, db, dc, dd, dD, df, dp, dq,
 * du, dw (Display Memory)": address, then four dwords or two quadwords, high`low, per line).
 */
class ClassicDataSymbolsTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final Kernel k = machine.kernel();

    private String hex(long value) {
        return String.format("%08x", value);
    }

    private String dd(String target) {
        return LabMachine.ok(machine, "dd " + target).output();
    }

    @Test
    void everyClassicDataSymbolHasAValueInsteadOfQuestionMarks() {
        for (String symbol : Symbols.all(Profile.CLASSIC).keySet()) {
            if (Symbols.isData(symbol)) {
                assertThat(dd(symbol + " L1")).as(symbol).matches(hex(Symbols.address(symbol, Profile.CLASSIC)) + "  [0-9a-f]{8}");
            }
        }
    }

    @Test
    void theGlobalsHoldTheListHeadTheProcessesAndTheCidTable() {
        List<EProcess> processes = k.processes();
        long links = 0x88; // XP SP3 _EPROCESS.ActiveProcessLinks
        String line = dd("nt!PsActiveProcessHead L4");
        assertThat(line).isEqualTo(hex(Symbols.address("nt!PsActiveProcessHead", Profile.CLASSIC)) + "  "
                + hex(processes.getFirst().address + links) + " " + hex(processes.getLast().address + links) + " "
                + hex(k.idleProcess.address) + " " + hex(k.systemProcess.address));
        // PspCidTable points to a HANDLE_TABLE in paged pool, where XP's handle tables are
        assertThat(dd("nt!PspCidTable L1")).endsWith(" e1003b40");
        // the list is a ring: the first process's Blink and the last one's Flink are the head
        String head = hex(Symbols.address("nt!PsActiveProcessHead", Profile.CLASSIC));
        assertThat(dd(hex(processes.getFirst().address + links + 4) + " L1")).endsWith(" " + head);
        assertThat(dd(hex(processes.getLast().address + links) + " L1")).endsWith(" " + head);
        // dq: two dwords per quadword, the higher address first
        assertThat(LabMachine.ok(machine, "dq nt!PsActiveProcessHead L1").output())
                .endsWith(" " + hex(processes.getLast().address + links) + "`" + hex(processes.getFirst().address + links));
    }

    @Test
    void xpBootsWithNoNotifyRoutinesAndARegisteredOneShowsItsCallbackBlock() {
        // no CNG or WdFilter on XP: eight empty EX_CALLBACK slots, and a count of 0
        long table = Symbols.address("nt!PspCreateProcessNotifyRoutine", Profile.CLASSIC);
        String zeros = "  00000000 00000000 00000000 00000000";
        assertThat(dd("nt!PspCreateProcessNotifyRoutine L8")).isEqualTo(hex(table) + zeros + "\n" + hex(table + 0x10) + zeros);
        assertThat(dd("nt!PspCreateProcessNotifyRoutineCount L1")).endsWith(" 00000000");
        assertThat(LabMachine.ok(machine, "x nt!PspCreateProcessNotifyRoutineExCount").output()).doesNotContain("ExCount =");

        // a routine in the table (as PspSetCreateProcessNotifyRoutine's ExCompareExchangeCallBack leaves it)
        k.processNotifyRoutines.add("nt!PspExitProcess");
        String slot = dd("nt!PspCreateProcessNotifyRoutine L1");
        // EX_FAST_REF on x86: the block's address with RefCnt (3 bits) full, 7
        assertThat(slot).endsWith("7");
        long block = Long.parseLong(slot.substring(slot.length() - 8), 16) & ~7L;
        assertThat(block).isBetween(0xe1000000L, 0xefffffffL);
        // EX_CALLBACK_ROUTINE_BLOCK: RundownProtect, Function, Context
        assertThat(dd(hex(block) + " L3")).isEqualTo(hex(block) + "  00000000 " + hex(Symbols.address("nt!PspExitProcess", Profile.CLASSIC)) + " 00000000");
        assertThat(dd("nt!PspCreateProcessNotifyRoutineCount L1")).endsWith(" 00000001");
    }

    @Test
    void aBadSymbolIsRefused() {
        assertThat(machine.execute("dd nt!PspCreateProcessNotifyRoutineExCount").accepted()).isFalse();
    }
}
