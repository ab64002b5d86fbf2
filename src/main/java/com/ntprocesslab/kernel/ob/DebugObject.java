package com.ntprocesslab.kernel.ob;

/**
 * DEBUG_OBJECT (DbgkDebugObjectType): what DbgUiConnectToDbg creates for a debugger thread
 * (NtCreateDebugObject) and a process created with DEBUG_PROCESS gets as its DebugPort. Its
 * EventList holds the debug events the debuggee's threads queued (DbgkpQueueMessage); the
 * object is signalled (EventsPresent) while one is not yet read.
 */
public final class DebugObject extends KernelObject {
    /** DEBUG_ALL_ACCESS (0x1F000F): what NtCreateDebugObject's handle grants. */
    public static final long DEBUG_ALL_ACCESS = 0x1F000FL;
    /** DEBUG_PROCESS_ASSIGN: what PspCreateProcess needs of the DebugPort handle (seed 003: access 2). */
    public static final long DEBUG_PROCESS_ASSIGN = 0x2L;
    /** DEBUG_KILL_ON_CLOSE (1), NtCreateDebugObject's only flag: DEBUG_ONLY_THIS_PROCESS or not, DbgUiConnectToDbg asks for it. */
    public static final long DEBUG_KILL_ON_CLOSE = 0x1L;
    /** The object's DEBUG_KILL_ON_CLOSE flag, as NtCreateDebugObject set it. */
    public boolean killOnClose;
    /** DEBUG_READ_EVENT: what NtWaitForDebugEvent needs of the handle. */
    public static final long DEBUG_READ_EVENT = 0x1;
    /** EventList, oldest first. */
    public final java.util.List<DebugEvent> events = new java.util.ArrayList<>();

    /** EventsPresent: set while an event waits to be read. */
    public void updateEventsPresent() {
        signaled = events.stream().anyMatch(e -> !e.read);
    }

    public DebugObject() {
        super(ObjectType.DebugObject);
    }
}
