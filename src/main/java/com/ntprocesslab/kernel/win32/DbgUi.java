package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ps.DebugEvents;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;

/**
 * ntdll's debugger side (ReactOS dll/ntdll/dbg/dbgui.c): the debug object of a debugger
 * thread lives in its TEB (DbgSsReserved[1]); DbgUiConnectToDbg creates it once
 * (NtCreateDebugObject), DbgUiGetThreadDebugObject reads it back.
 */
final class DbgUi {
    private DbgUi() {
    }

    static final Routine NtCreateDebugObjectStub = Syscalls.stub(DebugEvents.NtCreateDebugObject, 1);
    static final Routine NtCreateDebugObjectClassicStub = Syscalls.classicStub(DebugEvents.NtCreateDebugObject, 1);
    static final Routine DbgUiConnectToDbg = connectToDbg(NtCreateDebugObjectStub);
    static final Routine DbgUiConnectToDbgClassic = connectToDbg(NtCreateDebugObjectClassicStub);

    static boolean debugFlags(long flags) {
        return (flags & (CreationFlags.DEBUG_PROCESS | CreationFlags.DEBUG_ONLY_THIS_PROCESS)) != 0;
    }

    /**
     * DbgUiConnectToDbg: a thread whose TEB already holds a debug object keeps it; otherwise
     * NtCreateDebugObject(&DbgSsReserved[1], DEBUG_ALL_ACCESS, NULL attributes, DEBUG_KILL_ON_CLOSE)
     * creates one and the handle goes into the TEB (ReactOS dbgui.c; seed 003's
     * DbgUiGetThreadDebugObject reads it at TEB+0xF24).
     */
    private static Routine connectToDbg(Routine createDebugObjectStub) {
        return Subsystems.win32Routine("ntdll!DbgUiConnectToDbg").stage(1)
                .inline((k, t, f) -> t.teb.debugObjectHandle != 0 ? ret(NtStatus.STATUS_SUCCESS) : next())
                .call(createDebugObjectStub)
                .inline((k, t, f) -> {
                    if (NtStatus.success(f.calleeStatus)) {
                        t.teb.debugObjectHandle = f.args(NtArgs.class).out;
                    }
                    return ret(f.calleeStatus);
                })
                .build();
    }

    /**
     * The creation's call of DbgUiConnectToDbg, which takes no arguments: its frame holds
     * NtCreateDebugObject's (DEBUG_ALL_ACCESS, DEBUG_KILL_ON_CLOSE), whose handle it keeps.
     */
    static StepResult callConnectToDbg(Routine connectToDbg) {
        NtArgs a = NtArgs.of(0, DebugObject.DEBUG_KILL_ON_CLOSE);
        a.access = DebugObject.DEBUG_ALL_ACCESS;
        return StepResult.call(connectToDbg, a);
    }

    /** DbgUiGetThreadDebugObject: the creation hands the thread's debug object to the kernel. */
    static StepResult DbgUiGetThreadDebugObject(Subsystems k, EThread t, Frame f) {
        f.args(CreateProcessContext.class).debugPortHandle = t.teb.debugObjectHandle;
        return next();
    }
}
