package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.ExecutionThread;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.ke.Schedulable;
import com.ntprocesslab.kernel.mm.Teb;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** ETHREAD: the executive thread object, plus the frames the step engine runs on it. */
public final class EThread extends KernelObject implements ExecutionThread, Schedulable {
    public final KThread tcb = new KThread();
    public EProcess process;
    public long uniqueThread;
    public final ListEntry<EThread> threadListEntry = new ListEntry<>(this);
    public long startAddress;
    public long win32StartAddress;
    /**
     * The LPTHREAD_START_ROUTINE of a thread CreateThread/CreateRemoteThread made: the name of
     * a thread procedure of its process's image (null for a process's first thread, which
     * starts at the image's entry point).
     */
    public String startRoutine;
    /** lpParameter of that start routine, where the machine passes one (the shell worker's shortcut path). */
    public String startParameter;
    public long exitStatus = NtStatus.STATUS_PENDING;
    public long createTime;
    public long exitTime;
    public Teb teb;
    public long stackBase;
    public long stackLimit;
    /**
     * The kernel stack KeInitThread allocated (XP: MmCreateKernelStack, 12 KB): its base, the
     * InitialStack below the NPX save area, the KTRAP_FRAME KiInitializeContextThread built
     * under it and the KernelStack (the switch frame that resumes in KiThreadStartup). 0 until
     * KeInitThread ran; the modern machine does not model them.
     */
    public long kernelStackBase;
    public long initialStack;
    public long trapFrame;
    public long kernelStack;
    /** ETHREAD.GrantedAccess: what the thread's own handle may do, from SeAccessCheck in PspCreateThread (XP). */
    public long grantedAccess;
    /** Kernel threads (System) never enter user mode. */
    public boolean systemThread;
    /** Set by a creation's cleanup path: the thread never existed for anyone but its creator. */
    public boolean creationFailed;
    /** True once the scheduler first ran the thread (stage 7 began). */
    public boolean started;
    /** The running thread's own reference, dropped when it terminates. */
    public boolean holdsRunReference;
    /** CrossThreadFlags' Terminated bit: an exit APC was queued to this thread (set once, as ReactOS's PspTerminateThreadByPointer does). */
    public boolean terminationRequested;
    /** The port PspExitThread tells of this thread's end (NtRegisterThreadTerminatePort; csrss's API port for a Win32 thread). */
    public PortObject terminationPort;
    /** Where KeInitThread pointed the first context (null: the modern KiStartUserThread). Code, not state. */
    public com.ntprocesslab.kernel.exec.Routine initialRoutine;
    /** A system thread's StartRoutine, which PspSystemThreadStartup calls (null for a user thread). Code, not state. */
    public com.ntprocesslab.kernel.exec.Routine systemStartRoutine;
    /** Frames of the routines the thread is executing, outermost first. */
    public final List<Frame> frames = new ArrayList<>();

    public EThread() {
        super(ObjectType.Thread);
    }

    @Override
    protected void deleteProcedure(Executive kernel) {
        ProcessDeletion.runThreadDelete(kernel, this);
    }

    @Override
    public com.ntprocesslab.kernel.exec.Routine deleteRoutine() {
        return ProcessDeletion.PspThreadDelete;
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (process != null) {
            sink.accept(process);
        }
        if (holdsRunReference) {
            sink.accept(this);
        }
        if (terminationPort != null) {
            sink.accept(terminationPort);
        }
    }

    @Override
    public KThread tcb() {
        return tcb;
    }

    @Override
    public List<Frame> frames() {
        return frames;
    }

    @Override
    public boolean terminated() {
        return tcb.state == KThreadState.Terminated;
    }

    @Override
    public boolean waiting() {
        return tcb.state == KThreadState.Waiting;
    }

    @Override
    public Frame top() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    @Override
    public String describe() {
        return "thread " + Long.toHexString(uniqueThread) + " of " + (process == null ? "?" : process.imageFileName);
    }
}
