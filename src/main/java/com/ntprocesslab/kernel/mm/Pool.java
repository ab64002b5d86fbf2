package com.ntprocesslab.kernel.mm;

import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ob.ObjectType;

/** A pool of fixed-size slots with fake kernel addresses (slot base + body offset, placed by the platform). */
public record Pool(String name, long base, int slotSize, int bodyOffset) {
    public static final Pool HANDLE_TABLE = new Pool("HandleTable", 0x0a003c00L, 0x100, 0x40);
    private static final Pool[] OBJECT_POOLS = new Pool[ObjectType.values().length];

    static {
        for (ObjectType type : ObjectType.values()) {
            OBJECT_POOLS[type.ordinal()] = new Pool(type.name(), type.poolBase, type.slotSize, type.bodyOffset);
        }
    }

    public static Pool of(ObjectType type) {
        return OBJECT_POOLS[type.ordinal()];
    }

    public long addressOf(Platform platform, int slot) {
        return platform.poolAddress(base + (long) slot * slotSize + bodyOffset);
    }

    public int slotOf(Platform platform, long address) {
        return (int) ((platform.poolLow(address) - bodyOffset - base) / slotSize);
    }
}
