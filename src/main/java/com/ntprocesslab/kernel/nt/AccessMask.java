package com.ntprocesslab.kernel.nt;

/** Access masks from the SDK headers (winnt.h): what a handle may be used for. */
public final class AccessMask {
    public static final long PROCESS_TERMINATE = 0x0001;
    public static final long PROCESS_CREATE_THREAD = 0x0002;
    public static final long PROCESS_VM_OPERATION = 0x0008;
    public static final long PROCESS_VM_READ = 0x0010;
    public static final long PROCESS_VM_WRITE = 0x0020;
    public static final long PROCESS_DUP_HANDLE = 0x0040;
    public static final long PROCESS_CREATE_PROCESS = 0x0080;
    public static final long PROCESS_SET_QUOTA = 0x0100;
    public static final long PROCESS_SET_INFORMATION = 0x0200;
    public static final long PROCESS_QUERY_INFORMATION = 0x0400;
    public static final long PROCESS_SUSPEND_RESUME = 0x0800;
    public static final long PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
    public static final long SYNCHRONIZE = 0x00100000;
    public static final long PROCESS_ALL_ACCESS = 0x001FFFFF;
    /** Windows XP's PROCESS_ALL_ACCESS: what its CreateProcessW asks of NtCreateProcessEx. */
    public static final long PROCESS_ALL_ACCESS_XP = 0x001F0FFF;
    public static final long THREAD_TERMINATE = 0x0001;
    public static final long THREAD_SUSPEND_RESUME = 0x0002;
    public static final long THREAD_SET_INFORMATION = 0x0020;
    public static final long THREAD_QUERY_INFORMATION = 0x0040;
    /** From Vista on (winnt.h): what GetExitCodeThread/GetThreadPriority and SetThreadPriority need at least. */
    public static final long THREAD_SET_LIMITED_INFORMATION = 0x0400;
    public static final long THREAD_QUERY_LIMITED_INFORMATION = 0x0800;
    public static final long THREAD_ALL_ACCESS = 0x001FFFFF;
    /** Windows XP's THREAD_ALL_ACCESS: what its CreateProcessW asks of NtCreateThread. */
    public static final long THREAD_ALL_ACCESS_XP = 0x001F03FF;
    public static final long EVENT_ALL_ACCESS = 0x001F0003;
    public static final long TOKEN_ALL_ACCESS = 0x000F01FF;
    public static final long KEY_READ = 0x00020019;

    private AccessMask() {
    }
}
