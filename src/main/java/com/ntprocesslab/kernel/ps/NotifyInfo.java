package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.function.Consumer;

/**
 * What a notify routine is called with: PS_CREATE_NOTIFY_INFO for a process routine of the Ex
 * kind (its {@code creationStatus} is the one field a routine may write, to deny the
 * creation), the thread for a thread routine, the image for a load-image routine. The
 * registration services use it too (the routine to add or remove).
 */
public final class NotifyInfo implements HoldsReferences {
    /** The registered routine being called, or the one a PsSet* call adds or removes. */
    public String routine;
    public boolean remove;
    /** PsSetCreateProcessNotifyRoutineEx/Ex2: the routine gets PS_CREATE_NOTIFY_INFO. */
    public boolean extended;
    public int index;

    public EProcess process;
    public EThread thread;
    public long parentProcessId;
    public long processId;
    public long threadId;
    public boolean create;
    public String imageFileName;
    public String commandLine;
    /** PS_CREATE_NOTIFY_INFO.CreationStatus: STATUS_SUCCESS unless a routine denies the creation. */
    public long creationStatus;
    public long imageBase;
    public long imageSize;
    /** The status the routine's caller returns. */
    public long status;

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        // the caller's references keep the process and thread alive; the block holds none
    }
}
