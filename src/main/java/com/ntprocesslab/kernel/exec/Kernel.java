package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.io.Volume;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.ke.Scheduler;
import com.ntprocesslab.kernel.mm.PfnDatabase;
import com.ntprocesslab.kernel.mm.PoolAllocator;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.CidTable;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * All state of one emulated machine, as plain data reachable from here: executive
 * structures, the volume and registry, scheduler queues and every thread's frames. Nothing
 * outside this object (no lambda, no static) holds machine state.
 */
public final class Kernel {
    public final Profile profile;
    /** Steps executed since boot: the machine's position in time. */
    public long position;
    public final PoolAllocator pools = new PoolAllocator();
    /** Every live object by address (what the object manager could find). */
    public final TreeMap<Long, KernelObject> objects = new TreeMap<>();
    public final CidTable pspCidTable = new CidTable();
    public final ListEntry<EProcess> psActiveProcessHead = ListEntry.head();
    public final PfnDatabase pfnDatabase = new PfnDatabase();
    public final Registry registry;
    public final Volume volume;
    public final TreeMap<Integer, CsrServer> csrServers = new TreeMap<>();
    public final Scheduler scheduler = new Scheduler();
    public final FailureInjector faults = new FailureInjector();
    public final List<String> processNotifyRoutines = new ArrayList<>();
    public final List<String> threadNotifyRoutines = new ArrayList<>();
    public EProcess systemProcess;
    public EProcess idleProcess;
    /** The result of the last .call, for the console and the snapshot. */
    public CallRecord lastCall;
    /** .calls still in progress (stopped between steps or blocked in a wait), one per thread at most. */
    public final List<PendingCall> pendingCalls = new ArrayList<>();

    public PendingCall pendingCallOn(EThread thread) {
        for (PendingCall p : pendingCalls) {
            if (p.thread() == thread) {
                return p;
            }
        }
        return null;
    }
    public final transient Engine engine;

    public Kernel(Profile profile, Registry registry, Volume volume) {
        this.profile = profile;
        this.registry = registry;
        this.volume = volume;
        this.engine = new Engine(this);
    }

    public List<EProcess> processes() {
        return psActiveProcessHead.owners();
    }

    /** Interrupt time in 100 ns units: every step advances the virtual clock by 1 us. */
    public long clock() {
        return position * 10;
    }

    /** All threads of all listed processes, in list order. */
    public List<EThread> threads() {
        List<EThread> result = new ArrayList<>();
        for (EProcess p : processes()) {
            result.addAll(p.threadListHead.owners());
        }
        return result;
    }

    public boolean failAllocation(AllocationKind kind) {
        return faults.consume(kind);
    }
}
