package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * ntdll's debugger side (ReactOS dll/ntdll/dbg/dbgui.c): the debug object of a debugger
 * thread lives in its TEB (DbgSsReserved[1]); DbgUiConnectToDbg creates it once
 * (NtCreateDebugObject), DbgUiGetThreadDebugObject reads it back.
 */
final class DbgUi {
    private DbgUi() {
    }

    static boolean debugFlags(long flags) {
        return (flags & (CreationFlags.DEBUG_PROCESS | CreationFlags.DEBUG_ONLY_THIS_PROCESS)) != 0;
    }

    /** DbgUiConnectToDbg: NtCreateDebugObject once per debugger thread; the handle lives in the TEB (DbgSsReserved[1]). */
    static StepResult DbgUiConnectToDbg(Subsystems k, EThread t, Frame f) {
        if (t.teb.debugObjectHandle == 0) {
            DebugObject debugObject = ObjectManager.ObCreateObject(k, new DebugObject(), null);
            t.teb.debugObjectHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, debugObject, DebugObject.DEBUG_ALL_ACCESS, false);
            ObjectManager.ObDereferenceObject(k, debugObject);
        }
        return next();
    }

    /** DbgUiGetThreadDebugObject: the creation hands the thread's debug object to the kernel. */
    static StepResult DbgUiGetThreadDebugObject(Subsystems k, EThread t, Frame f) {
        f.args(CreateProcessContext.class).debugPortHandle = t.teb.debugObjectHandle;
        return next();
    }
}
