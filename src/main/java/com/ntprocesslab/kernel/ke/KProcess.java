package com.ntprocesslab.kernel.ke;

/** KPROCESS: the kernel's half of a process (page directory, base priority). */
public final class KProcess {
    public long directoryTableBase;
    public int basePriority;
    public boolean initialized;
}
