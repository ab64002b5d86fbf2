package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PspCidTable's reuse order, as WRK sets it up: psinit.c calls ExSetHandleTableStrictFIFO on
 * it, so ex/handle.c frees entries to the tail (LastFree) and moves them to the head only when
 * the table page's never-used entries are gone (ExpMoveFreeHandles); a page is 4096 bytes of
 * 16-byte entries on x64 (256, entry 0 never a handle) and 8-byte ones on x86 (512).
 */
class CidTableTest {
    private final CidTable table = new CidTable(256);

    @Test
    void freedIdsComeBackInTheOrderTheyWereFreedOnceThePageIsUsedUp() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            ids.add(table.ExCreateHandle(new EProcess()));
        }
        assertThat(ids.getFirst()).isEqualTo(4);
        assertThat(ids.getLast()).isEqualTo(0x3fc);
        table.ExDestroyHandle(0x20);
        table.ExDestroyHandle(0x8);
        table.ExDestroyHandle(0x100);

        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(0x20);
        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(0x8);
        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(0x100);
        // no freed entry left: a new page, whose entry 0 (0x400) is never a handle
        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(0x404);
    }

    @Test
    void anIdFreedWhileThePageHasUnusedEntriesWaits() {
        long first = table.ExCreateHandle(new EProcess());
        table.ExDestroyHandle(first);

        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(first + 4);
        assertThat(table.freeList()).containsExactly(first);
    }

    @Test
    void aFailedCreationGivesItsIdsBackAsIfNeverTaken() {
        table.ExCreateHandle(new EProcess());
        long freed = table.ExCreateHandle(new EProcess());
        table.ExCreateHandle(new EProcess());
        table.ExDestroyHandle(freed);
        long next = table.peekNext();

        long process = table.ExCreateHandle(new EProcess());
        long thread = table.ExCreateHandle(new EThread());
        table.returnUnused(thread);
        table.returnUnused(process);

        assertThat(table.peekNext()).isEqualTo(next);
        assertThat(table.freeList()).containsExactly(freed);
        assertThat(table.ExCreateHandle(new EProcess())).isEqualTo(process);
    }

    @Test
    void anX86PageHolds511Ids() {
        CidTable x86 = new CidTable(512);
        long last = 0;
        for (int i = 0; i < 511; i++) {
            last = x86.ExCreateHandle(new EProcess());
        }
        assertThat(last).isEqualTo(0x7fc);
        assertThat(x86.ExCreateHandle(new EProcess())).isEqualTo(0x804);
    }
}
