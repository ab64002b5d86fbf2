package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ob.KernelObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PsCreateMinimalProcess that fails rolls back as a full creation does: PspAllocateProcess's
 * and PspInsertProcess's failures (ObCreateObject, PspInitializeProcessSecurity,
 * MmCreateProcessAddressSpace, ObInitProcess, ExCreateHandle in PspCidTable, ObInsertObject)
 * return STATUS_INSUFFICIENT_RESOURCES, and PsCreateMinimalProcess's exit path drops the handle
 * and the creation reference, so PspProcessDelete takes the half-built process down (ntoskrnl
 * 10.0 PsCreateMinimalProcess; WRK ps/psdelete.c PspProcessDelete; MmCreateProcessAddressSpace's
 * failure is its own STATUS_NO_MEMORY, as in NtCreateUserProcess). The store manager's caller
 * gets the status back (SmFirstTimeInit -> NtSetSystemInformation) and boot goes on without
 * Memory Compression; a later store request tries again.
 */
class MinimalProcessFailureTest {
    private static final String STORE_REQUEST = ".call lsass.exe NtSetSystemInformation SystemStoreInformation";

    /** Boots with {@code kind} armed to fail as the store manager starts its process, checking the invariants after every step. */
    private static Machine bootWithStoreFailure(String kind) {
        boolean[] armed = {false};
        return Machine.boot(Profile.MODERN, event -> {
            assertThat(InvariantChecker.check(event.kernel())).as("after step " + event.position() + " " + event.symbol()).isEmpty();
            if (!armed[0] && "nt!SmFirstTimeInit".equals(event.routine())) {
                armed[0] = true;
                event.kernel().faults.arm(AllocationKind.parse(kind));
            }
        });
    }

    private static long processes(Kernel k) {
        return k.objects.values().stream().filter(o -> o instanceof EProcess).count();
    }

    /** Every process object is on the process list and owns its CID: no half-built one survives. */
    private static void assertNoOrphans(Kernel k) {
        for (KernelObject o : k.objects.values()) {
            if (o instanceof EProcess p) {
                assertThat(k.processes()).as(p.imageFileName).contains(p);
                assertThat(k.pspCidTable.lookup(p.uniqueProcessId)).isSameAs(p);
            }
        }
        assertThat(k.pspCidTable.entries().values()).allMatch(o -> k.objects.containsValue(o));
    }

    @ParameterizedTest(name = "boot, .fail {0}")
    @ValueSource(strings = {"process", "token", "addressspace", "handletable", "cid", "handle"})
    void aStoreProcessThatFailsAtBootLeavesNoProcessCidHandleOrReference(String kind) {
        Machine normal = LabMachine.boot();
        Machine failed = bootWithStoreFailure(kind);
        Kernel k = failed.kernel();

        assertThat(k.faults.armed()).as("the failure fired").isEmpty();
        assertThat(k.processes()).noneMatch(p -> p.minimal && StoreManager.MEMORY_COMPRESSION.equals(p.imageFileName));
        assertNoOrphans(k);
        // the one process missing is Memory Compression, with its primary token
        assertThat(processes(k)).isEqualTo(processes(normal.kernel()) - 1);
        assertThat(k.objects).hasSize(normal.kernel().objects.size() - 2);
        // System's table got its kernel handle back as a normal boot does (SmFirstTimeInit's ZwClose)
        assertThat(k.systemProcess.objectTable.handles()).isEqualTo(normal.kernel().systemProcess.objectTable.handles());
        assertThat(k.systemProcess.objectTable.freeList()).isEqualTo(normal.kernel().systemProcess.objectTable.freeList());
        assertThat(k.systemProcess.handleCount).isEqualTo(normal.kernel().systemProcess.handleCount);
        // the ID it had was given back unused (not queued at LastFree): the next CID allocated got it
        // (session 1's csrss request thread, created right after the store process)
        long storeId = LabMachine.process(normal, StoreManager.MEMORY_COMPRESSION).uniqueProcessId;
        assertThat(k.pspCidTable.lookup(storeId)).isInstanceOfAny(EProcess.class, EThread.class);
        assertThat(k.pspCidTable.freeList()).hasSameSizeAs(normal.kernel().pspCidTable.freeList()).doesNotContain(storeId);
    }

    @ParameterizedTest(name = ".call, .fail {0}")
    @ValueSource(strings = {"process", "token", "addressspace", "handletable", "cid", "handle"})
    void aFailedStoreRequestChangesNothingAndTheNextOneMakesTheProcess(String kind) {
        Machine machine = bootWithStoreFailure("process");
        Object before = LabMachine.timeless(machine);
        LabMachine.ok(machine, ".fail " + kind);

        // MmCreateProcessAddressSpace's own status, as in a full creation; every other allocation's is STATUS_INSUFFICIENT_RESOURCES
        assertThat(LabMachine.ok(machine, STORE_REQUEST).output())
                .contains(kind.equals("addressspace") ? "STATUS_NO_MEMORY" : "STATUS_INSUFFICIENT_RESOURCES");

        assertThat(machine.checkInvariants()).isEmpty();
        assertThat(machine.kernel().faults.armed()).isEmpty();
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, STORE_REQUEST).output()).contains("STATUS_SUCCESS");
        EProcess store = LabMachine.process(machine, StoreManager.MEMORY_COMPRESSION);
        assertThat(store.minimal).isTrue();
        assertThat(store.handleCount).isZero();
        assertNoOrphans(machine.kernel());
    }
}
