package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The argument block of a native system service (handle, numbers, an output slot). */
public final class NtArgs implements HoldsReferences {
    public long handle;
    public long value;
    public long access;
    public long out;
    /** The ULONG an information service sets (NtSetInformationProcess); {@code value} is its class. */
    public long information;
    /** OBJ_* handle attributes of the handle a service creates (OBJ_INHERIT: 0x2). */
    public long attributes;
    /** An object the service referenced and has not released yet. */
    public KernelObject referenced;
    /**
     * The object whose delete procedure runs on this frame (ObpRemoveObjectRoutine): its counts
     * are zero, so this is not a reference.
     */
    public KernelObject deleting;
    /** DBGUI_WAIT_STATE_CHANGE: the debug event NtWaitForDebugEvent handed out. */
    public com.ntprocesslab.kernel.ob.DebugEvent stateChange;
    /** Threads still to terminate, in order (NtTerminateProcess). */
    public final List<EThread> targets = new ArrayList<>();
    public int index;
    /** The account a logon service creates a token for (NtCreateToken). */
    public String user;
    /** A name argument: NtLoadDriver's DriverServiceName. */
    public String name;
    /** The work item a service queued and waits for (NtLoadDriver's load packet). */
    public Object load;
    /** A wait service's Alertable argument (NtWaitForSingleObject): a user APC may end the wait. */
    public boolean alertable;

    public static NtArgs of(long handle, long value) {
        NtArgs args = new NtArgs();
        args.handle = handle;
        args.value = value;
        return args;
    }

    public static NtArgs forUser(String user) {
        NtArgs args = of(0, 0);
        args.user = user;
        return args;
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (referenced != null) {
            sink.accept(referenced);
        }
    }
}
