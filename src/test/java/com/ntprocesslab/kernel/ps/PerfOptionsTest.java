package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IFEO PerfOptions IoPriority and PagePriority on the modern profile. The rules follow the
 * public decompilations of ntoskrnl's PspReadIFEOPerfOptions (REG_DWORD IoPriority,
 * PagePriority), PspApplyIFEOPerfOptions (IoPriority below 4, 3 only with
 * SeIncreaseBasePriorityPrivilege, into Flags.DefaultIoPriority bits 27-29; PagePriority only
 * below MmGetDefaultPagePriority(), 5, into Flags2.DefaultPagePriority bits 12-14) and
 * PspAllocateProcess (a child starts with its parent's two defaults). Value names and ranges
 * also in the HelderMagalhaes "IFEO PerfOptions" gist (IoPriority 0 very low, 1 low,
 * 2 normal; PagePriority 1 very low .. 5 normal); IO_PRIORITY_HINT in wdm.h.
 */
class PerfOptionsTest {
    private static final String PERF = "\"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\%s\\PerfOptions\"";
    private final Machine machine = LabMachine.boot();

    @Test
    void withoutPerfOptionsAProcessHasNormalIoAndPagePriority() {
        EProcess notepad = create("explorer.exe", "notepad.exe");

        assertThat(notepad.defaultIoPriority).isEqualTo(2);
        assertThat(notepad.defaultPagePriority).isEqualTo(5);
        String dt = LabMachine.ok(machine, "dt nt!_EPROCESS " + machine.kernel().platform.pointer(notepad.address)).output();
        assertThat(dt).contains("+0x460 DefaultPagePriority : 0y101").contains("+0x464 DefaultIoPriority : 0y010");
    }

    /** IoPriority 0, 1 and 2 apply for any creator; 3 (IoPriorityHigh) needs SeIncreaseBasePriorityPrivilege, which explorer's user lacks; 4 and up are ignored. */
    @ParameterizedTest
    @ValueSource(strings = {"0=0", "1=1", "2=2", "3=2", "4=2", "0x1=1", "abc=2"})
    void ioPriorityAppliesBelowHighForAUser(String row) {
        String[] r = row.split("=");
        set("notepad.exe", "IoPriority", r[0]);

        assertThat(create("explorer.exe", "notepad.exe").defaultIoPriority).isEqualTo(Integer.parseInt(r[1]));
    }

    @Test
    void ioPriorityHighAppliesForACreatorWithSeIncreaseBasePriorityPrivilege() {
        set("notepad.exe", "IoPriority", "3");

        assertThat(create("lsass.exe", "notepad.exe").defaultIoPriority).isEqualTo(3);
    }

    /** PagePriority can only lower the memory priority: below 5 applies, 5 and above change nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"0=0", "1=1", "4=4", "5=5", "6=5", "7=5"})
    void pagePriorityOnlyLowers(String row) {
        String[] r = row.split("=");
        set("notepad.exe", "PagePriority", r[0]);

        EProcess notepad = create("explorer.exe", "notepad.exe");

        assertThat(notepad.defaultPagePriority).isEqualTo(Integer.parseInt(r[1]));
        assertThat(notepad.defaultIoPriority).isEqualTo(2);
    }

    /** PspAllocateProcess copies the parent's DefaultIoPriority and DefaultPagePriority into the child before IFEO. */
    @Test
    void aChildInheritsItsParentsIoAndPagePriority() {
        set("launcher.exe", "IoPriority", "1");
        set("launcher.exe", "PagePriority", "2");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe ResumeThread $hThread");
        LabMachine.ok(machine, "bp nt!PspInsertThread");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint ");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of launcher.exe");

        EProcess worker = LabMachine.process(machine, "worker.exe");
        assertThat(worker.defaultIoPriority).isEqualTo(1);
        assertThat(worker.defaultPagePriority).isEqualTo(2);
    }

    private void set(String image, String value, String data) {
        LabMachine.ok(machine, ".reg add " + String.format(PERF, image) + " " + value + " " + data);
    }

    private EProcess create(String creator, String image) {
        String out = LabMachine.ok(machine, ".call " + creator + " CreateProcessW " + image + " CREATE_SUSPENDED").output();
        assertThat(out).contains("returned TRUE");
        return LabMachine.process(machine, image);
    }
}
