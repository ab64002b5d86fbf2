package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.Volume;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.ke.Scheduler;
import com.ntprocesslab.kernel.mm.PfnDatabase;
import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.mm.PoolAllocator;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The executive's globals, as ntoskrnl keeps them (PspCidTable, PsActiveProcessHead, the PFN
 * database, pools, the object directory, the dispatcher's queues): what the executive's
 * routines see of the machine. The machine's state root extends this with the Windows
 * subsystem and the console's state; the services the executive needs from above (a
 * symbol's address, ntdll's entry points, the subsystem's process-exit port) are abstract here.
 */
public abstract class Executive {
    public final Profile profile;
    /** Where the machine's numbers start (see {@link BootSeed}); set once, at boot. */
    public long bootSeed = BootSeed.DEFAULT;
    /** Steps executed since boot: the machine's position in time. */
    public long position;
    public final PoolAllocator pools;
    /** What the machine is underneath (x64 Windows 10 or x86 XP SP3): pointer width, bases, version. */
    public final Platform platform;
    /** Every live object by address (what the object manager could find). */
    public final TreeMap<Long, KernelObject> objects = new TreeMap<>();
    public final CidTable pspCidTable;
    public final ListEntry<EProcess> psActiveProcessHead = ListEntry.head();
    public final PfnDatabase pfnDatabase = new PfnDatabase();
    public final Registry registry;
    public final Volume volume;
    public final Scheduler<EThread> scheduler = new Scheduler<>();
    public final FailureInjector faults = new FailureInjector();
    /** PspCreateProcessNotifyRoutine: the registered routines' symbols, in slot order. */
    public final List<String> processNotifyRoutines = new ArrayList<>();
    /** Those of them registered with PsSetCreateProcessNotifyRoutineEx/Ex2 (PspCreateProcessNotifyRoutineExCount). */
    public final List<String> extendedProcessNotifyRoutines = new ArrayList<>();
    public final List<String> threadNotifyRoutines = new ArrayList<>();
    public final List<String> loadImageNotifyRoutines = new ArrayList<>();
    /** Drivers loaded since boot (PsLoadedModuleList), by service name, in load order. */
    public final List<String> loadedDrivers = new ArrayList<>();
    /**
     * PsDefaultThreadLocaleId: the LCID MmGetSessionLocaleId hands a thread outside a session
     * with its own locale (WRK ps/create.c). Windows reads it at boot from the registry's
     * Control\Nls\Language Default value; the machine's registry has no NLS key, so it is
     * en-US's, 0x409.
     */
    public long psDefaultThreadLocaleId = 0x409;
    public EProcess systemProcess;
    public EProcess idleProcess;

    protected Executive(Profile profile, Registry registry, Volume volume) {
        this.profile = profile;
        // a table page of 16-byte (x64) or 8-byte (x86) HANDLE_TABLE_ENTRYs
        this.pspCidTable = new CidTable(profile == Profile.CLASSIC ? 512 : 256);
        this.platform = Platform.of(profile);
        this.pools = new PoolAllocator(platform);
        this.registry = registry;
        this.volume = volume;
    }

    /** Starts an executive routine: its steps see the machine as the executive and run on an ETHREAD. */
    public static Routine.Builder<Executive, EThread> routine(String symbol) {
        return Routine.named(symbol);
    }

    /** The address the machine's symbol table gives {@code symbol} (a thread's start address). */
    public abstract long symbolAddress(String symbol);

    /**
     * A routine of the system DLL the kernel enters user mode through (ntdll!LdrInitializeThunk,
     * ntdll!KiUserApcDispatcher), found by name as PspLookupKernelUserEntryPoints does at boot.
     */
    public abstract Routine systemDllRoutine(String symbol);

    /** The routine of a loaded module named {@code symbol} (a driver's callback), or null. */
    public abstract Routine routineNamed(String symbol);

    /**
     * Tells the Windows subsystem that a process it may know has exited: the message csrss gets
     * on the port it registered (LPC_CLIENT_DIED). A machine without a subsystem ignores it.
     */
    public abstract void processExited(EProcess process);

    public List<EProcess> processes() {
        return psActiveProcessHead.owners();
    }

    /**
     * Time the machine spent idle with a timer pending (100 ns units): when every thread waits
     * and one wait has a timeout, the clock runs on to that timer's due time without a step.
     */
    public long idleTime;

    /** Interrupt time in 100 ns units: every step advances the virtual clock by 1 us, idle time by itself. */
    public long clock() {
        return position * 10 + idleTime;
    }

    /** All threads of all listed processes, in list order. */
    public List<EThread> threads() {
        List<EThread> result = new ArrayList<>();
        for (EProcess p : processes()) {
            result.addAll(p.threadListHead.owners());
        }
        return result;
    }

    /** The first thread, in {@link #threads()}' order, that {@code test} accepts, or null; walks the lists without copying them. */
    public EThread findThread(java.util.function.Predicate<EThread> test) {
        for (ListEntry<EProcess> p = psActiveProcessHead.flink; p != psActiveProcessHead; p = p.flink) {
            ListEntry<EThread> head = p.owner.threadListHead;
            for (ListEntry<EThread> t = head.flink; t != head; t = t.flink) {
                if (test.test(t.owner)) {
                    return t.owner;
                }
            }
        }
        return null;
    }

    /** A new process's handle table, in the handle pool, starting where the boot seed says. */
    public HandleTable newHandleTable() {
        return new HandleTable(pools.allocate(Pool.HANDLE_TABLE),
                BootSeed.firstHandle(bootSeed), HandleTable.entriesPerPage(profile));
    }

    public boolean failAllocation(AllocationKind kind) {
        return faults.consume(kind);
    }
}
