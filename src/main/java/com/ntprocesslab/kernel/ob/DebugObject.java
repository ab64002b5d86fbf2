package com.ntprocesslab.kernel.ob;

/**
 * DEBUG_OBJECT (DbgkDebugObjectType): what DbgUiConnectToDbg creates for a debugger thread
 * (NtCreateDebugObject) and a process created with DEBUG_PROCESS gets as its DebugPort. The
 * machine models who holds it, not the debug events that would flow through it.
 */
public final class DebugObject extends KernelObject {
    /** DEBUG_ALL_ACCESS (0x1F000F): what NtCreateDebugObject's handle grants. */
    public static final long DEBUG_ALL_ACCESS = 0x1F000FL;
    /** DEBUG_PROCESS_ASSIGN: what PspCreateProcess needs of the DebugPort handle (seed 003: access 2). */
    public static final long DEBUG_PROCESS_ASSIGN = 0x2L;
    /** DEBUG_KILL_ON_CLOSE: DEBUG_ONLY_THIS_PROCESS or not, DbgUiConnectToDbg asks for it. */
    public boolean killOnClose = true;

    public DebugObject() {
        super(ObjectType.DebugObject);
    }
}
