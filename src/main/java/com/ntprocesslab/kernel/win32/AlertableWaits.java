package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.UserApcs;
import java.util.List;

/**
 * Alertable waits and the user-mode half of a user APC. WaitForSingleObjectEx(h, ms, TRUE)
 * waits alertably; a user APC ends the wait with STATUS_USER_APC, which it returns as
 * WAIT_IO_COMPLETION (0xC0, the same number) without setting the last error (ReactOS
 * dll/win32/kernel32/client/synch.c WaitForSingleObjectEx; Microsoft Learn, WaitForSingleObjectEx).
 * Before that, the kernel sends the thread to ntdll!KiUserApcDispatcher, which calls the APC's
 * NormalRoutine and then NtContinue back into the interrupted wait.
 */
public final class AlertableWaits {
    private AlertableWaits() {
    }

    static final Routine WaitForSingleObjectEx = Win32Api.api("KERNELBASE!WaitForSingleObjectEx", Win32Api.NtWaitForSingleObjectStub,
            AlertableWaits::waitArgs, Win32Api::waitResult);
    static final Routine WaitForSingleObjectExClassic = Win32Api.api("kernel32!WaitForSingleObjectEx", Kernel32Api.NtWaitForSingleObjectStub,
            AlertableWaits::waitArgs, Win32Api::waitResult);

    private static NtArgs waitArgs(ApiCall c) {
        NtArgs a = NtArgs.of(c.handle, c.timeout);
        a.alertable = c.alertable;
        return a;
    }

    /**
     * The NormalRoutine QueueUserAPC queues: it calls the caller's PAPCFUNC with its data. Windows
     * 10's QueueUserAPC hands NtQueueApcThread ntdll!RtlDispatchAPC (it exports it; the APC's
     * arguments are the function, its data and an activation context); XP's kernel32 queues its own
     * kernel32!BaseDispatchAPC (windows/base/client/thread.c; ReactOS kernel32 BaseDispatchApc).
     * Here the function is the API a .call names, with the call's arguments as its data.
     */
    private static Routine dispatchApc(String symbol) {
        return Subsystems.win32Routine(symbol)
                .inline((k, t, f) -> {
                    ApiCall call = (ApiCall) f.args(UserApcs.UserApcContext.class).argument();
                    return StepResult.call(call.spec.entryFor(k.profile), call);
                })
                .inline((k, t, f) -> {
                    f.args(UserApcs.UserApcContext.class).markReturned();
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    static final Routine RtlDispatchAPC = dispatchApc("ntdll!RtlDispatchAPC");
    static final Routine BaseDispatchAPC = dispatchApc("kernel32!BaseDispatchAPC");

    static final Routine NtContinueStub = Syscalls.stub(UserApcs.NtContinue, 0);
    static final Routine NtContinueClassicStub = Syscalls.classicStub(UserApcs.NtContinue, 0);

    /**
     * ntdll!KiUserApcDispatcher, where KiInitializeUserApc sends the thread: it calls the
     * NormalRoutine in the CONTEXT record the kernel built, then NtContinue(Context, TRUE) with that
     * record, which returns the thread to the interrupted system call (ReactOS
     * dll/ntdll/dispatch/amd64/dispatch.S and i386/dispatch.S KiUserApcDispatcher). XP's one
     * routine also starts every thread (the LdrInitializeThunk APC, {@link ClassicNtdll}); this is
     * the same code taking the other NormalRoutine.
     */
    private static Routine kiUserApcDispatcher(Routine normalRoutine, Routine ntContinue, int normalRoutineReturn) {
        Routine.Builder<Subsystems, com.ntprocesslab.kernel.ps.EThread> b = Subsystems.win32Routine("ntdll!KiUserApcDispatcher").call(normalRoutine);
        if (normalRoutineReturn > 0) {
            b.returnAt(normalRoutineReturn);
        }
        return b.call(ntContinue, (k, t, f) -> StepResult.call(ntContinue, f.args)).build();
    }

    static final Routine KiUserApcDispatcher = kiUserApcDispatcher(RtlDispatchAPC, NtContinueStub, 0);
    /** The same call sites as ClassicNtdll's: XP's call eax returns to +0x7 (XP stacks show ntdll!KiUserApcDispatcher+0x7). */
    static final Routine KiUserApcDispatcherClassic = kiUserApcDispatcher(BaseDispatchAPC, NtContinueClassicStub, 0x7);

    /** The NormalRoutine a QueueUserAPC of this profile names (the KAPC's routine). */
    public static String dispatchRoutine(Profile profile) {
        return (profile == Profile.CLASSIC ? BaseDispatchAPC : RtlDispatchAPC).symbol();
    }

    /** KeUserApcDispatcher: where a delivered user APC enters user mode on this profile. */
    static Routine userApcDispatcher(Profile profile) {
        return profile == Profile.CLASSIC ? KiUserApcDispatcherClassic : KiUserApcDispatcher;
    }

    /** The routines the symbol table names: the classic KiUserApcDispatcher is ClassicNtdll's (one function). */
    static List<Routine> routines(Profile profile) {
        return profile == Profile.CLASSIC
                ? List.of(WaitForSingleObjectExClassic, BaseDispatchAPC, NtContinueClassicStub)
                : List.of(WaitForSingleObjectEx, RtlDispatchAPC, KiUserApcDispatcher, NtContinueStub, UserApcs.NtContinue);
    }
}
