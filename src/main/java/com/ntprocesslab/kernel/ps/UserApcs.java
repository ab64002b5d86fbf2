package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import java.util.List;

/**
 * User-mode APCs, the kernel's part: queueing one (NtQueueApcThread -> KeInsertQueueApc), handing
 * it to user mode on the way out of a system service (KiDeliverApc -> KiInitializeUserApc) and
 * resuming the interrupted context afterwards (NtContinue). The user-mode part is ntdll's
 * KiUserApcDispatcher (win32's ApcDispatch).
 */
public final class UserApcs {
    private UserApcs() {
    }

    /**
     * Why a user APC queued to {@code t} now would not run soon, or null when it would: it runs
     * only where the thread waits alertably in user mode (Microsoft Learn, "Asynchronous
     * Procedure Calls": a user-mode APC is delivered when the thread enters an alertable state).
     */
    public static String whyNotDeliverable(EThread t) {
        if (t.systemThread) {
            return "it is a system thread, which never runs in user mode";
        }
        if (t.tcb.state != KThreadState.Waiting) {
            return "it is " + t.tcb.state.name().toLowerCase(java.util.Locale.ROOT) + ", not waiting";
        }
        if (t.tcb.suspendCount > 0 || t.tcb.waitReason == KWaitReason.Suspended) {
            return "it is suspended";
        }
        if (!t.tcb.alertable || t.tcb.waitReason != KWaitReason.UserRequest) {
            return "it waits non-alertably, WAIT: (" + (t.tcb.waitReason == null ? "Executive" : t.tcb.waitReason) + ")";
        }
        return null;
    }

    /**
     * KeInsertQueueApc for a user-mode APC (WRK ke/apcsup.c KiInsertQueueApc): the KAPC joins the
     * thread's user APC list; a thread in an alertable user-mode wait gets UserApcPending and is
     * unwaited (KiUnwaitThread with STATUS_USER_APC: its wait step, retried, returns that status).
     */
    public static void KeInsertQueueApc(Executive k, EThread t, Apc apc) {
        t.tcb.userApcQueue.add(apc);
        if (t.tcb.state == KThreadState.Waiting && t.tcb.alertable && t.tcb.suspendCount == 0) {
            t.tcb.userApcPending = true;
            k.scheduler.ready(t);
        }
    }

    /**
     * A user APC's argument block and, once KiInitializeUserApc has run, the interrupted
     * user-mode context it saved (a CONTEXT record on the user stack): the frame of the
     * system-call stub the thread returns to and the service's status it returns with.
     * {@code returned} is set when the APC's routine has returned to the dispatch routine.
     */
    public static final class UserApcContext {
        // not public fields: kb shows a frame's public numbers as its arguments, and these are the kernel's record
        /** What the NormalRoutine is called with (here: the API a .call names). */
        private final Object argument;
        private int resumeDepth = -1;
        private long status;
        private boolean returned;

        public UserApcContext(Object argument) {
            this.argument = argument;
        }

        public Object argument() {
            return argument;
        }

        /** Whether KiInitializeUserApc has sent the thread to user mode with this APC. */
        public boolean delivered() {
            return resumeDepth >= 0;
        }

        /** The APC's routine has returned to the dispatch routine. */
        public void markReturned() {
            returned = true;
        }

        public boolean returned() {
            return returned;
        }
    }

    /**
     * The end of a system service (KiSystemServiceExit / x86 KiServiceExit), run by the service
     * dispatcher frame {@code serviceExit} with the service's {@code status}: with UserApcPending
     * set, KiDeliverApc(UserMode) takes the first user APC off the list, clears UserApcPending,
     * and KiInitializeUserApc saves the interrupted context and points the trap frame at ntdll's
     * {@code dispatcher} (KeUserApcDispatcher), so the return to user mode enters it instead of
     * the stub (WRK ke/apcsup.c KiDeliverApc, ke/amd64/apcuser.c KiInitializeUserApc; ReactOS
     * ntoskrnl/ke/apc.c). Without a pending user APC the service returns as usual.
     */
    public static StepResult serviceExit(EThread t, Frame serviceExit, long status, Routine dispatcher) {
        if (!t.tcb.userApcPending || t.tcb.userApcQueue.isEmpty() || t.top() != serviceExit) {
            return StepResult.ret(status);
        }
        t.tcb.userApcPending = false;
        Apc apc = t.tcb.userApcQueue.remove(0);
        UserApcContext context = (UserApcContext) apc.argument();
        List<Frame> frames = t.frames;
        frames.remove(frames.size() - 1);
        context.resumeDepth = frames.size() - 1;
        context.status = status;
        frames.add(Frame.entered(dispatcher, context));
        // the step's own frame is gone: the engine advances nothing
        return StepResult.next();
    }

    /**
     * NtContinue(Context, TestAlert) for the context KiInitializeUserApc saved: KiContinue copies
     * it back into the trap frame, so the thread returns from the interrupted system call with
     * that call's status (STATUS_USER_APC for the alertable wait); nothing above it on the stack
     * remains (WRK ke/amd64/trap.asm, ps/psctx.c NtContinue; ReactOS ke/except.c KiContinue).
     */
    public static final Routine NtContinue = Executive.routine("nt!NtContinue")
            .step("nt!KiContinue", (k, t, f) -> {
                UserApcContext context = f.args(UserApcContext.class);
                List<Frame> frames = t.frames;
                if (!context.delivered() || context.resumeDepth >= frames.size()) {
                    throw new IllegalStateException("NtContinue without the context KiInitializeUserApc saved");
                }
                frames.subList(context.resumeDepth + 1, frames.size()).clear();
                Frame stub = frames.get(context.resumeDepth);
                stub.calleeStatus = context.status;
                stub.pc++;
                return StepResult.next();
            })
            .build();
}
