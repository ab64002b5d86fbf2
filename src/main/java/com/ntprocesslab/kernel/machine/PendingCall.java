package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.ke.DispatcherObject;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.UserApcs;
import com.ntprocesslab.kernel.win32.ApiCall;

/**
 * A .call in progress: a user APC queued to {@code thread}, whose alertable wait it interrupts;
 * the API runs from ntdll!KiUserApcDispatcher. It is pending until the API has returned to the
 * APC's dispatch routine (or the thread ended); the thread then goes on by itself: NtContinue
 * back into its wait, which returns WAIT_IO_COMPLETION to the program, which waits again.
 * {@code baseDepth} is the thread's frame count when the call was made (the wait's frames).
 */
public record PendingCall(EThread thread, int baseDepth, ApiCall call,
                          KThreadState priorState, KWaitReason priorWaitReason, DispatcherObject priorWaitObject,
                          UserApcs.UserApcContext apc) {

    public boolean finished() {
        return thread.terminated() || apc.returned();
    }
}
