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
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.ClassicThreadStartup;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.PspCreateParameters;
import com.ntprocesslab.kernel.ps.SystemThreads;
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

    static final Routine Phase1Initialization = Subsystems.win32Routine("nt!Phase1InitializationDiscard")
            // the configuration manager's phase 1 makes the Registry minimal process before smss runs
            .call(RegistryProcess.CmInitSystem1, (k, t, f) -> StepResult.call(RegistryProcess.CmInitSystem1, null))
            .call(com.ntprocesslab.kernel.win32.Win32Api.RtlCreateUserProcessEntry, (k, t, f) ->
                    StepResult.call(Win32Api.RtlCreateUserProcessEntry, smssRequest(t)))
            // the System thread becomes a worker that waits for work that never comes
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                k.scheduler.waitOn(t, null, KWaitReason.Executive);
                return StepResult.BLOCK;
            })
            .build();

    /** A system worker thread (WRK ex/worker.c ExpWorkerThread): it waits on its work queue, where no work comes. */
    static final Routine ExpWorkerThread = Executive.routine("nt!ExpWorkerThread")
            .step("nt!KeRemoveQueue", (k, t, f) -> {
                k.scheduler.waitOn(t, null, KWaitReason.WrQueue);
                return StepResult.BLOCK;
            })
            .build();

    /** WRK ke/balmgr.c: the balance set manager runs at LOW_REALTIME_PRIORITY and waits for its timer and events. */
    static final Routine KeBalanceSetManager = waitingAt("nt!KeBalanceSetManager", 16, "nt!KeWaitForMultipleObjects");

    /** WRK ke/balmgr.c: the swapper (process and kernel-stack in- and out-swapping) at LOW_REALTIME_PRIORITY + 7. */
    static final Routine KeSwapProcessOrStack = waitingAt("nt!KeSwapProcessOrStack", 23, "nt!KeWaitForSingleObject");

    private static Routine waitingAt(String symbol, int priority, String wait) {
        return Executive.routine(symbol)
                .step("nt!KeSetPriorityThread", (k, t, f) -> {
                    t.tcb.priority = priority;
                    return StepResult.next();
                })
                .step(wait, (k, t, f) -> {
                    k.scheduler.waitOn(t, null, KWaitReason.Executive);
                    return StepResult.BLOCK;
                })
                .build();
    }

    /** ZwClose of the handle PsCreateSystemThread returned: the creators keep none. */
    private static StepResult closeThreadHandle(Executive k, EThread t, com.ntprocesslab.kernel.exec.Frame f) {
        PspCreateParameters c = (PspCreateParameters) f.args;
        if (c.threadHandle != 0) {
            ObjectManager.NtClose(k, t.process.objectTable, c.threadHandle);
            c.threadHandle = 0;
        }
        return StepResult.next();
    }

    /**
     * WRK ex/worker.c ExpCreateWorkerThread: PsCreateSystemThread(ExpWorkerThread), the queue's
     * priority (KeSetBasePriorityThread on the referenced thread), ZwClose of the handle.
     */
    static final Routine ExpCreateWorkerThread = Executive.routine("nt!ExpCreateWorkerThread")
            .call(SystemThreads.PsCreateSystemThread)
            .step("nt!KeSetBasePriorityThread", (k, t, f) -> {
                PspCreateParameters c = f.args(PspCreateParameters.class);
                if (!NtStatus.success(f.calleeStatus)) {
                    return StepResult.ret(f.calleeStatus);
                }
                EThread thread = (EThread) t.process.objectTable.lookup(c.threadHandle).object();
                thread.tcb.basePriority = c.systemThreadPriority;
                thread.tcb.priority = c.systemThreadPriority;
                return StepResult.next();
            })
            .step("nt!ZwClose", SystemInitialization::closeThreadHandle)
            .inline((k, t, f) -> StepResult.ret(NtStatus.STATUS_SUCCESS))
            .build();

    private static PspCreateParameters worker(int priority) {
        PspCreateParameters c = SystemThreads.request(ExpWorkerThread);
        c.systemThreadPriority = priority;
        return c;
    }

    /**
     * WRK ex/worker.c ExpWorkerInitialization: the executive's worker threads. XP starts five
     * critical (priority 13), three delayed (12) and one hypercritical (15) worker; the machine
     * keeps one critical and one delayed worker.
     */
    static final Routine ExpWorkerInitialization = Executive.routine("nt!ExpWorkerInitialization")
            .call(ExpCreateWorkerThread, (k, t, f) -> StepResult.call(ExpCreateWorkerThread, worker(13)))
            .call(ExpCreateWorkerThread, (k, t, f) -> StepResult.call(ExpCreateWorkerThread, worker(12)))
            .inline((k, t, f) -> StepResult.ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** One more PsCreateSystemThread through the caller's request block, which keeps the handle for ZwClose. */
    private static StepResult createSystemThread(com.ntprocesslab.kernel.exec.Frame f, Routine startRoutine) {
        PspCreateParameters c = f.args(PspCreateParameters.class);
        c.systemStartRoutine = startRoutine;
        return StepResult.call(SystemThreads.PsCreateSystemThread, c);
    }

    /** MmInitSystem, phase 1 (WRK mm/mminit.c): the balance set manager and the swapper, their handles closed. */
    static final Routine MmInitSystem = Executive.routine("nt!MmInitSystem")
            .call(SystemThreads.PsCreateSystemThread, (k, t, f) -> createSystemThread(f, KeBalanceSetManager))
            .step("nt!ZwClose", SystemInitialization::closeThreadHandle)
            .call(SystemThreads.PsCreateSystemThread, (k, t, f) -> createSystemThread(f, KeSwapProcessOrStack))
            .step("nt!ZwClose", SystemInitialization::closeThreadHandle)
            .inline((k, t, f) -> StepResult.ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * Windows XP's Phase1InitializationDiscard (WRK init.c), kept to what the machine has: the
     * executive's worker threads (ExInitSystem), Mm's phase 1 threads, then smss, which XP
     * starts with RtlCreateUserProcess (NtCreateProcessEx underneath).
     */
    static final Routine Phase1InitializationDiscardClassic = Subsystems.win32Routine("nt!Phase1InitializationDiscard")
            .call(ExpWorkerInitialization, (k, t, f) -> StepResult.call(ExpWorkerInitialization, null))
            .call(MmInitSystem, (k, t, f) -> StepResult.call(MmInitSystem, SystemThreads.request(null)))
            .call(ClassicNtdll.RtlCreateUserProcess, (k, t, f) ->
                    StepResult.call(ClassicNtdll.RtlCreateUserProcess, KernelBase.nativeCreation(smssRequest(t))))
            .inline((k, t, f) -> StepResult.ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** WRK mm/zeropage.c MmZeroPageThread: priority 0, then it waits for free pages to zero. */
    static final Routine MmZeroPageThread = Executive.routine("nt!MmZeroPageThread")
            .step("nt!KeSetPriorityThread", (k, t, f) -> {
                t.tcb.priority = 0;
                t.tcb.basePriority = 0;
                return StepResult.next();
            })
            .step("nt!KeWaitForMultipleObjects", (k, t, f) -> {
                k.scheduler.waitOn(t, null, KWaitReason.WrFreePage);
                return StepResult.BLOCK;
            })
            .build();

    /**
     * The first System thread's StartRoutine on XP (WRK init.c Phase1Initialization): the
     * discardable phase 1, after which the thread stays on as the zero page thread.
     */
    static final Routine Phase1InitializationClassic = Subsystems.win32Routine("nt!Phase1Initialization")
            .call(Phase1InitializationDiscardClassic, (k, t, f) -> StepResult.call(Phase1InitializationDiscardClassic, null))
            .call(MmZeroPageThread, (k, t, f) -> StepResult.call(MmZeroPageThread, null))
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
        thread.tcb.basePriority = 13;
        thread.tcb.priority = 13;
        thread.tcb.initialized = true;
        system.threadListHead.insertTail(thread.threadListEntry);
        system.activeThreads = 1;
        thread.holdsRunReference = true;
        ObjectManager.ObReferenceObject(thread);
        ObjectManager.ObDereferenceObject(k, thread);
        if (k.profile == Profile.CLASSIC) {
            // PspInitPhase0's PsCreateSystemThread(Phase1Initialization), laid out as KeInitThread lays out any kernel thread
            thread.startAddress = k.symbolAddress("nt!Phase1Initialization");
            thread.win32StartAddress = thread.startAddress;
            thread.systemStartRoutine = Phase1InitializationClassic;
            thread.initialRoutine = ClassicThreadStartup.KiThreadStartup;
            thread.kernelStackBase = k.platform.kernelStackBase(thread.address);
            thread.initialStack = thread.kernelStackBase - ClassicThreadStartup.FX_SAVE_AREA_SIZE;
            thread.kernelStack = thread.initialStack - ClassicThreadStartup.START_AND_SWITCH_FRAMES;
            thread.tcb.irql = KThread.DISPATCH_LEVEL;
        } else {
            thread.started = true;
            thread.startAddress = k.symbolAddress("nt!Phase1InitializationDiscard");
            thread.frames.add(Frame.entered(Phase1Initialization, null));
        }
        k.scheduler.ready(thread);
    }

}
