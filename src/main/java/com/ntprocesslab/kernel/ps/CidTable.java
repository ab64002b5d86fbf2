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

    public long ExCreateHandle(KernelObject object) {
        long cid = 4;
        for (long used : entries.keySet()) {
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
