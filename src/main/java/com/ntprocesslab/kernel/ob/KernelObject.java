package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.ke.DispatcherObject;
import com.ntprocesslab.kernel.ps.Executive;

/**
 * The object header every executive object carries (OBJECT_HEADER): type, pointer count,
 * handle count, name; the dispatcher header (signal state) it extends is ke's.
 */
public abstract class KernelObject extends DispatcherObject {
    public final ObjectType type;
    public long address;
    public long pointerCount;
    public long handleCount;
    public String name;
    /** Kept alive by the system itself (the System process, boot-time objects). */
    public boolean permanent;
    public boolean deleted;

    protected KernelObject(ObjectType type) {
        this.type = type;
    }

    /**
     * The type's delete procedure (PspProcessDelete, PspThreadDelete ...), run when both
     * counts reach zero. It releases whatever the object references.
     */
    protected void deleteProcedure(Executive kernel) {
    }

    /**
     * The delete procedure as a routine of steps, which a last dereference by NtClose runs on
     * the closing thread; null when the type's delete procedure has no steps.
     */
    public com.ntprocesslab.kernel.exec.Routine deleteRoutine() {
        return null;
    }

    /** Objects this one holds a pointer reference on, for the invariant checker. */
    public void forEachReference(java.util.function.Consumer<KernelObject> sink) {
    }

    public String describe() {
        return type + (name == null ? "" : " " + name);
    }

    void runDeleteProcedure(Executive kernel) {
        deleteProcedure(kernel);
    }
}
