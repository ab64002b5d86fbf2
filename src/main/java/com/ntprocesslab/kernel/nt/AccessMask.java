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
    /** From Windows 8 on (winnt.h): what SetProcessInformation's limited classes need; PROCESS_SET_INFORMATION implies it. */
    public static final long PROCESS_SET_LIMITED_INFORMATION = 0x2000;
    public static final long SYNCHRONIZE = 0x00100000;
    /** The SACL right (winnt.h): outside every type's ValidAccessMask, granted only with SeSecurityPrivilege. */
    public static final long ACCESS_SYSTEM_SECURITY = 0x01000000;
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
    public static final long GENERIC_READ = 0x80000000L;
    public static final long GENERIC_WRITE = 0x40000000L;
    public static final long GENERIC_EXECUTE = 0x20000000L;
    public static final long GENERIC_ALL = 0x10000000L;
    private static final long READ_CONTROL = 0x00020000;

    /**
     * RtlMapGenericMask with the Process type's GENERIC_MAPPING (WRK base/ntos/ps/psinit.c,
     * PspProcessMapping): read = STANDARD_RIGHTS_READ|VM_READ|QUERY_INFORMATION, write =
     * STANDARD_RIGHTS_WRITE|CREATE_PROCESS|CREATE_THREAD|VM_OPERATION|VM_WRITE|DUP_HANDLE|
     * TERMINATE|SET_QUOTA|SET_INFORMATION|SET_PORT (0x800, SUSPEND_RESUME from Vista on),
     * execute = STANDARD_RIGHTS_EXECUTE|SYNCHRONIZE, all = the version's PROCESS_ALL_ACCESS.
     * The generic bits themselves are cleared, as RtlMapGenericMask does.
     */
    public static long mapProcessGeneric(long access, boolean xp) {
        long mapped = access & ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
        if ((access & GENERIC_READ) != 0) {
            mapped |= READ_CONTROL | PROCESS_VM_READ | PROCESS_QUERY_INFORMATION;
        }
        if ((access & GENERIC_WRITE) != 0) {
            mapped |= READ_CONTROL | PROCESS_CREATE_PROCESS | PROCESS_CREATE_THREAD | PROCESS_VM_OPERATION | PROCESS_VM_WRITE
                    | PROCESS_DUP_HANDLE | PROCESS_TERMINATE | PROCESS_SET_QUOTA | PROCESS_SET_INFORMATION | PROCESS_SUSPEND_RESUME;
        }
        if ((access & GENERIC_EXECUTE) != 0) {
            mapped |= READ_CONTROL | SYNCHRONIZE;
        }
        if ((access & GENERIC_ALL) != 0) {
            mapped |= xp ? PROCESS_ALL_ACCESS_XP : PROCESS_ALL_ACCESS;
        }
        return mapped;
    }

    private AccessMask() {
    }
}
