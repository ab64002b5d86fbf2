package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.ps.PspCreateParameters;

/**
 * CreateThread / CreateRemoteThread in flight: the request the native service reads (target
 * process handle, start routine, stack and context on XP) and the ApiCall the results go back to.
 */
public final class CreateThreadContext extends PspCreateParameters {
    public final ApiCall call;

    public CreateThreadContext(ApiCall call, long processHandle) {
        this.call = call;
        this.processHandle = processHandle;
        this.startRoutine = call.startRoutine;
        this.startParameter = call.startParameter;
    }
}
