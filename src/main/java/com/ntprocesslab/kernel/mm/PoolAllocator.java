package com.ntprocesslab.kernel.mm;

import com.ntprocesslab.kernel.nt.Platform;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hands out pool addresses, always the lowest free slot first: freeing what a failed call
 * built returns the allocator to exactly the state it had before the call.
 */
public final class PoolAllocator {
    private final Map<String, BitSet> used = new TreeMap<>();
    private final Platform platform;
    /** Added to every address handed out: the boot seed moves all pools up by whole 64 KB blocks. */
    private long shift;

    public PoolAllocator(Platform platform) {
        this.platform = platform;
    }

    public void shiftBy(long bytes) {
        if (bytes < 0 || bytes % 0x10000 != 0) {
            throw new IllegalArgumentException("Pools move by whole 64 KB blocks: " + Long.toHexString(bytes));
        }
        shift = bytes;
    }

    public long allocate(Pool pool) {
        BitSet slots = used.computeIfAbsent(pool.name(), n -> new BitSet());
        int slot = slots.nextClearBit(0);
        slots.set(slot);
        return pool.addressOf(platform, slot) + shift;
    }

    public void free(Pool pool, long address) {
        BitSet slots = used.get(pool.name());
        int slot = pool.slotOf(platform, address - shift);
        if (slots == null || !slots.get(slot)) {
            throw new IllegalStateException("Double free of " + Long.toHexString(address) + " in pool " + pool.name());
        }
        slots.clear(slot);
    }
}
