package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Notify routines and the driver that registers them. Sources: Microsoft's documentation of
 * ZwLoadDriver (needs SeLoadDriverPrivilege), PsSetCreateProcessNotifyRoutineEx and
 * PS_CREATE_NOTIFY_INFO ("Drivers can change this value to an error code to prevent the
 * process from being created"), PsSetLoadImageNotifyRoutine; WRK base/ntos/ps/create.c
 * (PspCreateThread calls the process routines when the first thread is inserted, then the
 * thread routines); WRK mm/mapview.c (MmMapViewOfSection calls PsCallImageNotifyRoutines
 * while PsImageNotifyEnabled); ReactOS io/iomgr/driver.c (NtLoadDriver queues
 * IopLoadUnloadDriver to a system worker thread and waits).
 */
class NotifyRoutinesTest {
    private static final String LOAD = ".call lsass.exe NtLoadDriver \\Registry\\Machine\\System\\CurrentControlSet\\Services\\procmon";
    private static final String BLOCK = ".reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\procmon\\Parameters BlockImage notepad.exe";

    private final Machine machine = LabMachine.boot();

    private void loadProcmon() {
        LabMachine.ok(machine, LOAD);
        assertThat(LabMachine.ok(machine, "g").output()).contains("returned 0x00000000 (STATUS_SUCCESS)");
    }

    @Test
    void loadingADriverNeedsSeLoadDriverPrivilegeWhichExplorerLacks() {
        String out = LabMachine.ok(machine, LOAD.replace("lsass.exe", "explorer.exe")).output();

        assertThat(out).contains("returned 0xc0000061 (STATUS_PRIVILEGE_NOT_HELD)");
        assertThat(machine.kernel().loadedDrivers).isEmpty();
        assertThat(machine.kernel().processNotifyRoutines).doesNotContain("procmon!ProcmonCreateProcessNotifyRoutineEx");
    }

    @Test
    void driverEntryRunsOnTheSystemWorkerThreadWhileTheCallerWaits() {
        LabMachine.ok(machine, "bp procmon!DriverEntry");
        assertThat(LabMachine.ok(machine, LOAD).output()).contains("is waiting; run g to let it finish");

        String hit = LabMachine.ok(machine, "g").output();
        String k = LabMachine.ok(machine, "k").output();

        assertThat(hit).contains("procmon!DriverEntry:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of System");
        assertThat(k).containsSubsequence("procmon!DriverEntry", "nt!IopLoadDriver+0x", "nt!IopLoadUnloadDriver+0x");
        assertThat(LabMachine.ok(machine, "g").output()).contains("NtLoadDriver(", "returned 0x00000000 (STATUS_SUCCESS)");
        assertThat(machine.kernel().processNotifyRoutines).endsWith("procmon!ProcmonCreateProcessNotifyRoutineEx");
        assertThat(machine.kernel().extendedProcessNotifyRoutines).contains("procmon!ProcmonCreateProcessNotifyRoutineEx");
        assertThat(machine.kernel().threadNotifyRoutines).endsWith("procmon!ProcmonCreateThreadNotifyRoutine");
        assertThat(machine.kernel().loadImageNotifyRoutines).containsExactly("procmon!ProcmonLoadImageNotifyRoutine");
        assertThat(LabMachine.ok(machine, LOAD).output()).contains("is waiting");
        assertThat(LabMachine.ok(machine, "g").output()).contains("STATUS_IMAGE_ALREADY_LOADED");
    }

    @Test
    void theProcessRoutineRunsOnTheCreatingThreadInsidePspInsertThread() {
        loadProcmon();
        LabMachine.ok(machine, "bp procmon!ProcmonCreateProcessNotifyRoutineEx");

        String hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        String k = LabMachine.ok(machine, "k").output();

        assertThat(hit).contains("Breakpoint 0 hit");
        // stage 4: k below shows PspInsertThread
        long explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).uniqueThread;
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(explorer) + " of explorer.exe");
        assertThat(k).containsSubsequence("procmon!ProcmonCreateProcessNotifyRoutineEx", "nt!PspCallProcessNotifyRoutines+0x",
                "nt!PspInsertThread+0x", "nt!NtCreateUserProcess+0x", "KERNELBASE!CreateProcessInternalW+0x");
        // the driver's frame is on the kernel stack
        assertThat(k.lines().skip(1).findFirst().orElseThrow()).startsWith("00 ffff");
    }

    @Test
    void stageFourRunsInWindowsInternalsOrder() {
        List<String> order = new ArrayList<>();
        machine.engine().setListener(e -> {
            if (e.routine().equals("nt!PspInsertThread") && !e.symbol().equals("nt!PspInsertThread")) {
                order.add(e.symbol());
            }
        });

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");

        // Windows Internals 7th ed., part 1, ch. 3, stage 4: KeStartThread, list, handle, callbacks, KeReadyThread
        assertThat(order).containsSubsequence("nt!KeStartThread", "nt!ObInsertObject", "nt!PspCallProcessNotifyRoutines",
                "nt!PspCallThreadNotifyRoutines", "nt!KeReadyThread");
    }

    @Test
    void anExRoutineDeniesTheCreationAndTheRollbackLeavesNothing() {
        loadProcmon();
        LabMachine.ok(machine, BLOCK);
        Object before = LabMachine.timeless(machine);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(out).contains("returned FALSE", "LastError: 0x5 (ERROR_ACCESS_DENIED)");
        assertThat(LabMachine.process(machine, "notepad.exe")).isNull();
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe").output())
                .contains("returned TRUE", "dwProcessId: 0x64");
    }

    /** Windows 10's DbgkCreateThread calls PsCallImageNotifyRoutines for a new process's image and ntdll on its first thread. */
    @Test
    void theLoadImageRoutineSeesTheExeAndNtdllOnTheNewProcesssFirstThread() {
        loadProcmon();
        List<Long> pids = new ArrayList<>();
        List<String> images = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        machine.engine().setListener(e -> {
            if (e.routine().equals("procmon!ProcmonLoadImageNotifyRoutine")) {
                NotifyInfo n = e.thread().top().args(NotifyInfo.class);
                images.add(n.imageFileName);
                pids.add(n.processId);
                threads.add(e.thread().process.imageFileName);
            }
        });

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");

        assertThat(images).containsExactly("\\??\\C:\\Windows\\System32\\notepad.exe", "\\SystemRoot\\System32\\ntdll.dll");
        assertThat(pids).containsOnly(LabMachine.process(machine, "notepad.exe").uniqueProcessId);
        assertThat(threads).containsOnly("notepad.exe");
    }

    /** procmon.sys is a Windows 10 driver (it imports PsSetCreateProcessNotifyRoutineEx): the XP machine's volume has no such file. */
    @Test
    void theClassicMachineHasNoProcmonImage() {
        Machine xp = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(xp, LOAD);

        assertThat(LabMachine.ok(xp, "g").output()).contains("STATUS_OBJECT_NAME_NOT_FOUND");
        assertThat(xp.kernel().loadedDrivers).isEmpty();
    }
}
