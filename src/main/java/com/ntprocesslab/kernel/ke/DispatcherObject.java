package com.ntprocesslab.kernel.ke;

/**
 * DISPATCHER_HEADER: what makes an object waitable (processes, threads, events). The
 * object manager's objects begin with it, so the dispatcher can wait on and signal them
 * without knowing the object header around it.
 */
public abstract class DispatcherObject {
    /** DISPATCHER_HEADER.SignalState. */
    public boolean signaled;
}
