package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, stage 7, items 3 and 4: before it tells the debugger, Windows 10's
 * PspUserThreadStartup freezes the process's primary token (EPROCESS Flags2.PrimaryTokenFrozen,
 * Windows Internals 7th ed., part 1, chapter 3, stage 7) and sets the TEB's CurrentLocale
 * (MmGetSessionLocaleId) and IdealProcessor (from KTHREAD.IdealProcessor), as WRK ps/create.c
 * PspUserThreadStartup does. Offsets: Vergilius Project, Windows 10 22H2 19045 x64 (_EPROCESS
 * Flags2 +0x460 bit 15, _TEB CurrentLocale +0x108 and IdealProcessor +0x1747).
 */
class ModernThreadStartupTebAndTokenTest {
    private final Machine machine = LabMachine.boot(Profile.MODERN);

    private void stopAt(String symbol) {
        assertThat(LabMachine.ok(machine, "g").output()).contains(symbol + ":");
    }

    @Test
    void theFirstThreadFreezesThePrimaryTokenAndFillsItsTeb() {
        LabMachine.ok(machine, "bp nt!PspUserThreadStartup");
        LabMachine.ok(machine, "bp nt!DbgkCreateThread");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        stopAt("nt!PspUserThreadStartup");
        assertThat(LabMachine.ok(machine, "dt nt!_EPROCESS $proc").output()).contains("+0x460 PrimaryTokenFrozen : 0y0");
        assertThat(LabMachine.ok(machine, "dt nt!_TEB $teb").output())
                .contains("+0x108 CurrentLocale    : 0")
                .contains("+0x1747 IdealProcessor   : 0 ''");
        // a KTHREAD whose scheduler chose another processor: the TEB copies what the KTHREAD holds
        LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0).tcb.idealProcessor = 1;

        stopAt("nt!DbgkCreateThread");
        assertThat(LabMachine.ok(machine, "dt nt!_EPROCESS $proc").output()).contains("+0x460 PrimaryTokenFrozen : 0y1");
        assertThat(LabMachine.ok(machine, "dt nt!_TEB $teb").output())
                .contains("+0x108 CurrentLocale    : 0x409")
                .contains("+0x1747 IdealProcessor   : 0x1 ''");
        assertThat(LabMachine.ok(machine, "dt nt!_KTHREAD $thread").output()).contains("+0x24c IdealProcessor   : 1");

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        assertThat(LabMachine.ok(machine, ".invariants").output()).contains("All invariants hold.");
    }

    @Test
    void aProcessNotYetStartedKeepsItsTokenSwappable() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");

        assertThat(LabMachine.process(machine, "notepad.exe").primaryTokenFrozen).isFalse();
        assertThat(LabMachine.process(machine, "explorer.exe").primaryTokenFrozen).isTrue();
    }

    @Test
    void xpHasNeitherTheFlagNorTheseTebFields() {
        Machine xp = LabMachine.boot(Profile.CLASSIC);
        assertThat(LabMachine.ok(xp, "dt nt!_EPROCESS").output()).doesNotContain("PrimaryTokenFrozen");
        assertThat(LabMachine.ok(xp, "dt nt!_TEB").output()).doesNotContain("CurrentLocale").doesNotContain("IdealProcessor");
    }
}
