package com.ntprocesslab.kernel.mm;

import java.util.Map;
import java.util.TreeMap;

/**
 * A small PFN database: which physical page frames are in use and by whom. Frames below
 * {@link #FIRST_FREE} belong to the kernel image and boot structures.
 */
public final class PfnDatabase {
    public static final long FIRST_FREE = 0x1ad;
    public static final long TOTAL_FRAMES = 0x4000;

    /** Frame number to a description of its use ("<owner address> PageDirectory"). */
    private final TreeMap<Long, String> used = new TreeMap<>();
    /**
     * The lowest free frame, kept exact (not just a lower bound) so that two databases with
     * the same frames in use are the same bytes after a rollback: allocation starts here
     * instead of walking every frame in use (a boot allocates hundreds).
     */
    private long lowestFree = FIRST_FREE;

    /** Lowest free frame first, so freeing restores the database exactly. */
    public long allocate(String use) {
        long pfn = lowestFree;
        if (pfn >= TOTAL_FRAMES) {
            return -1;
        }
        used.put(pfn, use);
        lowestFree = pfn + 1;
        while (lowestFree < TOTAL_FRAMES && used.containsKey(lowestFree)) {
            lowestFree++;
        }
        return pfn;
    }

    public void free(long pfn) {
        if (used.remove(pfn) == null) {
            throw new IllegalStateException("PFN " + Long.toHexString(pfn) + " freed twice");
        }
        lowestFree = Math.min(lowestFree, pfn);
    }

    public Map<Long, String> used() {
        return java.util.Collections.unmodifiableMap(used);
    }

    public long freeFrames() {
        return TOTAL_FRAMES - FIRST_FREE - used.size();
    }
}
