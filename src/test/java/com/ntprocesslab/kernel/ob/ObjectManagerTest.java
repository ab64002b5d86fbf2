package com.ntprocesslab.kernel.ob;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.Test;

class ObjectManagerTest {
    private final Machine machine = LabMachine.boot();
    private final Kernel kernel = machine.kernel();
    private final EProcess explorer = LabMachine.process(machine, "explorer.exe");
    private final EThread thread = explorer.threadListHead.owners().get(0);

    @Test
    void handlesAreMultiplesOfFourAndAFreedSlotIsReused() {
        EventObject a = ObjectManager.ObCreateObject(kernel, new EventObject(), null);
        long h1 = ObjectManager.ObInsertObject(kernel, explorer.objectTable, a, 0x1F0003, false);
        long h2 = ObjectManager.ObInsertObject(kernel, explorer.objectTable, a, 0x1F0003, false);
        ObjectManager.ObDereferenceObject(kernel, a);

        assertThat(h1 % 4).isZero();
        assertThat(h2).isEqualTo(h1 + 4);
        assertThat(a.handleCount).isEqualTo(2);
        assertThat(a.pointerCount).isEqualTo(2);

        ObjectManager.NtClose(kernel, explorer.objectTable, h1);
        long h3 = ObjectManager.ObInsertObject(kernel, explorer.objectTable, a, 0x1F0003, false);
        assertThat(h3).isEqualTo(h1);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void anObjectIsDeletedExactlyWhenBothCountsReachZero() {
        EventObject event = ObjectManager.ObCreateObject(kernel, new EventObject(), null);
        long handle = ObjectManager.ObInsertObject(kernel, explorer.objectTable, event, 0x1F0003, false);
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(kernel, thread, handle, ObjectType.Event, 0x1);

        ObjectManager.ObDereferenceObject(kernel, event);
        ObjectManager.NtClose(kernel, explorer.objectTable, handle);
        assertThat(event.deleted).isFalse();
        assertThat(event.pointerCount).isEqualTo(1);

        ObjectManager.ObDereferenceObject(kernel, ref.object());
        assertThat(event.deleted).isTrue();
        assertThat(kernel.objects).doesNotContainKey(event.address);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void referenceByHandleChecksTypeAndAccess() {
        EventObject event = ObjectManager.ObCreateObject(kernel, new EventObject(), null);
        long handle = ObjectManager.ObInsertObject(kernel, explorer.objectTable, event, 0x100000, false);
        ObjectManager.ObDereferenceObject(kernel, event);

        assertThat(ObjectManager.ObReferenceObjectByHandle(kernel, thread, handle, ObjectType.Process, 0).status())
                .isEqualTo(0xC0000024L);
        assertThat(ObjectManager.ObReferenceObjectByHandle(kernel, thread, handle, ObjectType.Event, 0x2).status())
                .isEqualTo(0xC0000022L);
        assertThat(ObjectManager.ObReferenceObjectByHandle(kernel, thread, 0x7ffc, ObjectType.Event, 0).status())
                .isEqualTo(0xC0000008L);
    }

    @Test
    void duplicatingAHandleRaisesBothCounts() {
        EProcess csrss = LabMachine.process(machine, "csrss.exe");
        EventObject event = ObjectManager.ObCreateObject(kernel, new EventObject(), null);
        long handle = ObjectManager.ObInsertObject(kernel, explorer.objectTable, event, 0x1F0003, false);
        ObjectManager.ObDereferenceObject(kernel, event);

        long copy = ObjectManager.NtDuplicateObject(kernel, explorer.objectTable, handle, csrss.objectTable, 0, ObjectManager.DUPLICATE_SAME_ACCESS);

        assertThat(csrss.objectTable.lookup(copy).grantedAccess()).isEqualTo(0x1F0003);
        assertThat(event.handleCount).isEqualTo(2);
        assertThat(event.pointerCount).isEqualTo(2);
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
