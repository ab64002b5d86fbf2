package com.ntprocesslab.kernel.ob;

import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;

/**
 * The object manager's reference and handle services (ReactOS ob/oblife.c, obref.c,
 * obhandle.c). An object dies exactly when its pointer count and handle count are both zero.
 */
public final class ObjectManager {
    /** NtCurrentProcess() and NtCurrentThread() pseudo handles. */
    public static final long CURRENT_PROCESS = -1;
    public static final long CURRENT_THREAD = -2;
    public static final long DUPLICATE_SAME_ACCESS = 0x2;
    public static final long DUPLICATE_CLOSE_SOURCE = 0x1;
    /** The copy keeps the source handle's attributes (OBJ_INHERIT) instead of HandleAttributes. */
    public static final long DUPLICATE_SAME_ATTRIBUTES = 0x4;

    private ObjectManager() {
    }

    /** Gives the body its address and its creator's reference (pointer count 1, no handle). */
    public static <T extends KernelObject> T ObCreateObject(Executive kernel, T body, String name) {
        Pool pool = Pool.of(body.type);
        body.address = kernel.pools.allocate(pool);
        body.pointerCount = 1;
        body.handleCount = 0;
        body.name = name;
        kernel.objects.put(body.address, body);
        return body;
    }

    /**
     * Creates a handle to the object in {@code table}; the handle owns one pointer reference. Every
     * new handle passes the type's OpenProcedure, which may add implied rights (see {@link OpenProcedures}).
     */
    public static long ObInsertObject(Executive kernel, HandleTable table, KernelObject object, long access, boolean inherit) {
        object.handleCount++;
        object.pointerCount++;
        return table.insert(new HandleEntry(object, OpenProcedures.grantedAccess(kernel, object, access), inherit));
    }

    public static void ObReferenceObject(KernelObject object) {
        object.pointerCount++;
    }

    public static void ObDereferenceObject(Executive kernel, KernelObject object) {
        if (object.pointerCount <= 0) {
            throw new IllegalStateException("Dereference of " + object.describe() + " with no references");
        }
        object.pointerCount--;
        deleteIfUnused(kernel, object);
    }

    /**
     * Resolves a handle of {@code thread}'s process, checks the type and the access the
     * handle grants, and returns the object with a new pointer reference.
     */
    public static ObRef ObReferenceObjectByHandle(Executive kernel, EThread thread, long handle, ObjectType type, long desiredAccess) {
        EProcess process = thread.process;
        if (handle == CURRENT_PROCESS || handle == CURRENT_THREAD) {
            KernelObject self = handle == CURRENT_PROCESS ? process : thread;
            if (type != null && self.type != type) {
                return ObRef.failed(NtStatus.STATUS_OBJECT_TYPE_MISMATCH);
            }
            ObReferenceObject(self);
            return new ObRef(NtStatus.STATUS_SUCCESS, self, 0x1FFFFF);
        }
        HandleTable table = process.objectTable;
        HandleEntry entry = table == null ? null : table.lookup(handle);
        if (entry == null) {
            return ObRef.failed(NtStatus.STATUS_INVALID_HANDLE);
        }
        if (type != null && entry.object().type != type) {
            return ObRef.failed(NtStatus.STATUS_OBJECT_TYPE_MISMATCH);
        }
        if ((entry.grantedAccess() & desiredAccess) != desiredAccess) {
            return ObRef.failed(NtStatus.STATUS_ACCESS_DENIED);
        }
        ObReferenceObject(entry.object());
        return new ObRef(NtStatus.STATUS_SUCCESS, entry.object(), entry.grantedAccess());
    }

    /** Closes a handle of {@code table}: the handle count and its pointer reference drop. */
    public static long NtClose(Executive kernel, HandleTable table, long handle) {
        HandleEntry entry = table == null ? null : table.remove(handle);
        if (entry == null) {
            return NtStatus.STATUS_INVALID_HANDLE;
        }
        KernelObject object = entry.object();
        object.handleCount--;
        object.pointerCount--;
        deleteIfUnused(kernel, object);
        return NtStatus.STATUS_SUCCESS;
    }

    /**
     * ExDestroyHandle and ObpDecrementHandleCount of a close whose pointer reference the
     * caller drops itself (ObjectDeletion.ObfDereferenceObject); null when there is no such handle.
     */
    public static KernelObject ObpCloseHandleTableEntry(HandleTable table, long handle) {
        HandleEntry entry = table == null ? null : table.remove(handle);
        if (entry == null) {
            return null;
        }
        entry.object().handleCount--;
        return entry.object();
    }

    /** Closing this handle drops its object's last reference into a delete procedure that runs as steps. */
    public static boolean closeDeletesInSteps(HandleTable table, long handle) {
        HandleEntry entry = table == null ? null : table.lookup(handle);
        if (entry == null) {
            return false;
        }
        KernelObject object = entry.object();
        return object.deleteRoutine() != null && object.pointerCount == 1 && object.handleCount == 1
                && !object.permanent && !object.deleted;
    }

    /** Copies a handle from one table to another; returns the new handle value. */
    public static long NtDuplicateObject(Executive kernel, HandleTable source, long sourceHandle, HandleTable target, long access, long options) {
        HandleEntry entry = source.lookup(sourceHandle);
        if (entry == null) {
            return -NtStatus.STATUS_INVALID_HANDLE;
        }
        long granted = (options & DUPLICATE_SAME_ACCESS) != 0 ? entry.grantedAccess() : access;
        long handle = ObInsertObject(kernel, target, entry.object(), granted, entry.inherit());
        if ((options & DUPLICATE_CLOSE_SOURCE) != 0) {
            NtClose(kernel, source, sourceHandle);
        }
        return handle;
    }

    /**
     * ExDupHandleTable for ObInitProcess: every OBJ_INHERIT handle of the parent's table appears
     * in the child's at the same value with the same access and still inheritable; each copy is
     * a new handle (HandleCount and PointerCount rise). The slots not copied become the child's
     * free list, highest first (see {@link HandleTable#rebuildFreeListAfterDuplication}).
     */
    public static void ExDupHandleTable(Executive kernel, HandleTable parent, HandleTable child) {
        for (long handle : parent.handles()) {
            HandleEntry entry = parent.lookup(handle);
            if (entry.inherit()) {
                entry.object().handleCount++;
                entry.object().pointerCount++;
                child.insertAt(handle, entry);
            }
        }
        child.rebuildFreeListAfterDuplication(parent);
    }

    /** Closes every handle of a table (ExSweepHandleTable during process rundown). */
    public static void ExSweepHandleTable(Executive kernel, HandleTable table) {
        for (long handle : table.handles()) {
            NtClose(kernel, table, handle);
        }
    }

    private static void deleteIfUnused(Executive kernel, KernelObject object) {
        if (object.pointerCount == 0 && object.handleCount == 0 && !object.permanent && !object.deleted) {
            object.deleted = true;
            object.runDeleteProcedure(kernel);
            ObpFreeObject(kernel, object);
        }
    }

    /**
     * Dropping this one reference deletes the object, and its type's delete procedure runs as
     * a routine (ObjectDeletion): the caller then steps through it instead of dereferencing at once.
     */
    static boolean lastReferenceDeletesInSteps(KernelObject object) {
        return object.deleteRoutine() != null && object.pointerCount == 1 && object.handleCount == 0
                && !object.permanent && !object.deleted;
    }

    /** The last reference goes and the delete procedure is about to run: both counts zero, the object marked deleted. */
    static void ObpBeginDelete(KernelObject object) {
        object.pointerCount = 0;
        object.deleted = true;
    }

    /** The body leaves the object table and goes back to its pool (after the delete procedure). */
    static void ObpFreeObject(Executive kernel, KernelObject object) {
        kernel.objects.remove(object.address);
        kernel.pools.free(Pool.of(object.type), object.address);
    }
}
