package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.se.Token;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.Apis;
import com.ntprocesslab.kernel.win32.ClassicNtdll;
import com.ntprocesslab.kernel.win32.KernelBase;
import com.ntprocesslab.kernel.win32.Win32Api;
import java.util.List;

/**
 * Boot: phase 0 builds the Idle process and System (PID 4) with its first thread by hand, as
 * the kernel does; phase 1, run by that thread through the step engine, starts smss.exe,
 * and every later process comes from the same creation pipeline: the profile's (modern
 * NtCreateUserProcess, or classic NtCreateProcessEx + NtCreateThread).
 */
public final class SystemInitialization {
    public static final long BOOT_BUDGET = 200_000;

    private SystemInitialization() {
    }

    public static final Routine Phase1Initialization = Subsystems.win32Routine("nt!Phase1InitializationDiscard")
            .call(com.ntprocesslab.kernel.win32.Win32Api.RtlCreateUserProcessEntry, (k, t, f) ->
                    StepResult.call(Win32Api.RtlCreateUserProcessEntry, smssRequest(t)))
            // the System thread becomes a worker that waits for work that never comes
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                k.scheduler.waitOn(t, null, KWaitReason.Executive);
                return StepResult.BLOCK;
            })
            .build();

    /** Windows XP's phase 1 calls RtlCreateUserProcess itself, which creates smss through NtCreateProcessEx. */
    public static final Routine Phase1InitializationClassic = Subsystems.win32Routine("nt!Phase1InitializationDiscard")
            .call(ClassicNtdll.RtlCreateUserProcess, (k, t, f) ->
                    StepResult.call(ClassicNtdll.RtlCreateUserProcess, KernelBase.nativeCreation(smssRequest(t))))
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                k.scheduler.waitOn(t, null, KWaitReason.Executive);
                return StepResult.BLOCK;
            })
            .build();

    private static ApiCall smssRequest(EThread t) {
        ApiCall call = new ApiCall(Apis.find("RtlCreateUserProcess"), "C:\\Windows\\System32\\smss.exe");
        call.path = "C:\\Windows\\System32\\smss.exe";
        call.callerPid = t.process.uniqueProcessId;
        call.flags = com.ntprocesslab.kernel.ke.PriorityClass.NORMAL.creationFlag;
        return call;
    }

    public static Kernel boot(Profile profile, Engine.StepListener<Kernel, EThread> listener) {
        return boot(profile, BootSeed.DEFAULT, listener);
    }

    /** Boots with a seed: only where PIDs, handles and pool addresses start differs (see {@link BootSeed}). */
    public static Kernel boot(Profile profile, long seed, Engine.StepListener<Kernel, EThread> listener) {
        Kernel k = new Kernel(profile, Registry.createDefault(), DefaultVolume.create(profile));
        k.bootSeed = seed;
        k.pspCidTable.startAt(BootSeed.firstCid(seed));
        k.pools.shiftBy(BootSeed.poolShift(seed));
        k.engine.setListener(listener);
        GuestDrivers.registerBootDriverCallbacks(k);
        EProcess system = createSystemProcess(k);
        createIdleProcess(k, system);
        createSystemThread(k, system);
        Engine.RunResult result = k.engine.runScheduler(BOOT_BUDGET, null);
        if (result.reason() != Engine.Reason.IDLE) {
            throw new IllegalStateException("Boot did not settle: " + result.reason() + " after " + result.steps() + " steps");
        }
        return k;
    }

    private static EProcess createSystemProcess(Kernel k) {
        EProcess system = ObjectManager.ObCreateObject(k, new EProcess(), null);
        system.permanent = true;
        system.systemProcess = true;
        system.imageFileName = "System";
        system.quotaBlock = "PspDefaultQuotaBlock";
        system.deviceMap = "ObSystemDeviceMap";
        system.uniqueProcessId = 4;
        k.pspCidTable.insertAt(4, system);
        Token token = ObjectManager.ObCreateObject(k, new Token(), null);
        token.user = "NT AUTHORITY\\SYSTEM";
        token.integrityLevel = "System";
        token.privileges.addAll(Token.systemPrivileges());
        token.tokenId = 0x3e7;
        system.token = token;
        MemoryManager.MmCreateProcessAddressSpace(k, system);
        system.pcb.directoryTableBase = system.addressSpace.directoryTableBase;
        system.pcb.basePriority = 8;
        system.pcb.initialized = true;
        system.objectTable = k.newHandleTable();
        system.objectTable.uniqueProcessId = system.uniqueProcessId;
        k.psActiveProcessHead.insertTail(system.activeProcessLinks);
        k.systemProcess = system;
        return system;
    }

    private static void createIdleProcess(Kernel k, EProcess system) {
        EProcess idle = new EProcess();
        idle.address = k.platform.idleProcess();
        idle.permanent = true;
        idle.systemProcess = true;
        idle.imageFileName = "Idle";
        idle.pcb.directoryTableBase = system.pcb.directoryTableBase;
        idle.pcb.initialized = true;
        idle.activeThreads = 2;
        k.idleProcess = idle;
    }

    private static void createSystemThread(Kernel k, EProcess system) {
        EThread thread = ObjectManager.ObCreateObject(k, new EThread(), null);
        thread.process = system;
        ObjectManager.ObReferenceObject(system);
        thread.uniqueThread = k.pspCidTable.ExCreateHandle(thread);
        thread.systemThread = true;
        thread.started = true;
        thread.tcb.basePriority = 13;
        thread.tcb.priority = 13;
        thread.tcb.initialized = true;
        thread.startAddress = k.symbolAddress("nt!Phase1InitializationDiscard");
        system.threadListHead.insertTail(thread.threadListEntry);
        system.activeThreads = 1;
        thread.holdsRunReference = true;
        ObjectManager.ObReferenceObject(thread);
        ObjectManager.ObDereferenceObject(k, thread);
        thread.frames.add(Frame.entered(k.profile == Profile.CLASSIC ? Phase1InitializationClassic : Phase1Initialization, null));
        k.scheduler.ready(thread);
    }

}
