package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.ke.DispatcherObject;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.ApiCall;

/**
 * A .call in progress: its frames sit above {@code baseDepth} on {@code thread}. It is
 * pending while stopped between steps or blocked in a wait; it completes when the frames
 * unwind, and the thread then returns to what it was doing before.
 */
public record PendingCall(EThread thread, int baseDepth, ApiCall call,
                          KThreadState priorState, KWaitReason priorWaitReason, DispatcherObject priorWaitObject) {

    public boolean finished() {
        return thread.terminated() || thread.frames.size() <= baseDepth;
    }
}
