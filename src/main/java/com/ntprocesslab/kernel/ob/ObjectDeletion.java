package com.ntprocesslab.kernel.ob;

import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;

/**
 * The last dereference as steps (WRK ob/obref.c): ObfDereferenceObject drops the pointer
 * count; at zero, with no handle left, ObpRemoveObjectRoutine calls the type's
 * DeleteProcedure and ObpFreeObject gives the body back to its pool. Only types whose delete
 * procedure is a routine (Process, Thread) come here; the frame's NtArgs carries the object.
 */
public final class ObjectDeletion {
    private ObjectDeletion() {
    }

    /** The object whose DeleteProcedure runs on this frame's thread (pointer and handle counts are zero). */
    public static <O> O deleting(Frame f, Class<O> type) {
        return type.cast(f.args(NtArgs.class).deleting);
    }

    static final Routine ObpRemoveObjectRoutine = Executive.routine("nt!ObpRemoveObjectRoutine")
            // the DeleteProcedure of the object's type (ObjectType->TypeInfo.DeleteProcedure)
            .inline((k, t, f) -> StepResult.call(deleting(f, KernelObject.class).deleteRoutine(), f.args))
            .step("nt!ObpFreeObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                ObjectManager.ObpFreeObject(k, a.deleting);
                a.deleting = null;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * Drops the reference the argument block holds. Not the last one, or a type without a
     * stepped delete procedure: done at once. The last: the counts are zero and the object is
     * marked deleted while its delete procedure runs (WRK does not defer at PASSIVE_LEVEL).
     */
    public static final Routine ObfDereferenceObject = Executive.routine("nt!ObfDereferenceObject")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                KernelObject object = a.referenced;
                a.referenced = null;
                if (!ObjectManager.lastReferenceDeletesInSteps(object)) {
                    ObjectManager.ObDereferenceObject(k, object);
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                ObjectManager.ObpBeginDelete(object);
                a.deleting = object;
                return StepResult.call(ObpRemoveObjectRoutine, a);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();
}
