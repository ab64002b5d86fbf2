package com.ntprocesslab.kernel.ob;

/**
 * The object types the machine creates. Each has its own pool of fake kernel addresses so an
 * object's address says what it is and stays stable across runs.
 */
public enum ObjectType {
    Process(0x1c2d3000L, 0x1000, 0x40),
    Thread(0x1c6e0000L, 0x800, 0x80),
    File(0x1d100000L, 0x200, 0x30),
    Section(0x1d300000L, 0x100, 0x30),
    Token(0x1d500000L, 0x800, 0x60),
    Event(0x1d700000L, 0x80, 0x30),
    Key(0x1d800000L, 0x100, 0x30),
    Job(0x1d900000L, 0x400, 0x30),
    DebugObject(0x1da00000L, 0x100, 0x30),
    /** Windows 10's ALPC port (csrss's \\Windows\\ApiPort). */
    AlpcPort(0x1db00000L, 0x200, 0x30) {
        @Override
        public String toString() {
            return "ALPC Port";
        }
    },
    /** XP's LPC port. */
    Port(0x1dc00000L, 0x100, 0x30);

    /** Low 32 bits of the pool's first slot; the high half is always ffffa08f. */
    public final long poolBase;
    public final int slotSize;
    /** Where the body starts inside a slot: the object header sits just before it. */
    public final int bodyOffset;

    ObjectType(long poolBase, int slotSize, int bodyOffset) {
        this.poolBase = poolBase;
        this.slotSize = slotSize;
        this.bodyOffset = bodyOffset;
    }

    /** Process, thread and event objects are dispatcher objects a thread can wait on. */
    public boolean waitable() {
        return this == Process || this == Thread || this == Event;
    }
}
