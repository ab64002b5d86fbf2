package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.Profile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A process handle table. Handle values are multiples of 4 from the table's first value (4,
 * or where the boot seed starts it). Free entries are handed out as WRK's base/ntos/ex/handle.c
 * does for a table that is not strict FIFO (every process table; only PspCidTable is):
 * ExpAllocateHandleTableEntry pops HandleTable->FirstFree, and ExpFreeHandleTableEntry pushes
 * the freed entry back onto FirstFree, so the slot freed last is the first handed out again
 * (ReactOS ntoskrnl/ex/handle.c does the same). Entries never used follow on that list in
 * ascending order (ExpAllocateHandleTableEntrySlow chains a new page's entries that way):
 * the machine keeps them as a counter, {@code neverUsed}, behind the list of freed slots.
 * <p>
 * Entry 0 of every low-level table page is no handle: ExpAllocateHandleTable and
 * ExpAllocateLowLevelTable stamp it with EX_ADDITIONAL_INFO_SIGNATURE (the page's extra-info
 * slot) and chain the page's free entries from NextHandleNeedingPool + 4 on (WRK
 * base/ntos/ex/handle.c; ReactOS ntoskrnl/ex/handle.c ExpAllocateLowLevelTable likewise). A
 * handle value is its entry's index times 4, so the values that are multiples of a page's span
 * (LOWLEVEL_COUNT * 4: 0x400 on x64, 0x800 on x86) are never handed out.
 */
public final class HandleTable {
    public final long address;
    private final List<HandleEntry> slots = new ArrayList<>();
    /** FirstFree's chain of freed slot indexes, the next one to hand out first. */
    private final ArrayDeque<Integer> freed = new ArrayDeque<>();
    /** The lowest slot index never handed out; every index from it on follows {@code freed}. */
    private int neverUsed;
    private int handleCount;
    /** HANDLE_TABLE.UniqueProcessId: the owner's ID, set by ExSetHandleTableOwner once the process has one (XP). */
    public long uniqueProcessId;
    private final long firstHandle;
    /** LOWLEVEL_COUNT: the entries of one table page, entry 0 of which is reserved. */
    private final int entriesPerPage;
    /**
     * HANDLE_TABLE.NextHandleNeedingPool: the first handle value of the first page not yet
     * allocated. ExpAllocateHandleTable allocates one page (LOWLEVEL_COUNT * 4);
     * ExpAllocateHandleTableEntrySlow adds one when the free list is empty; no page is freed
     * before the table is.
     */
    private long nextHandleNeedingPool;

    /** An x64 table (256 entries a page) from handle 4. */
    public HandleTable(long address) {
        this(address, 4, X64_ENTRIES_PER_PAGE);
    }

    public HandleTable(long address, long firstHandle, int entriesPerPage) {
        if (firstHandle < 4 || firstHandle % 4 != 0) {
            throw new IllegalArgumentException("Handle values are multiples of 4 from 4: " + firstHandle);
        }
        if (entriesPerPage < 2 || firstHandle % (entriesPerPage * 4L) == 0) {
            throw new IllegalArgumentException("A table page of " + entriesPerPage + " entries cannot start at handle " + firstHandle);
        }
        this.address = address;
        this.firstHandle = firstHandle;
        this.entriesPerPage = entriesPerPage;
        this.nextHandleNeedingPool = pageSpan();
    }

    private long pageSpan() {
        return entriesPerPage * 4L;
    }

    /** HANDLE_TABLE_ENTRY is 16 bytes on x64: 4096 / 16 entries a page (WRK ex/handle.c LOWLEVEL_COUNT). */
    public static final int X64_ENTRIES_PER_PAGE = 256;
    /** HANDLE_TABLE_ENTRY is 8 bytes on x86: 4096 / 8 entries a page. */
    public static final int X86_ENTRIES_PER_PAGE = 512;

    /** LOWLEVEL_COUNT on a profile's architecture (the classic profile is 32-bit XP). */
    public static int entriesPerPage(Profile profile) {
        return profile == Profile.CLASSIC ? X86_ENTRIES_PER_PAGE : X64_ENTRIES_PER_PAGE;
    }

    /** Entry 0 of a page: the page's info entry, never a handle. */
    private boolean reserved(int index) {
        return (firstHandle + index * 4L) % (entriesPerPage * 4L) == 0;
    }

    public int handleCount() {
        return handleCount;
    }

    /** ExCreateHandle: the head of the free list (the slot freed last), else the next never-used one. */
    int insert(HandleEntry entry) {
        int index;
        if (freed.isEmpty()) {
            index = neverUsed++;
            // the next page's first handle follows its info entry
            if (reserved(neverUsed)) {
                neverUsed++;
            }
        } else {
            index = freed.removeFirst();
        }
        allocatePagesUpTo(firstHandle + index * 4L);
        while (slots.size() <= index) {
            slots.add(null);
        }
        slots.set(index, entry);
        handleCount++;
        return (int) (firstHandle + index * 4L);
    }

    /**
     * An entry at a given handle value, for ExDupHandleTable (the child keeps the parent's
     * values); {@link #rebuildFreeListAfterDuplication} then chains the entries left free.
     */
    void insertAt(long handle, HandleEntry entry) {
        if (handle < firstHandle || handle % 4 != 0) {
            throw new IllegalArgumentException("Handle " + handle + " is below the table's first value " + firstHandle);
        }
        int index = indexOf(handle);
        if (reserved(index)) {
            throw new IllegalArgumentException("Handle " + handle + " is a table page's info entry");
        }
        allocatePagesUpTo(handle);
        while (slots.size() <= index) {
            slots.add(null);
        }
        if (slots.get(index) != null) {
            throw new IllegalStateException("Handle " + handle + " is in use");
        }
        slots.set(index, entry);
        handleCount++;
    }

    /**
     * ExDupHandleTable gives the new table as many pages as the parent's, then walks every entry
     * of them in ascending order and pushes each one it does not copy onto the new table's
     * FirstFree (WRK base/ntos/ex/handle.c ExDupHandleTable; ReactOS ntoskrnl/ex/handle.c), so
     * the child hands out its free slots from the top of its last page down. Entry 0 of each
     * page is no handle (WRK's loop: "Skip past the first entry thats not a real entry"), so
     * handle values that are multiples of a page's span are skipped.
     */
    void rebuildFreeListAfterDuplication(HandleTable parent) {
        long pageSpan = pageSpan();
        long end = parent.nextHandleNeedingPool;
        freed.clear();
        for (long value = firstHandle; value < end; value += 4) {
            int index = indexOf(value);
            if (value % pageSpan != 0 && (index >= slots.size() || slots.get(index) == null)) {
                freed.addFirst(index);
            }
        }
        // the next page starts after its reserved entry 0
        neverUsed = indexOf(end + 4);
        nextHandleNeedingPool = end;
        normalise();
    }

    public HandleEntry lookup(long handle) {
        if (handle < firstHandle || handle % 4 != 0 || (handle - firstHandle) / 4 >= slots.size()) {
            return null;
        }
        return slots.get(indexOf(handle));
    }

    /** SetHandleInformation's HANDLE_FLAG_INHERIT: the entry keeps its object and access. */
    boolean setInherit(long handle, boolean inherit) {
        HandleEntry entry = lookup(handle);
        if (entry == null) {
            return false;
        }
        slots.set(indexOf(handle), new HandleEntry(entry.object(), entry.grantedAccess(), inherit));
        return true;
    }

    /** ExDestroyHandle -> ExpFreeHandleTableEntry: the slot goes to the head of the free list. */
    HandleEntry remove(long handle) {
        HandleEntry entry = lookup(handle);
        if (entry != null) {
            int index = indexOf(handle);
            slots.set(index, null);
            handleCount--;
            freed.addFirst(index);
            normalise();
        }
        return entry;
    }

    /**
     * The same chain, written the shortest way: a freed slot just below {@code neverUsed} at the
     * end of the list is where the never-used run would start anyway, so it joins that run.
     * (Windows' list is one chain either way; this keeps equal chains equal in the machine.)
     */
    private void normalise() {
        while (!freed.isEmpty() && freed.getLast() == lastEverUsed()) {
            neverUsed = freed.removeLast();
        }
        while (!slots.isEmpty() && slots.size() > neverUsed && slots.get(slots.size() - 1) == null) {
            slots.remove(slots.size() - 1);
        }
    }

    /** ExpAllocateHandleTableEntrySlow: the pages a handle value needs, each one after the last. */
    private void allocatePagesUpTo(long handle) {
        while (handle >= nextHandleNeedingPool) {
            nextHandleNeedingPool += pageSpan();
        }
    }

    /** The highest slot index ever handed out: the one below {@code neverUsed}, past a page's info entry. */
    private int lastEverUsed() {
        int index = neverUsed - 1;
        return index > 0 && reserved(index) ? index - 1 : index;
    }

    private int indexOf(long handle) {
        return (int) ((handle - firstHandle) / 4);
    }

    /** Handle values in use, ascending. */
    public List<Long> handles() {
        List<Long> result = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i) != null) {
                result.add(firstHandle + i * 4L);
            }
        }
        return result;
    }

    /** The free list as handle values, in the order they will be handed out, up to the first never-used one. */
    public List<Long> freeList() {
        List<Long> result = new ArrayList<>();
        for (int index : freed) {
            result.add(firstHandle + index * 4L);
        }
        result.add(firstHandle + neverUsed * 4L);
        return result;
    }

    /** HANDLE_TABLE.NextHandleNeedingPool (see the field). */
    public long nextHandleNeedingPool() {
        return nextHandleNeedingPool;
    }

    /**
     * HANDLE_TABLE.FirstFree: the head of the free list, or 0 when every entry of the allocated
     * pages is in use (the next ExCreateHandle then allocates a page first).
     */
    public long firstFree() {
        long next = peekNext();
        return next < nextHandleNeedingPool ? next : 0;
    }

    /** The next handle value ExCreateHandle would return. */
    public long peekNext() {
        return firstHandle + (freed.isEmpty() ? neverUsed : freed.getFirst()) * 4L;
    }

    /** The free list and the entries in use at one moment, to give a failed call's table back as it found it. */
    public FreeListMark mark() {
        return new FreeListMark(handles(), List.copyOf(freed), neverUsed, nextHandleNeedingPool);
    }

    /**
     * A failed call gives the table its free list back when the handles in use are those it
     * found, so a rolled-back call changes nothing (the machine's rule; Windows would leave the
     * slots the call used at the head of FirstFree). Returns whether it did.
     */
    public boolean restore(FreeListMark mark) {
        if (mark == null || !mark.inUse().equals(handles())) {
            return false;
        }
        freed.clear();
        freed.addAll(mark.freed());
        neverUsed = mark.neverUsed();
        nextHandleNeedingPool = mark.nextHandleNeedingPool();
        normalise();
        return true;
    }

    /** See {@link #mark()}. */
    public record FreeListMark(List<Long> inUse, List<Integer> freed, int neverUsed, long nextHandleNeedingPool) {
    }
}
