package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.27 (CreateProcessInternalW step 7, audit-20): with DEBUG_PROCESS, XP SP3's
 * ntdll!DbgUiConnectToDbg creates the caller's debug object with NtCreateDebugObject
 * (nt!NtCreateDebugObject: ObCreateObject of DbgkDebugObjectType, ObInsertObject; WRK
 * dbgk/dbgkobj.c, ReactOS ntoskrnl/dbgk/dbgkobj.c and dll/ntdll/dbg/dbgui.c) and keeps its
 * handle in the TEB's DbgSsReserved[1], which DbgUiGetThreadDebugObject reads at TEB+0xF24.
 */
class ClassicDebugObjectTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final List<String> symbols = new ArrayList<>();

    private void create(String commandLineAndFlags) {
        symbols.clear();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW " + commandLineAndFlags).output()).contains("returned TRUE");
        machine.engine().setListener(null);
    }

    private static EThread debuggerThread(EProcess explorer) {
        return explorer.threadListHead.owners().stream().filter(t -> t.teb != null && t.teb.debugObjectHandle != 0).findFirst().orElseThrow();
    }

    @Test
    void dbgUiConnectToDbgCreatesTheDebugObjectThroughNtCreateDebugObject() {
        create("C:\\WINDOWS\\system32\\notepad.exe DEBUG_PROCESS");

        assertThat(symbols).containsSubsequence("ntdll!DbgUiConnectToDbg", "ntdll!NtCreateDebugObject", "nt!KiFastCallEntry",
                "nt!NtCreateDebugObject", "nt!ObCreateObject", "nt!ObInsertObject", "ntdll!DbgUiGetThreadDebugObject", "nt!NtCreateProcessEx");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        HandleEntry entry = explorer.objectTable.lookup(debuggerThread(explorer).teb.debugObjectHandle);
        assertThat(entry.object()).isInstanceOf(DebugObject.class);
        assertThat(entry.grantedAccess()).isEqualTo(DebugObject.DEBUG_ALL_ACCESS);
        assertThat(((DebugObject) entry.object()).killOnClose).isTrue();
        assertThat(LabMachine.process(machine, "notepad.exe").debugPort).isSameAs(entry.object());
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void theHandleIsShownInTheTebAtDbgSsReserved1() {
        create("C:\\WINDOWS\\system32\\notepad.exe DEBUG_PROCESS");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EThread debugger = debuggerThread(explorer);

        LabMachine.ok(machine, String.format(".process /p /r %08x", explorer.address));
        assertThat(LabMachine.ok(machine, "dt nt!_TEB").output()).contains("   +0xf24 DbgSsReserved[1] : Ptr32 Void");
        assertThat(LabMachine.ok(machine, String.format("dt nt!_TEB %08x", debugger.teb.address)).output())
                .contains(String.format("   +0xf24 DbgSsReserved[1] : 0x%08x Void", debugger.teb.debugObjectHandle));
    }

    @Test
    void aThreadThatHasADebugObjectKeepsItAndCreatesNoOther() {
        create("C:\\WINDOWS\\system32\\notepad.exe DEBUG_PROCESS");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        long handle = debuggerThread(explorer).teb.debugObjectHandle;

        create("C:\\WINDOWS\\system32\\calc.exe DEBUG_ONLY_THIS_PROCESS");

        assertThat(symbols).contains("ntdll!DbgUiConnectToDbg").doesNotContain("nt!NtCreateDebugObject");
        assertThat(debuggerThread(explorer).teb.debugObjectHandle).isEqualTo(handle);
        assertThat(LabMachine.process(machine, "calc.exe").debugPort).isSameAs(explorer.objectTable.lookup(handle).object());
    }

    @Test
    void withoutADebugFlagNoDebugObjectIsMade() {
        create("C:\\WINDOWS\\system32\\notepad.exe");

        assertThat(symbols).doesNotContain("ntdll!DbgUiConnectToDbg", "nt!NtCreateDebugObject");
    }
}
