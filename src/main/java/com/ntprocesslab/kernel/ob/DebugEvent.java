package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.ke.DispatcherObject;

/**
 * DEBUG_EVENT of WRK dbgk/dbgkobj.c: one message a debuggee thread queued on its process's
 * debug object (DbgkpQueueMessage). The thread waits on the event's ContinueEvent (this
 * object's signal state) until the debugger answers with NtDebugContinue.
 */
public final class DebugEvent extends DispatcherObject {
    /** DEBUG_EVENT codes of winbase.h (dwDebugEventCode). */
    public static final int CREATE_THREAD_DEBUG_EVENT = 2;
    public static final int CREATE_PROCESS_DEBUG_EVENT = 3;
    public static final int LOAD_DLL_DEBUG_EVENT = 6;

    public final int code;
    public final long processId;
    public final long threadId;
    /** Queued on the debug object (DbgkpQueueMessage ran); a retried wait does not queue it twice. */
    public boolean queued;
    /** DEBUG_EVENT_READ: NtWaitForDebugEvent handed it to the debugger. */
    public boolean read;

    public DebugEvent(int code, long processId, long threadId) {
        this.code = code;
        this.processId = processId;
        this.threadId = threadId;
    }

    public static String name(long code) {
        return switch ((int) code) {
            case CREATE_THREAD_DEBUG_EVENT -> "CREATE_THREAD_DEBUG_EVENT";
            case CREATE_PROCESS_DEBUG_EVENT -> "CREATE_PROCESS_DEBUG_EVENT";
            case LOAD_DLL_DEBUG_EVENT -> "LOAD_DLL_DEBUG_EVENT";
            default -> "0x" + Long.toHexString(code);
        };
    }
}
