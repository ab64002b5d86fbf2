package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import org.junit.jupiter.api.Test;

/**
 * The formats WinDbg prints, line by line, for what the machine models: dt's layout without an
 * address, the pseudo-registers, ln's pair of neighbours, !handle's free entries and the fast
 * reference !diff shows. (Processes are named by image, so new boot processes do not move them.)
 */
class WinDbgFormatsTest {
    private final Machine machine = LabMachine.boot();

    private String ok(String command) {
        return LabMachine.ok(machine, command).output();
    }

    private String rejected(String command) {
        var r = machine.execute(command);
        assertThat(r.accepted()).as(command).isFalse();
        return r.output();
    }

    private void stopInExplorer() {
        ok("bu nt!PspAllocateProcess");
        ok(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
    }

    @Test
    void dtWithoutAnAddressPrintsTheLayoutInOffsetOrderWithTypes() {
        assertThat(ok("dt nt!_EPROCESS")).startsWith("nt!_EPROCESS\n   +0x000 Pcb              : _KPROCESS\n"
                + "   +0x440 UniqueProcessId  : Ptr64 Void\n   +0x448 ActiveProcessLinks : _LIST_ENTRY\n")
                .contains("   +0x460 DefaultPagePriority : Pos 12, 3 Bits", "   +0x4b8 Token            : _EX_FAST_REF",
                        "   +0x5a8 ImageFileName    : [15] UChar", "   +0x7d8 VadRoot          : _RTL_AVL_TREE");
        Machine classic = LabMachine.boot(Profile.CLASSIC);
        assertThat(LabMachine.ok(classic, "dt nt!_EPROCESS").output()).startsWith("nt!_EPROCESS (0x260 bytes)\n   +0x000 Pcb              : _KPROCESS\n")
                .contains("   +0x084 UniqueProcessId  : Ptr32 Void", "   +0x11c VadRoot          : Ptr32 Void").doesNotContain("Ptr64");
    }

    @Test
    void dtWildcardListsTheMatchingTypeNames() {
        assertThat(ok("dt nt!_K*")).isEqualTo("          nt!_KPROCESS\n          nt!_KTHREAD");
        assertThat(rejected("dt nt!_ZZ*")).contains("no type this machine models matches");
    }

    @Test
    void pseudoRegistersNameTheCurrentProcessThreadAndTheirBlocks() {
        assertThat(rejected("!process @$proc 0")).contains("Couldn't resolve error at '@$proc'");
        stopInExplorer();
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        assertThat(ok("!process @$proc 0")).startsWith("PROCESS " + String.format("%016x", explorer.address));
        assertThat(ok("dt nt!_EPROCESS @$proc")).contains("[15]  \"explorer.exe\"");
        assertThat(ok("!thread @$thread")).contains("Image:         explorer.exe");
        assertThat(ok("dq @$peb L1")).startsWith(com.ntprocesslab.kernel.inspect.Format.pointer(explorer.peb.address));
        ok("n 10");
        assertThat(ok("dq $teb L1")).startsWith(com.ntprocesslab.kernel.inspect.Format.pointer(explorer.threadListHead.owners().getFirst().teb.address));
    }

    @Test
    void lnShowsTheSymbolBelowAndTheOneAboveAndExactMatchesOnlyForAnExactAddress() {
        // addresses from the symbol table, not literals: every routine added to nt moves the ones after it
        long at = machine.kernel().symbolAddress("nt!PspAllocateProcess");
        String start = com.ntprocesslab.kernel.inspect.Format.pointer(at);
        String near = ok("ln " + com.ntprocesslab.kernel.inspect.Format.pointer(at + 0x10));
        assertThat(near).matches("\\(" + start.replace("`", "`") + "\\)   nt!PspAllocateProcess\\+0x10   \\|  \\([0-9a-f]{8}`[0-9a-f]{8}\\)   nt!\\w+");
        String next = near.substring(near.lastIndexOf(' ') + 1);
        assertThat(ok("ln " + start)).endsWith(next + "\nExact matches:\n    nt!PspAllocateProcess (PspAllocateProcess)");
    }

    @Test
    void handleFlag4AddsEntryZeroAndTheFreedSlots() {
        stopInExplorer();
        String all = ok("!handle 0 7");
        assertThat(all).contains("\n0000: free handle, Entry address ffffa08f0a004740, Next Entry 00000000fffffffe\n",
                "\n0004: Object: ", "\nObject: ", "\n    ObjectHeader: ", "\n        HandleCount: ").doesNotContain("`");
        assertThat(ok("!handle 0 3")).doesNotContain("free handle");
    }

    @Test
    void diffShowsTheNewTokenAsAFastReferenceValue() {
        stopInExplorer();
        ok("t");
        ok("p");
        String diff = ok("!diff");
        assertThat(diff).containsPattern("Token 0 -> 0xffffa08f`[0-9a-f]{7}f\n").doesNotContain("(null)");
    }
}
