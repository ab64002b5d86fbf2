package com.ntprocesslab.kernel.mm;

/** A VAD node: a reserved range of a user address space and what it maps. */
public record Vad(long startingVpn, long endingVpn, String kind, String mapped, String protection, boolean privateMemory) {
    public long start() {
        return startingVpn << 12;
    }

    public long end() {
        return ((endingVpn + 1) << 12) - 1;
    }

    public static Vad of(long start, long size, String kind, String mapped, String protection, boolean privateMemory) {
        long pages = (size + 0xfff) >>> 12;
        return new Vad(start >>> 12, (start >>> 12) + pages - 1, kind, mapped, protection, privateMemory);
    }
}
