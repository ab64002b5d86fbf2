package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.ApiCall;

/** A .call that blocked in a wait: it completes when its thread's frames unwind to {@code baseDepth}. */
public record PendingCall(EThread thread, int baseDepth, ApiCall call) {
}
