package com.ntprocesslab.kernel.ps;

/**
 * What a machine's boot seed varies: where the CID table, the pools and every handle table
 * start. Windows gives two machines different PIDs, TIDs, handle values and pool addresses
 * because of everything that ran before (system threads, the handles each process's startup
 * opened, pool use at boot); the model has none of that, so the seed stands for it. Behaviour
 * never depends on it: only where numbers start, always within Windows' rules (IDs and handles
 * multiples of 4, pool addresses aligned as before). Seed {@link #DEFAULT} is the machine the
 * golden scenarios were written against: everything starts where it always did.
 */
public final class BootSeed {
    /** The sandbox's, the golden scenarios' and the command line's seed. */
    public static final long DEFAULT = 0;
    /** A seeded machine's PIDs and TIDs start between 0x40 and 0x43c (System keeps PID 4). */
    private static final int CID_CHOICES = 0x100;
    /** A seeded machine's pools move up by 64 KB to 16 MB, whole 64 KB blocks, so every slot keeps its alignment. */
    private static final int POOL_CHOICES = 0xff;
    /** A seeded machine's handle tables start between 0x4 and 0x100. */
    private static final int HANDLE_CHOICES = 0x40;

    private BootSeed() {
    }

    /** The lowest PID or TID the CID table hands out after System's 4. */
    public static long firstCid(long seed) {
        return seed == DEFAULT ? 8 : 0x40 + 4 * pick(seed, 1, CID_CHOICES);
    }

    /** How far every pool address moves up. */
    public static long poolShift(long seed) {
        return seed == DEFAULT ? 0 : 0x10000L * (1 + pick(seed, 2, POOL_CHOICES));
    }

    /** The first handle value of every handle table. */
    public static long firstHandle(long seed) {
        return seed == DEFAULT ? 4 : 4 * (1 + pick(seed, 3, HANDLE_CHOICES));
    }

    /** One of {@code choices} values, independent for each {@code stream} (SplitMix64's finalizer). */
    private static int pick(long seed, int stream, int choices) {
        long z = seed + stream * 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (int) Long.remainderUnsigned(z, choices);
    }
}
