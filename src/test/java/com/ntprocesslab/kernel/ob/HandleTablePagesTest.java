package com.ntprocesslab.kernel.ob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.BootSeed;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Entry 0 of every handle-table page is the page's info entry, never a handle: WRK
 * base/ntos/ex/handle.c ExpAllocateHandleTable and ExpAllocateLowLevelTable stamp
 * NewLowLevel[0] with EX_ADDITIONAL_INFO_SIGNATURE and chain the page's free entries from
 * entry 1 (handle NextHandleNeedingPool + HANDLE_VALUE_INC) on;
 * ReactOS ntoskrnl/ex/handle.c ExpAllocateLowLevelTable does the same. A page is 4096 bytes:
 * 256 16-byte entries on x64, 512 8-byte ones on x86, so handle 0x400 (x64) / 0x800 (x86)
 * and every multiple of it are skipped.
 */
class HandleTablePagesTest {
    private static HandleEntry entry() {
        return new HandleEntry(new EventObject(), 0x1F0003, false);
    }

    private static long span(Profile profile) {
        return HandleTable.entriesPerPage(profile) * 4L;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void thePageInfoEntriesAreNeverHandedOut(Profile profile) {
        HandleTable table = new HandleTable(0x1000, 4, HandleTable.entriesPerPage(profile));
        long span = span(profile);
        long last = 0;
        for (int i = 0; i < 3 * HandleTable.entriesPerPage(profile); i++) {
            long handle = table.insert(entry());
            assertThat(handle % span).as("handle %x", handle).isNotZero();
            if (last != 0) {
                assertThat(handle).isEqualTo((last + 4) % span == 0 ? last + 8 : last + 4);
            }
            last = handle;
        }
        assertThat(table.handles()).doesNotContain(span, 2 * span, 3 * span);
    }

    /** Closing the top handle of page 1 before page 2 is used: the chain is that slot, then page 2 from its entry 1. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void theLastSlotOfAPageFreedBeforeTheNextPageIsUsedComesBackFirst(Profile profile) {
        HandleTable table = new HandleTable(0x1000, 4, HandleTable.entriesPerPage(profile));
        long span = span(profile);
        long top = 0;
        for (int i = 1; i < HandleTable.entriesPerPage(profile); i++) {
            top = table.insert(entry());
        }
        assertThat(top).isEqualTo(span - 4);
        HandleTable.FreeListMark full = table.mark();
        assertThat(table.peekNext()).isEqualTo(span + 4);

        table.remove(top);

        assertThat(table.freeList()).containsExactly(top);
        assertThat(table.insert(entry())).isEqualTo(top);
        assertThat(table.mark()).isEqualTo(full);
        assertThat(table.insert(entry())).isEqualTo(span + 4);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anInfoEntryCannotBeFilledByDuplication(Profile profile) {
        HandleTable table = new HandleTable(0x1000, 4, HandleTable.entriesPerPage(profile));
        assertThatThrownBy(() -> table.insertAt(span(profile), entry())).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.handles()).isEmpty();
    }

    /** The same rule on a running machine: explorer opens notepad again and again until past its first page. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void openProcessInALoopSkipsThePageBoundary(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        long pid = LabMachine.process(machine, "notepad.exe").uniqueProcessId;
        HandleTable table = LabMachine.process(machine, "explorer.exe").objectTable;
        long span = span(profile);
        Set<Long> seen = new HashSet<>();
        while (table.peekNext() < span + 0x10) {
            String out = LabMachine.ok(machine, ".call explorer.exe OpenProcess SYNCHRONIZE 0x" + Long.toHexString(pid)).output();
            long handle = Long.decode(out.substring(out.indexOf("returned ") + 9, out.indexOf('\n')).trim());
            assertThat(seen.add(handle)).isTrue();
        }
        assertThat(seen).doesNotContain(span).contains(span - 4, span + 4);
        assertThat(table.lookup(span)).isNull();
    }

    /**
     * PspCidTable is a handle table too (WRK ps/psinit.c ExCreateHandleTable), so no process or
     * thread gets ID 0x400 on x64, or 0x800 on x86. A boot seed whose IDs start at 0x3c0 or above
     * (BootSeed.firstCid) gets there in a few creations.
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void processesCreatedAcrossThePageBoundarySkipItsId(Profile profile) {
        long span = span(profile);
        long seed = 1;
        while (BootSeed.firstCid(seed) < 0x3c0 || BootSeed.firstCid(seed) > 0x3e0) {
            seed++;
        }
        Machine machine = Machine.boot(profile, seed);
        var cids = machine.kernel().pspCidTable;
        String create = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
        // creations of two IDs each until the next ID is past the boundary
        for (int i = 0; i < 300 && cids.peekNext() < span + 0x10; i++) {
            LabMachine.ok(machine, create);
            LabMachine.ok(machine, "g");
        }

        assertThat(cids.lookup(span)).isNull();
        assertThat(cids.lookup(span - 4)).isNotNull();
        assertThat(cids.lookup(span + 4)).isNotNull();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
