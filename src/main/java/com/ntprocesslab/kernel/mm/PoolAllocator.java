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

    public PoolAllocator(Platform platform) {
        this.platform = platform;
    }

    public long allocate(Pool pool) {
        BitSet slots = used.computeIfAbsent(pool.name(), n -> new BitSet());
        int slot = slots.nextClearBit(0);
        slots.set(slot);
        return pool.addressOf(platform, slot);
    }

    public void free(Pool pool, long address) {
        BitSet slots = used.get(pool.name());
        int slot = pool.slotOf(platform, address);
        if (slots == null || !slots.get(slot)) {
            throw new IllegalStateException("Double free of " + Long.toHexString(address) + " in pool " + pool.name());
        }
        slots.clear(slot);
    }
}
