package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EThread;

/** SetLastError / BaseSetLastNTError: the error lives in the calling thread's TEB. */
public final class LastError {
    private LastError() {
    }

    public static void set(EThread thread, ApiCall call, long error) {
        if (thread.teb != null) {
            thread.teb.lastErrorValue = error;
        }
        call.lastError = error;
    }

    public static void BaseSetLastNTError(EThread thread, ApiCall call, long status) {
        if (thread.teb != null) {
            thread.teb.lastStatusValue = status;
        }
        call.status = status;
        set(thread, call, NtStatus.toDosError(status));
    }

    /** Copies the TEB's current value into the result (GetLastError after the call). */
    public static void capture(EThread thread, ApiCall call) {
        call.lastError = thread.teb != null ? thread.teb.lastErrorValue : call.lastError;
    }
}
