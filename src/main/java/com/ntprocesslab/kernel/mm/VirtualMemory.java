package com.ntprocesslab.kernel.mm;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepAction;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;

/**
 * Reading and writing another process's memory: NtReadVirtualMemory, NtWriteVirtualMemory. The
 * machine keeps a PEB and its RTL_USER_PROCESS_PARAMETERS as fields, not bytes: only the
 * pointer-sized fields kernel32's CreateProcess touches can be copied.
 */
public final class VirtualMemory {
    private VirtualMemory() {
    }

    /**
     * NtReadVirtualMemory(ProcessHandle, BaseAddress, Buffer, NumberOfBytesToRead, NumberOfBytesRead)
     * (WRK mm/readwrt.c; ReactOS ntoskrnl/mm/ARM3/virtual.c): the handle needs PROCESS_VM_READ,
     * then MmCopyVirtualMemory copies from the target's address space: a pointer-sized read of the
     * PEB's ImageBaseAddress or ProcessParameters is what the machine can copy; anything else is
     * STATUS_PARTIAL_COPY, nothing read. {@code a.value} is BaseAddress,
     * {@code a.information} the size; the value read comes back in {@code a.out}.
     */
    public static final Routine NtReadVirtualMemory = Executive.routine("nt!NtReadVirtualMemory").stage(2)
            .step("nt!ObReferenceObjectByHandle", referenceTarget(AccessMask.PROCESS_VM_READ))
            .step("nt!MmCopyVirtualMemory", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess target = (EProcess) a.referenced;
                a.referenced = null;
                Peb peb = target.peb;
                boolean pointer = peb != null && a.information == (k.platform.x86 ? 4 : 8);
                long imageBase = k.platform.x86 ? Peb.IMAGE_BASE_ADDRESS_X86 : Peb.IMAGE_BASE_ADDRESS_X64;
                long parameters = k.platform.x86 ? Peb.PROCESS_PARAMETERS_X86 : Peb.PROCESS_PARAMETERS_X64;
                long status = NtStatus.STATUS_PARTIAL_COPY;
                a.out = 0;
                if (pointer && a.value == peb.address + imageBase) {
                    a.out = peb.imageBaseAddress;
                    status = NtStatus.STATUS_SUCCESS;
                } else if (pointer && peb.processParameters != 0 && a.value == peb.address + parameters) {
                    a.out = peb.processParameters;
                    status = NtStatus.STATUS_SUCCESS;
                }
                ObjectManager.ObDereferenceObject(k, target);
                return ret(status);
            })
            .build();

    /**
     * NtWriteVirtualMemory(ProcessHandle, BaseAddress, Buffer, NumberOfBytesToWrite,
     * NumberOfBytesWritten) (WRK mm/readwrt.c): the handle needs PROCESS_VM_WRITE, then
     * MmCopyVirtualMemory copies into the target. What the machine can write is one handle-sized
     * value into StandardInput, StandardOutput or StandardError of the target's
     * RTL_USER_PROCESS_PARAMETERS (XP, where their address is modelled); anything else is
     * STATUS_PARTIAL_COPY, nothing written. {@code a.value} is BaseAddress, {@code a.information}
     * the size, {@code a.out} the value to write.
     */
    public static final Routine NtWriteVirtualMemory = Executive.routine("nt!NtWriteVirtualMemory").stage(2)
            .step("nt!ObReferenceObjectByHandle", referenceTarget(AccessMask.PROCESS_VM_WRITE))
            .step("nt!MmCopyVirtualMemory", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess target = (EProcess) a.referenced;
                a.referenced = null;
                Peb peb = target.peb;
                long status = NtStatus.STATUS_PARTIAL_COPY;
                if (peb != null && peb.processParameters != 0 && k.platform.x86 && a.information == 4) {
                    long offset = a.value - peb.processParameters;
                    if (offset == Peb.STANDARD_INPUT_X86) {
                        peb.standardInput = a.out;
                        status = NtStatus.STATUS_SUCCESS;
                    } else if (offset == Peb.STANDARD_OUTPUT_X86) {
                        peb.standardOutput = a.out;
                        status = NtStatus.STATUS_SUCCESS;
                    } else if (offset == Peb.STANDARD_ERROR_X86) {
                        peb.standardError = a.out;
                        status = NtStatus.STATUS_SUCCESS;
                    }
                }
                ObjectManager.ObDereferenceObject(k, target);
                return ret(status);
            })
            .build();

    /** Both services' first step: the target process by handle, with the access the copy needs, held in {@code a.referenced}. */
    private static StepAction<Executive, EThread> referenceTarget(long access) {
        return (k, t, f) -> {
            NtArgs a = f.args(NtArgs.class);
            ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Process, access);
            if (!ref.ok()) {
                return ret(ref.status());
            }
            a.referenced = ref.object();
            return next();
        };
    }
}
