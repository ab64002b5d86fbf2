package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.ps.Executive;

/**
 * The Process and Thread types' OpenProcedure, which ObpIncrementHandleCountEx calls for every
 * new handle (create, open, duplicate, inherit alike) with the granted access to adjust:
 * PspProcessOpen adds PROCESS_QUERY_LIMITED_INFORMATION to PROCESS_QUERY_INFORMATION and
 * PROCESS_SET_LIMITED_INFORMATION to PROCESS_SET_INFORMATION, PspThreadOpen adds
 * THREAD_QUERY_LIMITED_INFORMATION to THREAD_QUERY_INFORMATION and
 * THREAD_SET_LIMITED_INFORMATION to THREAD_SET_INFORMATION (Windows 10 ntoskrnl, PspProcessOpen
 * / PspThreadOpen; Microsoft Learn, Process Security and Access Rights: "A handle that has the
 * PROCESS_QUERY_INFORMATION access right is automatically granted
 * PROCESS_QUERY_LIMITED_INFORMATION", Thread Security and Access Rights likewise). Windows XP has
 * no limited rights and its types no such procedure (WRK ps/psinit.c sets no OpenProcedure).
 * The protected-process checks of the same routines are not modelled (no protected processes).
 */
final class OpenProcedures {
    private OpenProcedures() {
    }

    /** The access a new handle to {@code object} is granted, given what the access check granted. */
    static long grantedAccess(Executive kernel, KernelObject object, long access) {
        if (kernel.profile != Profile.MODERN) {
            return access;
        }
        if (object.type == ObjectType.Process) {
            return PspProcessOpen(access);
        }
        if (object.type == ObjectType.Thread) {
            return PspThreadOpen(access);
        }
        return access;
    }

    static long PspProcessOpen(long access) {
        long granted = access;
        if ((access & AccessMask.PROCESS_QUERY_INFORMATION) != 0) {
            granted |= AccessMask.PROCESS_QUERY_LIMITED_INFORMATION;
        }
        if ((access & AccessMask.PROCESS_SET_INFORMATION) != 0) {
            granted |= AccessMask.PROCESS_SET_LIMITED_INFORMATION;
        }
        return granted;
    }

    static long PspThreadOpen(long access) {
        long granted = access;
        if ((access & AccessMask.THREAD_QUERY_INFORMATION) != 0) {
            granted |= AccessMask.THREAD_QUERY_LIMITED_INFORMATION;
        }
        if ((access & AccessMask.THREAD_SET_INFORMATION) != 0) {
            granted |= AccessMask.THREAD_SET_LIMITED_INFORMATION;
        }
        return granted;
    }
}
