package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How an XP SP3 system call enters the kernel. ntdll!NtX is {@code mov eax, <service>;
 * mov edx, 7FFE0300h; call dword ptr [edx]; ret N}: SharedUserData!SystemCall (0x7ffe0300)
 * holds the address of ntdll!KiFastSystemCall ({@code mov edx, esp; sysenter}), whose SYSENTER
 * lands in nt!KiFastCallEntry, which calls the service eax names; the return to user mode
 * (SYSEXIT) comes back to ntdll!KiFastSystemCallRet ({@code ret}), the instruction after the
 * sysenter, whose address SharedUserData!SystemCallReturn (0x7ffe0304) holds. A kernel stack of
 * a system call on XP therefore reads nt!NtX, nt!KiFastCallEntry+0xf8,
 * ntdll!KiFastSystemCallRet, ntdll!NtX+0xc, the caller.
 *
 * <p>It lives with csrss's code because csrss's own LPC stubs ({@link CsrApiRequests}) take
 * this path as much as the win32 layer's stubs do.
 */
public final class FastSystemCall {
    public static final String KI_FAST_SYSTEM_CALL = "ntdll!KiFastSystemCall";
    public static final String KI_FAST_SYSTEM_CALL_RET = "ntdll!KiFastSystemCallRet";
    /** ntdll!NtX returns from {@code call dword ptr [edx]} at +0xc: mov eax (5 bytes), mov edx (5), call [edx] (2). */
    public static final int STUB_RETURN = 0xc;
    /** KiFastSystemCallRet follows KiFastSystemCall's {@code mov edx, esp} (2 bytes) and {@code sysenter} (2). */
    public static final int SYSENTER_RETURN = 0x4;
    /**
     * Where XP SP3's KiFastCallEntry returns from its {@code call ebx} to the service: the
     * +0xf8 of public XP kernel stacks of system calls (Zhang Yinkui, Software Debugging,
     * listing 4-11: nt!NtCreateProcess, nt!KiFastCallEntry+0xf8, ntdll!KiFastSystemCallRet,
     * ntdll!NtCreateProcess+0xc).
     */
    public static final int KI_FAST_CALL_ENTRY_RETURN = 0xf8;

    /** The service each stub loads into eax, as KiFastCallEntry finds it in KiServiceTable: code, not machine state. */
    private static final Map<Routine, Routine> SERVICE_OF_STUB = new ConcurrentHashMap<>();
    /** ntdll!KiFastSystemCall, one per creation phase, so a stop inside it belongs to its caller's phase. */
    private static final Map<Integer, Routine> OF_PHASE = new ConcurrentHashMap<>();

    private FastSystemCall() {
    }

    /**
     * ntdll!{@code name}: {@code call dword ptr [edx]} enters KiFastSystemCall and returns at
     * +0xc, then {@code ret N}; {@code dispatch} is nt!KiFastCallEntry calling the service.
     */
    public static Routine stub(String name, Routine dispatch, int phase) {
        Routine stub = Subsystems.win32Routine(name).stage(phase).call(kiFastSystemCall(phase)).returnAt(STUB_RETURN)
                .stage(0).returnCalleeStatus().build();
        SERVICE_OF_STUB.put(stub, dispatch);
        return stub;
    }

    /** The stub of an LPC port service (csrss's calls): KiFastCallEntry calls it and returns its status. */
    static Routine portStub(Routine service) {
        Routine dispatch = Subsystems.win32Routine("nt!KiFastCallEntry").call(service).returnAt(KI_FAST_CALL_ENTRY_RETURN)
                .returnCalleeStatus().build();
        return stub("ntdll!" + service.symbol().substring(service.symbol().indexOf('!') + 1), dispatch, 0);
    }

    /** What the symbol table needs from here: ntdll!KiFastSystemCall, whose code holds KiFastSystemCallRet. */
    public static List<Routine> routines() {
        return List.of(kiFastSystemCall(0));
    }

    /**
     * ntdll!KiFastSystemCall: {@code mov edx, esp; sysenter} enters nt!KiFastCallEntry for the
     * service the calling stub put in eax; SYSEXIT comes back to KiFastSystemCallRet, whose
     * {@code ret} returns into the stub with the service's status.
     */
    private static Routine kiFastSystemCall(int phase) {
        return OF_PHASE.computeIfAbsent(phase, p -> Subsystems.win32Routine(KI_FAST_SYSTEM_CALL).schedulingNeutral().stage(p)
                .step("nt!KiFastCallEntry", (k, t, f) -> StepResult.call(serviceOfCaller(t), f.args))
                .returnAt(SYSENTER_RETURN, KI_FAST_SYSTEM_CALL_RET)
                .stage(0).returnCalleeStatus()
                .build());
    }

    /** eax at the sysenter: the service of the stub that called KiFastSystemCall (the frame below it). */
    private static Routine serviceOfCaller(EThread t) {
        List<Frame> frames = t.frames;
        Routine caller = frames.size() < 2 ? null : frames.get(frames.size() - 2).routine;
        Routine dispatch = caller == null ? null : SERVICE_OF_STUB.get(caller);
        if (dispatch == null) {
            throw new IllegalStateException(KI_FAST_SYSTEM_CALL + " called by " + caller + ", which is no system-call stub");
        }
        return dispatch;
    }
}
