package com.ntprocesslab.kernel.ke;

/** Win32 priority classes and the base priority each gives a process's threads. */
public enum PriorityClass {
    IDLE(0x40, 4), BELOW_NORMAL(0x4000, 6), NORMAL(0x20, 8), ABOVE_NORMAL(0x8000, 10), HIGH(0x80, 13), REALTIME(0x100, 24);

    public final long creationFlag;
    public final int basePriority;

    PriorityClass(long creationFlag, int basePriority) {
        this.creationFlag = creationFlag;
        this.basePriority = basePriority;
    }
}
