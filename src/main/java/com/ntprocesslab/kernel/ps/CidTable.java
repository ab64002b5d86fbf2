package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * PspCidTable: process and thread IDs share one handle-table number space (multiples of 4).
 * PspInitPhase0 makes the table strict FIFO (WRK base/ntos/ps/psinit.c:
 * {@code ExSetHandleTableStrictFIFO (PspCidTable)}, "Set PID and TID reuse to strict FIFO"),
 * so in WRK's base/ntos/ex/handle.c a freed entry goes to the tail of the free list
 * (LastFree) and is handed out again only after every entry freed before it, and only when
 * the current table page has no never-used entry left (ExpMoveFreeHandles runs when
 * FirstFree is empty). A page holds 4096 / sizeof(HANDLE_TABLE_ENTRY) entries, entry 0
 * unused: 256 on x64, 512 on x86.
 */
public final class CidTable {
    /** The HANDLE_TABLE nt!PspCidTable points to (it is not charged to any process's pool). */
    public static final long ADDRESS = 0xffffa08f0a003b40L;

    /** Where the table is on a platform: in the pool the handle tables come from (on XP, paged pool at 0xe1xxxxxx). */
    public static long address(Platform platform) {
        return platform.poolAddress(ADDRESS & 0xffffffffL);
    }
    private final TreeMap<Long, KernelObject> entries = new TreeMap<>();
    /** Freed IDs in the order they were freed (WRK's LastFree list, moved to FirstFree in that order). */
    private final ArrayDeque<Long> freed = new ArrayDeque<>();
    private final long entriesPerPage;
    /** The lowest ID no object ever had; pages of the table are allocated as it grows. */
    private long nextUnused = 4;

    public CidTable(long entriesPerPage) {
        this.entriesPerPage = entriesPerPage;
    }

    /**
     * Numbers below {@code cid} are never handed out: they stand for boot's system threads (the
     * boot seed chooses where a per-student machine starts, before the first creation).
     */
    public void startAt(long cid) {
        if (cid < 4 || cid % 4 != 0) {
            throw new IllegalArgumentException("A CID is a multiple of 4 from 4: " + cid);
        }
        if (cid < nextUnused) {
            throw new IllegalStateException("CID " + nextUnused + " is already handed out; cannot start at " + cid);
        }
        nextUnused = cid;
    }

    public long ExCreateHandle(KernelObject object) {
        long cid = takeFree();
        entries.put(cid, object);
        return cid;
    }

    private long takeFree() {
        long index = nextUnused / 4;
        if (index % entriesPerPage == 0) {
            // the page is used up: freed IDs first, a new page only when there are none
            if (!freed.isEmpty()) {
                return freed.removeFirst();
            }
            index++;
        }
        nextUnused = (index + 1) * 4;
        return index * 4;
    }

    /** Places an object at a fixed ID (System is always 4). */
    public void insertAt(long cid, KernelObject object) {
        entries.put(cid, object);
        if (cid == nextUnused) {
            nextUnused += 4;
        }
    }

    /** The object is gone: its ID goes to the tail of the free list, reused after every ID freed before it. */
    public void ExDestroyHandle(long cid) {
        remove(cid);
        freed.addLast(cid);
    }

    /**
     * A creation that failed gives its ID back as if it had never been taken, so a rolled-back
     * call leaves the free list as it found it (the machine's rule that a failed call changes
     * nothing; Windows would queue the ID at the tail like any other).
     */
    public void returnUnused(long cid) {
        remove(cid);
        if (cid == nextUnused - 4) {
            // the first entry of a page that was new: the page is given back too
            nextUnused = cid / 4 % entriesPerPage == 1 && cid > 4 ? cid - 4 : cid;
        } else {
            freed.addFirst(cid);
        }
    }

    private void remove(long cid) {
        if (entries.remove(cid) == null) {
            throw new IllegalStateException("CID " + cid + " is not in use");
        }
    }

    public KernelObject lookup(long cid) {
        return entries.get(cid);
    }

    public Map<Long, KernelObject> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The free list in the order IDs will be handed out again once the current page is used up. */
    public Iterable<Long> freeList() {
        return Collections.unmodifiableCollection(freed);
    }

    /**
     * HANDLE_TABLE.FirstFree of the strict-FIFO table: the next never-used ID of the current
     * page, or 0 when the page is used up (the next creation then moves the LastFree chain over,
     * ExpMoveFreeHandles, or allocates a page).
     */
    public long firstFree() {
        long index = nextUnused / 4;
        return index % entriesPerPage == 0 ? 0 : index * 4;
    }

    /** HANDLE_TABLE.LastFree: the ID freed most recently, the free list's tail (0 when none is waiting). */
    public long lastFree() {
        return freed.isEmpty() ? 0 : freed.getLast();
    }

    /** The next ID a creation would get. */
    public long peekNext() {
        long index = nextUnused / 4;
        if (index % entriesPerPage == 0) {
            return freed.isEmpty() ? (index + 1) * 4 : freed.getFirst();
        }
        return index * 4;
    }
}
