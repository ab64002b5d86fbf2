package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DEBUG_PROCESS end to end. Sources: ReactOS kernel32 proc.c (CreateProcessInternalW calls
 * DbgUiConnectToDbg and passes DbgUiGetThreadDebugObject()), ReactOS ntdll dbgui.c (the
 * handle in the TEB's DbgSsReserved[1]), WRK ps/create.c (the DebugPort handle referenced
 * with DEBUG_PROCESS_ASSIGN; DbgkCopyProcessDebugPort otherwise), WRK mm MmCreatePeb
 * (BeingDebugged = DebugPort != NULL), WRK dbgk/dbgkproc.c DbgkCreateThread (the first
 * thread sends the create-process message, then load-dll for ntdll; later threads
 * create-thread), dbgkobj.c DbgkpQueueMessage (the thread waits until continued),
 * NtWaitForDebugEvent (DEBUG_READ_EVENT, first unread event), NtDebugContinue (a read event of
 * that client ID, one of the DBG_* statuses, else STATUS_INVALID_PARAMETER), ReactOS kernel32
 * debugger.c (WaitForDebugEvent's timeout is ERROR_SEM_TIMEOUT).
 */
class DebugEventsTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theDebuggeeWaitsInItsDebugPortUntilTheDebuggerContinues(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String created = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe DEBUG_PROCESS").output();
        assertThat(created).contains("returned TRUE");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread debugger = explorer.threadListHead.owners().get(0);
        EThread debuggee = notepad.threadListHead.owners().get(0);
        long pid = notepad.uniqueProcessId;
        long tid = debuggee.uniqueThread;

        // the debugger thread's debug object is the new process's DebugPort; the PEB says so
        assertThat(debugger.teb.debugObjectHandle).isNotZero();
        assertThat(notepad.debugPort).isSameAs(explorer.objectTable.lookup(debugger.teb.debugObjectHandle).object());
        assertThat(notepad.debugPort.type).isEqualTo(ObjectType.DebugObject);
        assertThat(notepad.peb.beingDebugged).isTrue();
        assertThat(LabMachine.ok(machine, "!handle 0 3 " + Long.toHexString(explorer.uniqueProcessId)).output()).contains("DebugObject");

        // nothing yet: the debuggee's thread has not run
        String early = LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent 0").output();
        assertThat(early).contains("returned FALSE").contains("ERROR_SEM_TIMEOUT");

        LabMachine.ok(machine, "g");
        assertThat(debuggee.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(debuggee.tcb.waitReason).isEqualTo(KWaitReason.Executive);
        assertThat(LabMachine.ok(machine, "!thread " + Long.toHexString(tid)).output())
                .contains("nt!DbgkpQueueMessage").contains("nt!DbgkpSendApiMessage").contains("nt!DbgkCreateThread");

        String first = LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent INFINITE").output();
        assertThat(first).contains("returned TRUE").contains(String.format("dwDebugEventCode: 0x3 (CREATE_PROCESS_DEBUG_EVENT)  dwProcessId: 0x%x", pid))
                .contains(String.format("dwThreadId: 0x%x", tid));
        // a read event is not handed out twice
        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent 0").output()).contains("returned FALSE");
        // only a read event of that client ID can be continued
        assertThat(LabMachine.ok(machine, String.format(".call explorer.exe ContinueDebugEvent 0x%x 0x%x", pid, tid + 4)).output())
                .contains("returned FALSE").contains("ERROR_INVALID_PARAMETER");
        assertThat(LabMachine.ok(machine, String.format(".call explorer.exe ContinueDebugEvent 0x%x 0x%x 0x5", pid, tid)).output())
                .contains("returned FALSE").contains("ERROR_INVALID_PARAMETER");
        assertThat(LabMachine.ok(machine, String.format(".call explorer.exe ContinueDebugEvent 0x%x 0x%x", pid, tid)).output()).contains("returned TRUE");

        LabMachine.ok(machine, "g");
        String second = LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent INFINITE").output();
        assertThat(second).contains("returned TRUE").contains("dwDebugEventCode: 0x6 (LOAD_DLL_DEBUG_EVENT)");
        assertThat(debuggee.tcb.state).isEqualTo(KThreadState.Waiting);
        LabMachine.ok(machine, String.format(".call explorer.exe ContinueDebugEvent 0x%x 0x%x", pid, tid));
        LabMachine.ok(machine, "g");

        assertThat(((DebugObject) notepad.debugPort).events).isEmpty();
        assertThat(notepad.debugPort.signaled).isFalse();
        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent 0").output()).contains("returned FALSE");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void aThreadThatIsNoDebuggerCannotWaitForDebugEvents() {
        Machine machine = LabMachine.boot();

        String out = LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent 0").output();

        assertThat(out).contains("returned FALSE").contains("ERROR_INVALID_HANDLE");
    }

    @Test
    void aProcessCreatedWithoutADebugFlagReportsNothing() {
        Machine machine = LabMachine.boot();
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");

        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.debugPort).isNull();
        assertThat(notepad.peb.beingDebugged).isFalse();
        assertThat(notepad.threadListHead.owners().get(0).tcb.waitReason).isNotEqualTo(KWaitReason.Executive);
    }

    /** DEBUG_ONLY_THIS_PROCESS: PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT, so the debuggee's own children get no port. */
    @Test
    void debugOnlyThisProcessMarksTheDebuggeeNoDebugInherit() {
        Machine machine = LabMachine.boot();
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe DEBUG_ONLY_THIS_PROCESS");

        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.debugPort).isNotNull();
        assertThat(notepad.noDebugInherit).isTrue();
    }
}
