package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.ob.DuplicateArgs;

/**
 * StuffStdHandle(ProcessHandle, StandardHandle, Address): the new process, one of the caller's
 * std handles, and where in the new process's RTL_USER_PROCESS_PARAMETERS its copy goes; the
 * NtDuplicateObject call while it runs.
 */
public final class StdHandleArgs {
    public final long processHandle;
    public final long standardHandle;
    public final long address;
    public DuplicateArgs duplicate;

    StdHandleArgs(long processHandle, long standardHandle, long address) {
        this.processHandle = processHandle;
        this.standardHandle = standardHandle;
        this.address = address;
    }
}
