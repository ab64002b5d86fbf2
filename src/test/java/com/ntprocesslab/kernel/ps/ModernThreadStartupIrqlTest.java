package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, stage 7: a new Windows 10 thread starts in KiStartUserThread, which lowers the
 * IRQL from DISPATCH_LEVEL to APC_LEVEL and calls PspUserThreadStartup, which lowers it to
 * PASSIVE_LEVEL before it tells the debugger (DbgkCreateThread). Sources: WRK
 * base/ntos/ke/amd64/threadbg.asm (KiStartUserThread: SetIrql APC_LEVEL, then the system
 * routine), WRK ps/create.c PspUserThreadStartup (KeLowerIrql(PASSIVE_LEVEL)), Windows
 * Internals 7th ed., part 1, chapter 3, stage 7.
 */
class ModernThreadStartupIrqlTest {
    private final Machine machine = LabMachine.boot(Profile.MODERN);

    private String irqlAt(String symbol) {
        assertThat(LabMachine.ok(machine, "g").output()).contains(symbol + ":");
        return LabMachine.ok(machine, "!irql").output();
    }

    @Test
    void theNewThreadDropsFromDispatchToApcToPassive() {
        LabMachine.ok(machine, "bp nt!KiStartUserThread");
        LabMachine.ok(machine, "bp nt!PspUserThreadStartup");
        LabMachine.ok(machine, "bp nt!DbgkCreateThread");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(irqlAt("nt!KiStartUserThread")).endsWith("-- 2 (DISPATCH_LEVEL)");
        assertThat(irqlAt("nt!PspUserThreadStartup")).endsWith("-- 1 (APC_LEVEL)");
        assertThat(irqlAt("nt!DbgkCreateThread")).endsWith("-- 0 (LOW_LEVEL)");

        // user mode runs at PASSIVE_LEVEL: the invariant checker says so after every step
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        assertThat(LabMachine.ok(machine, ".invariants").output()).contains("All invariants hold.");
        EThread notepad = LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0);
        assertThat(notepad.tcb.irql).isZero();
    }

    @Test
    void aCreateThreadThreadStartsTheSameWay() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(machine, "bp nt!PspUserThreadStartup");
        // threads.exe's main thread starts workers with CreateThread: each one enters PspUserThreadStartup at APC_LEVEL
        String first = irqlAt("nt!PspUserThreadStartup");
        String second = irqlAt("nt!PspUserThreadStartup");
        assertThat(first).endsWith("-- 1 (APC_LEVEL)");
        assertThat(second).endsWith("-- 1 (APC_LEVEL)");
    }
}
