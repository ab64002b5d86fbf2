package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Windows 10's minimal processes and NtCreateProcessEx: Registry (CmInitSystem1 ->
 * CmpInitializeRegistryProcess) and Memory Compression (the store manager's SmFirstTimeInit)
 * come from PsCreateMinimalProcess, which builds them with the PspAllocateProcess and
 * PspInsertProcess of NtCreateUserProcess (ntoskrnl 10.0's caller lists); a minimal process
 * has no image, PEB, ntdll or thread (Windows Internals 7th ed., part 1, ch. 3). NtCreateProcessEx
 * checks its flags as ntoskrnl 10.0's PspCreateProcess does.
 */
class MinimalProcessesTest {

    /** What a minimal process has when PspAllocateProcess has returned to PsCreateMinimalProcess. */
    @Test
    void atPspSetMinimalProcessNameTheProcessHasAnAddressSpaceAndAnIdButNoImagePebOrThread() {
        Map<String, String> seen = new LinkedHashMap<>();
        Machine.boot(Profile.MODERN, event -> {
            List<String> problems = InvariantChecker.check(event.kernel());
            assertThat(problems).as("after step " + event.position()).isEmpty();
            if (!"nt!PspSetMinimalProcessName".equals(event.symbol())) {
                return;
            }
            EProcess p = newestMinimal(event.kernel());
            seen.put(p.imageFileName, "pid=" + p.uniqueProcessId + " parent=" + p.inheritedFromUniqueProcessId
                    + " peb=" + p.peb + " section=" + p.sectionObject + " vads=" + p.addressSpace.vadRoot.size()
                    + " dirBase=" + (p.pcb.directoryTableBase != 0) + " threads=" + p.threadListHead.owners().size()
                    + " session=" + p.sessionId + " listed=" + event.kernel().processes().contains(p));
        });

        assertThat(seen).containsOnlyKeys("Registry", "MemCompression");
        for (String facts : seen.values()) {
            assertThat(facts).contains("parent=4", "peb=null", "section=null", "vads=0", "dirBase=true", "threads=0",
                    "session=-1", "listed=false").doesNotContain("pid=0 ");
        }
    }

    private static EProcess newestMinimal(com.ntprocesslab.kernel.machine.Kernel k) {
        EProcess newest = null;
        for (var o : k.objects.values()) {
            if (o instanceof EProcess p && p.minimal && (newest == null || p.createTime >= newest.createTime)) {
                newest = p;
            }
        }
        return newest;
    }

    @Test
    void processListHasRegistryRightAfterSystemAndMemoryCompressionAfterServices() {
        Machine machine = LabMachine.boot();
        List<String> images = new ArrayList<>(machine.kernel().processes().stream().map(p -> p.imageFileName).toList());

        assertThat(images).containsExactly("System", "Registry", "smss.exe", "csrss.exe", "wininit.exe", "services.exe",
                "lsass.exe", "csrss.exe", "MemCompression", "winlogon.exe", "explorer.exe");
        String dump = LabMachine.ok(machine, "!process 0 0").output();
        assertThat(dump.indexOf("Image: Registry")).isBetween(dump.indexOf("Image: System"), dump.indexOf("Image: smss.exe"));
        assertThat(dump.indexOf("Image: MemCompression")).isGreaterThan(dump.indexOf("Image: services.exe"));
        for (String name : List.of("Registry", "MemCompression")) {
            EProcess p = LabMachine.process(machine, name);
            assertThat(p.minimal).isTrue();
            assertThat(p.peb).isNull();
            assertThat(p.inheritedFromUniqueProcessId).isEqualTo(4);
            // the kernel handles PsCreateMinimalProcess returned were closed again
            assertThat(p.handleCount).isZero();
            assertThat(dump).containsPattern("SessionId: none  Cid: [0-9a-f]{4}    Peb: 00000000  ParentCid: 0004\n.*\n    Image: " + name);
        }
    }

    @Test
    void theClassicMachineHasNeitherMinimalProcess() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);

        assertThat(machine.kernel().processes()).noneMatch(p -> p.minimal);
        assertThat(LabMachine.ok(machine, ".call lsass.exe NtSetSystemInformation SystemStoreInformation").output())
                .contains("STATUS_INVALID_INFO_CLASS");
    }

    @Test
    void aSecondStoreRequestMakesNoSecondProcess() {
        Machine machine = LabMachine.boot();
        int before = machine.kernel().processes().size();

        CommandResult call = LabMachine.ok(machine, ".call lsass.exe NtSetSystemInformation SystemStoreInformation");

        assertThat(call.output()).contains("STATUS_SUCCESS");
        assertThat(machine.kernel().processes()).hasSize(before);
    }

    @Test
    void bpNtCreateProcessExStopsAUserModeCall() {
        Machine machine = LabMachine.boot();
        LabMachine.ok(machine, "bp nt!NtCreateProcessEx");

        CommandResult call = LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 0 0x4");

        assertThat(call.output()).startsWith("Breakpoint 0 hit\nnt!NtCreateProcessEx:");
        String k = LabMachine.ok(machine, "k").output();
        assertThat(k).contains("nt!NtCreateProcessEx", "nt!KiSystemServiceCopyEnd+0x25", "ntdll!NtCreateProcessEx+0x14");
    }

    /** ntoskrnl 10.0 PspCreateProcess: undefined flags, and MINIMAL_PROCESS from user mode, are STATUS_INVALID_PARAMETER before any handle is looked at. */
    @Test
    void pspCreateProcessRejectsUndefinedFlagsAndAUserModeMinimalProcess() {
        Machine machine = LabMachine.boot();
        int before = machine.kernel().objects.size();

        for (String flags : List.of("0x800", "0x40", "0x2000", "0x4000")) {
            CommandResult call = LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 " + flags + " 0x4");
            assertThat(call.output()).as(flags).contains("STATUS_INVALID_PARAMETER");
        }
        // a handle that is not a section's: the section is referenced first, with SECTION_MAP_EXECUTE
        assertThat(LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 0 0x4").output()).contains("STATUS_OBJECT_TYPE_MISMATCH");
        assertThat(LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 0 0x7f0").output()).contains("STATUS_INVALID_HANDLE");
        assertThat(machine.kernel().objects).hasSize(before);
    }

    @Test
    void aMissingSectionIsRefusedWithAReasonAndChangesNothing() {
        Machine machine = LabMachine.boot();
        long position = machine.position();

        CommandResult call = machine.execute(".call explorer.exe NtCreateProcessEx -1 0");

        assertThat(call.accepted()).isFalse();
        assertThat(call.output()).contains("a section is required");
        assertThat(machine.position()).isEqualTo(position);
    }
}
