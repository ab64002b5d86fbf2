package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.ps.MinimalProcesses;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.PspCreateParameters;
import com.ntprocesslab.kernel.ps.StoreManager;

/**
 * Native services of Windows 10 a guest may call directly: NtCreateProcessEx (the process
 * object only, from a section; no thread) and NtSetSystemInformation(SystemStoreInformation),
 * the request with which SysMain has the store manager create its first store at boot.
 */
public final class NativeProcessApis {
    private NativeProcessApis() {
    }

    public static final Routine NtCreateProcessExStub = Syscalls.stub(MinimalProcesses.NtCreateProcessEx, 2);
    public static final Routine NtSetSystemInformationStub = Syscalls.stub(StoreManager.NtSetSystemInformation, 0);

    /** NtCreateProcessEx(&h, PROCESS_ALL_ACCESS, NULL, ParentProcess, Flags, SectionHandle, NULL, NULL, 0) from user mode. */
    public static final Routine NtCreateProcessExNative = Subsystems.win32Routine("ntdll!ZwCreateProcessEx")
            .call(NtCreateProcessExStub, (k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                PspCreateParameters c = new PspCreateParameters();
                c.parentHandle = call.handle;
                c.createFlags = call.flags;
                c.sectionHandle = call.value;
                c.desiredAccess = AccessMask.PROCESS_ALL_ACCESS;
                return StepResult.call(NtCreateProcessExStub, c);
            })
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                call.status = f.calleeStatus;
                call.returnValue = f.calleeStatus;
                return StepResult.ret(f.calleeStatus);
            })
            .build();

    /** XP's NtCreateProcessEx (the classic kernel's own service), with XP's PROCESS_ALL_ACCESS. */
    public static final Routine NtCreateProcessExNativeClassic = Subsystems.win32Routine("ntdll!ZwCreateProcessEx")
            .call(ClassicNtdll.NtCreateProcessExStub, (k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                PspCreateParameters c = new PspCreateParameters();
                c.parentHandle = call.handle;
                c.createFlags = call.flags;
                c.sectionHandle = call.value;
                c.desiredAccess = AccessMask.PROCESS_ALL_ACCESS_XP;
                return StepResult.call(ClassicNtdll.NtCreateProcessExStub, c);
            })
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                call.status = f.calleeStatus;
                call.returnValue = f.calleeStatus;
                return StepResult.ret(f.calleeStatus);
            })
            .build();

    public static final Routine NtSetSystemInformationClassicStub = Syscalls.classicStub(StoreManager.NtSetSystemInformation, 0);

    public static final Routine NtSetSystemInformationNative = setSystemInformation(NtSetSystemInformationStub);
    /** XP's: the same service through KiFastCallEntry, which knows no SystemStoreInformation. */
    public static final Routine NtSetSystemInformationNativeClassic = setSystemInformation(NtSetSystemInformationClassicStub);

    private static Routine setSystemInformation(Routine stub) {
        return Subsystems.win32Routine("ntdll!ZwSetSystemInformation")
                .call(stub, (k, t, f) -> StepResult.call(stub, NtArgs.of(0, StoreManager.SYSTEM_STORE_INFORMATION)))
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.status = f.calleeStatus;
                    call.returnValue = f.calleeStatus;
                    return StepResult.ret(f.calleeStatus);
                })
                .build();
    }
}
