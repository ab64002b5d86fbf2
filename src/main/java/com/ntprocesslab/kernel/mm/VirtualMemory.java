package com.ntprocesslab.kernel.mm;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;

/** Reading another process's memory: NtReadVirtualMemory. */
public final class VirtualMemory {
    private VirtualMemory() {
    }

    /**
     * NtReadVirtualMemory(ProcessHandle, BaseAddress, Buffer, NumberOfBytesToRead, NumberOfBytesRead)
     * (WRK mm/readwrt.c; ReactOS ntoskrnl/mm/ARM3/virtual.c): the handle needs PROCESS_VM_READ,
     * then MmCopyVirtualMemory copies from the target's address space. The machine keeps a PEB
     * as fields, not bytes: a pointer-sized read of the PEB's ImageBaseAddress is what it can
     * copy; anything else is STATUS_PARTIAL_COPY, nothing read. {@code a.value} is BaseAddress,
     * {@code a.information} the size; the value read comes back in {@code a.out}.
     */
    public static final Routine NtReadVirtualMemory = Executive.routine("nt!NtReadVirtualMemory").stage(2)
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Process, AccessMask.PROCESS_VM_READ);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                a.referenced = ref.object();
                return next();
            })
            .step("nt!MmCopyVirtualMemory", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess target = (EProcess) a.referenced;
                a.referenced = null;
                long offset = k.platform.x86 ? Peb.IMAGE_BASE_ADDRESS_X86 : Peb.IMAGE_BASE_ADDRESS_X64;
                boolean imageBase = target.peb != null && a.value == target.peb.address + offset && a.information == (k.platform.x86 ? 4 : 8);
                a.out = imageBase ? target.peb.imageBaseAddress : 0;
                ObjectManager.ObDereferenceObject(k, target);
                return ret(imageBase ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_PARTIAL_COPY);
            })
            .build();
}
