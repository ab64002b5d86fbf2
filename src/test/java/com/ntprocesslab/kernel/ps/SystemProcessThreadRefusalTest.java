package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObjectManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 001, stage 4: Windows 10's PspAllocateThread refuses to add a user-mode thread to the
 * System process, with STATUS_INVALID_HANDLE (the status WRK ps/create.c PspCreateThread gives
 * where the older kernel checks it; Windows Internals 7th ed., part 1, chapter 3, stage 4, lists
 * the check among PspAllocateThread's). PspCreateThread references the process and calls
 * PspAllocateThread, which fails before it creates the thread object; nothing is left behind.
 */
class SystemProcessThreadRefusalTest {
    private final Machine machine = LabMachine.boot(Profile.MODERN);

    @Test
    void pspAllocateThreadRefusesAUserThreadInTheSystemProcess() {
        PendingCall pending = LabMachine.begin(machine, ".call explorer.exe GetLastError");
        machine.engine().runThread(pending.thread(), pending::finished, 100, at -> at.symbol() != null && at.symbol().endsWith("!GetLastError"));
        EThread caller = pending.thread();
        EProcess system = machine.kernel().systemProcess;
        long handle = ObjectManager.ObInsertObject(machine.kernel(), caller.process.objectTable, system, AccessMask.PROCESS_ALL_ACCESS, false);
        long references = system.pointerCount;
        int objects = machine.kernel().objects.size();
        int threads = system.activeThreads;
        PspCreateParameters c = new PspCreateParameters();
        c.processHandle = handle;
        c.startRoutine = "Worker";
        List<String> steps = new ArrayList<>();
        machine.engine().setListener(e -> steps.add(e.symbol()));

        Frame frame = new Frame(ThreadCreation.NtCreateThreadEx, c);
        frame.injected = true;
        int depth = caller.frames.size();
        caller.frames.add(frame);
        machine.engine().runThread(caller, depth, 10_000, null);

        assertThat(c.status).isEqualTo(NtStatus.STATUS_INVALID_HANDLE);
        assertThat(steps).contains("nt!PspAllocateThread").doesNotContain("nt!ObCreateObject", "nt!MmCreateTeb", "nt!PspInsertThread");
        assertThat(c.thread).isNull();
        assertThat(c.process).isNull();
        assertThat(system.pointerCount).isEqualTo(references);
        assertThat(system.activeThreads).isEqualTo(threads);
        assertThat(machine.kernel().objects).hasSize(objects);
        ObjectManager.NtClose(machine.kernel(), caller.process.objectTable, handle);
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
