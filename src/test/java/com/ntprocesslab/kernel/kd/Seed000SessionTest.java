package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 000's WinDbg session, reproduced on the emulated machine (invariants checked after every step). */
class Seed000SessionTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void theBreakpointOnMmCreateProcessAddressSpaceShowsTheChainFromCreateProcessWDown() {
        CommandResult symbols = LabMachine.ok(machine, "x nt!*CreateProcess*");
        assertThat(symbols.output()).contains("nt!MmCreateProcessAddressSpace (MmCreateProcessAddressSpace)")
                .containsPattern("fffff802`[0-9a-f]{8} nt!MmCreateProcessAddressSpace");

        LabMachine.ok(machine, "bu nt!MmCreateProcessAddressSpace");
        CommandResult call = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(call.output()).startsWith("Breakpoint 0 hit\nnt!MmCreateProcessAddressSpace:\nfffff802`");
        assertThat(machine.kernel().pendingCalls).hasSize(1);

        String[] k = LabMachine.ok(machine, "k").output().split("\n");
        assertThat(k[0]).isEqualTo(" # Child-SP          RetAddr           Call Site");
        assertThat(k[1]).matches("00 ffff928c`[0-9a-f]{8} fffff802`[0-9a-f]{8} nt!MmCreateProcessAddressSpace");
        List<String> sites = new ArrayList<>();
        for (int i = 1; i < k.length; i++) {
            sites.add(k[i].substring(k[i].lastIndexOf(' ') + 1).replaceAll("\\+0x[0-9a-f]+$", ""));
        }
        assertThat(sites).containsSubsequence("nt!MmCreateProcessAddressSpace", "nt!PspAllocateProcess", "nt!NtCreateUserProcess",
                "nt!KiSystemServiceCopyEnd", "ntdll!NtCreateUserProcess", "KERNELBASE!CreateProcessInternalW",
                "KERNELBASE!CreateProcessW", "KERNEL32!CreateProcessWStub");
        assertThat(sites.subList(0, 4)).allMatch(s -> s.startsWith("nt!"));
        assertThat(sites.get(4)).isEqualTo("ntdll!NtCreateUserProcess");
        assertThat(sites.getLast()).isEqualTo("ntdll!RtlUserThreadStart");
        int firstUserFrame = sites.indexOf("ntdll!NtCreateUserProcess");
        assertThat(sites.subList(firstUserFrame, sites.size())).as("the callers in user mode, below the kernel frames")
                .noneMatch(s -> s.startsWith("nt!"));
    }

    @Test
    void eachFramesReturnAddressIsTheCallSiteOfTheFrameBelowAndStacksGrowDown() {
        LabMachine.ok(machine, "bp nt!MmCreateProcessAddressSpace");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        String[] k = LabMachine.ok(machine, "k").output().split("\n");

        for (int i = 1; i + 1 < k.length; i++) {
            String[] frame = k[i].split(" ");
            String[] caller = k[i + 1].split(" ");
            long returnAddress = Long.parseUnsignedLong(frame[2].replace("`", ""), 16);
            assertThat(returnAddress).isEqualTo(StackView.siteAddress(machine.kernel(), caller[3]));
            boolean sameStack = frame[1].startsWith("ffff") == caller[1].startsWith("ffff");
            if (sameStack) {
                assertThat(Long.compareUnsigned(Long.parseUnsignedLong(frame[1].replace("`", ""), 16),
                        Long.parseUnsignedLong(caller[1].replace("`", ""), 16))).isNegative();
            }
        }
        assertThat(k[k.length - 1]).contains(" 00000000`00000000 ntdll!RtlUserThreadStart");
    }

    @Test
    void gFinishesThePendingCallAndPrintsItsResult() {
        LabMachine.ok(machine, "bu nt!MmCreateProcessAddressSpace");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        CommandResult go = LabMachine.ok(machine, "g");

        // g prints only the events of the run: here the end of the pending call
        assertThat(go.output()).startsWith("CreateProcessW(C:\\Windows\\System32\\notepad.exe) returned TRUE");
        assertThat(machine.kernel().pendingCalls).isEmpty();
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).contains("Image: notepad.exe");
    }

    /**
     * Seed 000 shows explorer with the PID of userinit, its parent that has exited. PspCidTable
     * is strict FIFO (WRK base/ntos/ps/psinit.c, ExSetHandleTableStrictFIFO), so the new
     * notepad does not take userinit's freed 0x54: the ParentCid names no live process.
     */
    @Test
    void explorersParentCidNamesNoLiveProcessAfterNotepadStarts() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");

        String dump = LabMachine.ok(machine, "!process 0 0").output();
        assertThat(dump).contains("Cid: 005c    Peb: 3ac05c0000  ParentCid: 0054").doesNotContain("Cid: 0054 ");
        assertThat(machine.kernel().pspCidTable.lookup(0x54)).isNull();
    }

    @Test
    void theSameSessionTwiceGivesTheSameAnswers() {
        List<String> session = List.of("x nt!*CreateProcess*", "bu nt!MmCreateProcessAddressSpace",
                ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "k", "g", "!process 0 7");
        Machine other = LabMachine.boot();
        for (String command : session) {
            assertThat(other.execute(command)).isEqualTo(machine.execute(command));
        }
        assertThat(other.snapshotJson()).isEqualTo(machine.snapshotJson());
    }
}
