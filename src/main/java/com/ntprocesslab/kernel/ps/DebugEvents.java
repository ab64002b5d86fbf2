package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.DebugEvent;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * Debug events between a debuggee and its debugger (WRK base/ntos/dbgk/dbgkobj.c, dbgkproc.c;
 * ReactOS ntoskrnl/dbgk/dbgkobj.c): a debuggee thread queues a message on its process's
 * DebugPort and waits until the debugger, having read it with NtWaitForDebugEvent, answers
 * with NtDebugContinue.
 */
public final class DebugEvents {
    /** DBG_CONTINUE, DBG_EXCEPTION_HANDLED, DBG_EXCEPTION_NOT_HANDLED, DBG_TERMINATE_THREAD, DBG_TERMINATE_PROCESS (ntstatus.h). */
    public static final long DBG_CONTINUE = 0x00010002L;
    public static final long DBG_EXCEPTION_NOT_HANDLED = 0x80010001L;
    private static final java.util.Set<Long> CONTINUE_STATUSES = java.util.Set.of(DBG_CONTINUE, 0x00010001L, DBG_EXCEPTION_NOT_HANDLED, 0x40010003L, 0x40010004L);

    private DebugEvents() {
    }

    /**
     * DbgkpSendApiMessage → DbgkpQueueMessage: the event joins the debug object's EventList,
     * EventsPresent is set, and the thread waits on the event's ContinueEvent (WRK waits with
     * KeWaitForSingleObject(Executive, KernelMode)). A process whose port went away sends nothing.
     */
    static final Routine DbgkpSendApiMessage = Executive.routine("nt!DbgkpSendApiMessage")
            .step("nt!DbgkpQueueMessage", (k, t, f) -> {
                DebugEvent event = f.args(DebugEvent.class);
                if (!event.queued) {
                    if (!(t.process.debugPort instanceof DebugObject port)) {
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                    event.queued = true;
                    port.events.add(event);
                    port.updateEventsPresent();
                    k.scheduler.signal(port, k.threads());
                }
                if (!event.signaled) {
                    k.scheduler.waitOn(t, event, KWaitReason.Executive);
                    return StepResult.BLOCK;
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * The debug object behind a DEBUG_READ_EVENT handle. The reference is dropped at once: the
     * handle keeps the object alive while the service reads its events.
     */
    private static ObRef referenceToReadEvents(Executive k, EThread t, long handle) {
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, handle, ObjectType.DebugObject, DebugObject.DEBUG_READ_EVENT);
        if (ref.ok()) {
            ObjectManager.ObDereferenceObject(k, (DebugObject) ref.object());
        }
        return ref;
    }

    /**
     * NtCreateDebugObject(DebugObjectHandle, DesiredAccess, ObjectAttributes, Flags) (WRK
     * dbgk/dbgkobj.c, ReactOS ntoskrnl/dbgk/dbgkobj.c): Flags other than DEBUG_KILL_ON_CLOSE are
     * STATUS_INVALID_PARAMETER; the object of DbgkDebugObjectType is created with that flag and
     * inserted in the caller's handle table. {@code a.access} is DesiredAccess, {@code a.value}
     * Flags, and the handle comes back in {@code a.out}.
     */
    public static final Routine NtCreateDebugObject = Executive.routine("nt!NtCreateDebugObject")
            .step("nt!ObCreateObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if ((a.value & ~DebugObject.DEBUG_KILL_ON_CLOSE) != 0) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                DebugObject debugObject = ObjectManager.ObCreateObject(k, new DebugObject(), null);
                debugObject.killOnClose = (a.value & DebugObject.DEBUG_KILL_ON_CLOSE) != 0;
                a.referenced = debugObject;
                return next();
            })
            .step("nt!ObInsertObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                DebugObject debugObject = (DebugObject) a.referenced;
                a.referenced = null;
                a.out = ObjectManager.ObInsertObject(k, t.process.objectTable, debugObject, a.access, false);
                ObjectManager.ObDereferenceObject(k, debugObject);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * NtWaitForDebugEvent(DebugObjectHandle, Alertable, Timeout, WaitStateChange): the handle
     * needs DEBUG_READ_EVENT; the first event not yet read is marked read and returned; with
     * none, a zero timeout returns STATUS_TIMEOUT, any other waits for EventsPresent.
     */
    public static final Routine NtWaitForDebugEvent = Executive.routine("nt!NtWaitForDebugEvent")
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                ObRef ref = referenceToReadEvents(k, t, a.handle);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                DebugObject debugObject = (DebugObject) ref.object();
                for (DebugEvent event : debugObject.events) {
                    if (!event.read) {
                        event.read = true;
                        debugObject.updateEventsPresent();
                        a.stateChange = event;
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                }
                if (a.value == 0) {
                    return ret(NtStatus.STATUS_TIMEOUT);
                }
                k.scheduler.waitOn(t, debugObject, KWaitReason.UserRequest);
                return StepResult.BLOCK;
            })
            .build();

    /**
     * NtDebugContinue(DebugObjectHandle, ClientId, ContinueStatus): the status must be one of
     * the five DBG_* continue codes, the handle needs DEBUG_READ_EVENT, and the event must be a
     * read one of that process and thread; it leaves the list and DbgkpWakeTarget sets its
     * ContinueEvent. Anything else is STATUS_INVALID_PARAMETER. {@code a.value} is the process
     * ID, {@code a.access} the thread ID, {@code a.information} the status.
     */
    public static final Routine NtDebugContinue = Executive.routine("nt!NtDebugContinue")
            .step("nt!DbgkpWakeTarget", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (!CONTINUE_STATUSES.contains(a.information)) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                ObRef ref = referenceToReadEvents(k, t, a.handle);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                DebugObject debugObject = (DebugObject) ref.object();
                for (DebugEvent event : debugObject.events) {
                    if (event.read && event.processId == a.value && event.threadId == a.access) {
                        debugObject.events.remove(event);
                        debugObject.updateEventsPresent();
                        k.scheduler.signal(event, k.threads());
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                }
                return ret(NtStatus.STATUS_INVALID_PARAMETER);
            })
            .build();
}
