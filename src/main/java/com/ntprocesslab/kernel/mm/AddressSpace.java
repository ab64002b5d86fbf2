package com.ntprocesslab.kernel.mm;

import java.util.Map;
import java.util.TreeMap;

/** A process's user address space: its page-directory frames and its VAD tree. */
public final class AddressSpace {
    public static final long LOWEST_USER_ADDRESS = 0x10000L;
    public static final long HIGHEST_USER_ADDRESS = 0x7FFFFFFEFFFFL;

    public long directoryTableBase;
    /** Physical frames the address space owns, by PFN, with what each holds. */
    public final TreeMap<Long, String> frames = new TreeMap<>();
    /** VadRoot, kept ordered by starting VPN as the AVL tree would be walked. */
    public final TreeMap<Long, Vad> vadRoot = new TreeMap<>();

    public boolean overlaps(long start, long size) {
        long startVpn = start >>> 12;
        long endVpn = (start + size - 1) >>> 12;
        Map.Entry<Long, Vad> below = vadRoot.floorEntry(endVpn);
        return below != null && below.getValue().endingVpn() >= startVpn;
    }

    public void insert(Vad vad) {
        vadRoot.put(vad.startingVpn(), vad);
    }

    public Vad remove(long start) {
        return vadRoot.remove(start >>> 12);
    }

    public Vad find(String kind, String mapped) {
        for (Vad vad : vadRoot.values()) {
            if (vad.kind().equals(kind) && (mapped == null || mapped.equalsIgnoreCase(vad.mapped()))) {
                return vad;
            }
        }
        return null;
    }
}
