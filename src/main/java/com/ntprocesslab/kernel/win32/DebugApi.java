package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.DebugEvent;
import com.ntprocesslab.kernel.ps.DebugEvents;
import com.ntprocesslab.kernel.ps.NtArgs;

/**
 * WaitForDebugEvent and ContinueDebugEvent (ReactOS dll/win32/kernel32/client/debugger.c):
 * both use the calling thread's debug object (DbgUiGetThreadDebugObject, the TEB's
 * DbgSsReserved[1]) through DbgUiWaitStateChange → NtWaitForDebugEvent and DbgUiContinue →
 * NtDebugContinue. A timed-out wait returns FALSE with ERROR_SEM_TIMEOUT; a thread that is no
 * debugger passes a NULL handle and gets ERROR_INVALID_HANDLE.
 */
final class DebugApi {
    private DebugApi() {
    }

    static final Routine NtWaitForDebugEventStub = Syscalls.stub(DebugEvents.NtWaitForDebugEvent, 0);
    static final Routine NtDebugContinueStub = Syscalls.stub(DebugEvents.NtDebugContinue, 0);
    static final Routine NtWaitForDebugEventClassicStub = Syscalls.classicStub(DebugEvents.NtWaitForDebugEvent, 0);
    static final Routine NtDebugContinueClassicStub = Syscalls.classicStub(DebugEvents.NtDebugContinue, 0);

    static final Routine WaitForDebugEvent = waitForDebugEvent("KERNELBASE!WaitForDebugEvent", NtWaitForDebugEventStub);
    static final Routine WaitForDebugEventClassic = waitForDebugEvent("kernel32!WaitForDebugEvent", NtWaitForDebugEventClassicStub);
    static final Routine ContinueDebugEvent = continueDebugEvent("KERNELBASE!ContinueDebugEvent", NtDebugContinueStub);
    static final Routine ContinueDebugEventClassic = continueDebugEvent("kernel32!ContinueDebugEvent", NtDebugContinueClassicStub);

    private static Routine waitForDebugEvent(String symbol, Routine stub) {
        return Win32Api.threadApi(symbol, stub, (call, t) -> NtArgs.of(t.teb == null ? 0 : t.teb.debugObjectHandle, call.timeout),
                (call, a, status, t) -> {
                    if (status == NtStatus.STATUS_SUCCESS) {
                        // DbgUiConvertStateChangeStructure: DEBUG_EVENT's code, process and thread IDs
                        DebugEvent event = a.stateChange;
                        call.returnValue = 1;
                        call.debugEvent = true;
                        call.value = event.code;
                        call.processId = event.processId;
                        call.threadId = event.threadId;
                    } else if (status == NtStatus.STATUS_TIMEOUT) {
                        call.returnValue = 0;
                        LastError.set(t, call, Win32Error.ERROR_SEM_TIMEOUT);
                    } else {
                        call.returnValue = 0;
                        LastError.BaseSetLastNTError(t, call, status);
                    }
                });
    }

    private static Routine continueDebugEvent(String symbol, Routine stub) {
        return Win32Api.threadApi(symbol, stub, (call, t) -> {
            NtArgs a = NtArgs.of(t.teb == null ? 0 : t.teb.debugObjectHandle, call.pid);
            a.access = call.value;
            a.information = call.flags;
            return a;
        }, Win32Api::bool);
    }
}
