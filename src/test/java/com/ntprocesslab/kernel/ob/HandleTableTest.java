package com.ntprocesslab.kernel.ob;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Handle-slot reuse as WRK base/ntos/ex/handle.c does it for a table that is not strict FIFO:
 * ExpFreeHandleTableEntry pushes the freed entry onto FirstFree and ExpAllocateHandleTableEntry
 * pops it, so the slot freed last is handed out first (ReactOS ntoskrnl/ex/handle.c alike).
 */
class HandleTableTest {
    private static HandleEntry entry() {
        return new HandleEntry(new EventObject(), 0x1F0003, false);
    }

    @Test
    void theSlotFreedLastIsHandedOutFirst() {
        HandleTable table = new HandleTable(0x1000);
        long a = table.insert(entry());
        long b = table.insert(entry());
        long c = table.insert(entry());
        table.insert(entry());
        assertThat(List.of(a, b, c)).containsExactly(4L, 8L, 12L);

        table.remove(a);
        table.remove(c);
        table.remove(b);

        // LIFO: 8 (freed last), then 0xc, then 4; the lowest-first rule would give 4 first
        assertThat(table.insert(entry())).isEqualTo(8);
        assertThat(table.insert(entry())).isEqualTo(12);
        assertThat(table.insert(entry())).isEqualTo(4);
        assertThat(table.insert(entry())).isEqualTo(20);
    }

    @Test
    void freeingTheTopSlotsInReverseGivesTheSameChainAsNeverUsingThem() {
        HandleTable table = new HandleTable(0x1000);
        table.insert(entry());
        HandleTable.FreeListMark before = table.mark();
        long b = table.insert(entry());
        long c = table.insert(entry());

        table.remove(c);
        table.remove(b);

        assertThat(table.mark()).isEqualTo(before);
        assertThat(table.freeList()).containsExactly(8L);
    }

    @Test
    void restoreGivesBackTheFreeListOnlyWhenTheHandlesInUseAreTheSame() {
        HandleTable table = new HandleTable(0x1000);
        long a = table.insert(entry());
        long b = table.insert(entry());
        table.remove(a);
        HandleTable.FreeListMark mark = table.mark();
        long x = table.insert(entry());
        long y = table.insert(entry());
        table.remove(x);
        table.remove(y);
        assertThat(table.peekNext()).isEqualTo(y);

        assertThat(table.restore(mark)).isTrue();
        assertThat(table.mark()).isEqualTo(mark);

        table.remove(b);
        assertThat(table.restore(mark)).isFalse();
    }

    /** ExDupHandleTable pushes every entry it does not copy, ascending, so the child's first own handle is the top of its page. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void aChildWithInheritedHandlesHandsOutItsFreeSlotsFromTheTopOfThePage(Profile profile) {
        Machine m = LabMachine.boot(profile);
        HandleTable parent = new HandleTable(0x1000, 4, HandleTable.entriesPerPage(profile));
        long inherited = parent.insert(new HandleEntry(new EventObject(), 0x1F0003, true));
        parent.insert(entry());
        HandleTable child = new HandleTable(0x2000, 4, HandleTable.entriesPerPage(profile));

        ObjectManager.ExDupHandleTable(m.kernel(), parent, child);

        long top = profile == Profile.CLASSIC ? 0x7fc : 0x3fc;
        assertThat(child.handles()).containsExactly(inherited);
        assertThat(child.insert(entry())).isEqualTo(top);
        assertThat(child.insert(entry())).isEqualTo(top - 4);
    }
}
