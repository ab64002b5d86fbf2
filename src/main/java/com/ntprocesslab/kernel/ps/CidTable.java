package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * PspCidTable: process and thread IDs share one handle-table number space (multiples of 4).
 * The lowest free number is handed out first, so freed IDs come back in ascending order and
 * a rolled-back creation leaves the table exactly as it was.
 */
public final class CidTable {
    private final TreeMap<Long, KernelObject> entries = new TreeMap<>();
    /** The lowest number handed out: the numbers below it stand for boot's system threads (the boot seed chooses it). */
    private long first = 4;

    /** Numbers below {@code cid} are never handed out (what the boot seed sets before the first creation). */
    public void startAt(long cid) {
        if (cid < 4 || cid % 4 != 0) {
            throw new IllegalArgumentException("A CID is a multiple of 4 from 4: " + cid);
        }
        first = cid;
    }

    public long ExCreateHandle(KernelObject object) {
        long cid = first;
        for (long used : entries.tailMap(first).keySet()) {
            if (used != cid) {
                break;
            }
            cid += 4;
        }
        entries.put(cid, object);
        return cid;
    }

    /** Places an object at a fixed ID (System is always 4). */
    public void insertAt(long cid, KernelObject object) {
        entries.put(cid, object);
    }

    public void ExDestroyHandle(long cid) {
        if (entries.remove(cid) == null) {
            throw new IllegalStateException("CID " + cid + " is not in use");
        }
    }

    public KernelObject lookup(long cid) {
        return entries.get(cid);
    }

    public Map<Long, KernelObject> entries() {
        return java.util.Collections.unmodifiableMap(entries);
    }
}
