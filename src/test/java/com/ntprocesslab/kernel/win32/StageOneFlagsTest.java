package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Stage 1's dwCreationFlags and priority rules, each with its source: the flag checks seed 004 takes from
 * Windows 2000's CreateProcessW run on both profiles, the rest on the Windows 10 machine (XP's are in
 * classic.ClassicCreateFlagsTest).
 */
class StageOneFlagsTest {
    private final Machine machine = LabMachine.boot();

    private String create(String flags) {
        return create(machine, flags);
    }

    private static String create(Machine machine, String flags) {
        return LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe " + flags).output();
    }

    /** Documented process creation flags (Microsoft Learn, "Process Creation Flags") are accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"EXTENDED_STARTUPINFO_PRESENT", "INHERIT_PARENT_AFFINITY", "PROFILE_USER", "PROFILE_KERNEL", "PROFILE_SERVER"})
    void documentedFlagsAreValid(String flag) {
        assertThat(create(flag + "|CREATE_SUSPENDED")).contains("returned TRUE");
    }

    /** Seed 004 (Windows 2000 CreateProcessW): a VDM cannot be both separate and shared, ERROR_INVALID_PARAMETER. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void separateAndSharedWowVdmTogetherFailWith0x57(Profile profile) {
        assertThat(create(LabMachine.boot(profile), "CREATE_SEPARATE_WOW_VDM|CREATE_SHARED_WOW_VDM")).contains("returned FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
    }

    /** Seed 004: CreateProcessW masks no undefined bit off, so one such as 0x20000 is ignored. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void anUndefinedBitIsIgnored(Profile profile) {
        assertThat(create(LabMachine.boot(profile), "0x20000")).contains("returned TRUE");
    }

    /**
     * Windows Internals 7th ed., part 1, ch. 3, stage 1: with no class asked for, a child of an
     * Idle or Below Normal creator gets the creator's class; of any other, Normal.
     */
    @ParameterizedTest
    @ValueSource(strings = {"IDLE", "BELOW_NORMAL"})
    void aChildOfALowPriorityCreatorInheritsItsClass(String creatorClass) {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe " + creatorClass + "_PRIORITY_CLASS|CREATE_SUSPENDED");
        var launcher = LabMachine.process(machine, "launcher.exe");
        assertThat(launcher.priorityClass).isEqualTo(creatorClass);
        LabMachine.ok(machine, ".call explorer.exe ResumeThread $hThread");
        LabMachine.ok(machine, "bp nt!PspInsertThread");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint ");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of launcher.exe");

        var child = LabMachine.process(machine, "worker.exe");
        assertThat(child).isNotNull();
        assertThat(child.priorityClass).isEqualTo(creatorClass);
    }

    @Test
    void aChildOfAHighPriorityCreatorWithNoClassIsNormal() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe HIGH_PRIORITY_CLASS|CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe ResumeThread $hThread");
        LabMachine.ok(machine, "bp nt!PspInsertThread");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint ");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of launcher.exe");

        assertThat(LabMachine.process(machine, "worker.exe").priorityClass).isEqualTo("NORMAL");
    }

    /**
     * IFEO PerfOptions\CpuPriorityClass (windowsvistaplace.com, measured with Process Monitor):
     * 1 idle (base 4), 3 high (13), 5 below normal (6), 6 above normal (10); other values change nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1=IDLE=4", "3=HIGH=13", "5=BELOW_NORMAL=6", "6=ABOVE_NORMAL=10", "4=NORMAL=8"})
    void ifeoPerfOptionsCpuPriorityClassSetsTheClass(String row) {
        String[] r = row.split("=");
        LabMachine.ok(machine, ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe\\PerfOptions\" CpuPriorityClass " + r[0]);

        assertThat(create("CREATE_SUSPENDED")).contains("returned TRUE");
        var notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.priorityClass).isEqualTo(r[1]);
        assertThat(notepad.pcb.basePriority).isEqualTo(Integer.parseInt(r[2]));
    }
}
