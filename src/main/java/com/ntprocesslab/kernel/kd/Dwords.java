package com.ntprocesslab.kernel.kd;

import java.util.function.LongFunction;

/**
 * Memory the machine models as 32-bit dwords (XP's natural unit, and the fixed-layout blocks
 * SharedUserData and the KPCR): a 4-byte read is the dword at the aligned address, an 8-byte read
 * the two dwords from there, low first. Null when any dword it needs is unmodelled.
 */
final class Dwords {
    private Dwords() {
    }

    static Long read(long address, int width, LongFunction<Long> dword) {
        long aligned = address & ~3L;
        Long low = dword.apply(aligned);
        if (width == 4 || low == null) {
            return low;
        }
        Long high = dword.apply(aligned + 4);
        return high == null ? null : low | high << 32;
    }
}
