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
    public static final Routine NtCreateProcessExNative = createProcessEx(NtCreateProcessExStub, AccessMask.PROCESS_ALL_ACCESS);

    /** XP's NtCreateProcessEx (the classic kernel's own service), with XP's PROCESS_ALL_ACCESS. */
    public static final Routine NtCreateProcessExNativeClassic = createProcessEx(ClassicNtdll.NtCreateProcessExStub, AccessMask.PROCESS_ALL_ACCESS_XP);

    public static final Routine NtCreateProcessStub = Syscalls.stub(MinimalProcesses.NtCreateProcess, 2);

    /** NtCreateProcess(&h, PROCESS_ALL_ACCESS, NULL, ParentProcess, InheritObjectTable, SectionHandle, NULL, NULL) from user mode. */
    public static final Routine NtCreateProcessNative = createProcess(NtCreateProcessStub, AccessMask.PROCESS_ALL_ACCESS);

    /** XP's NtCreateProcess, the service RtlCreateUserProcess calls, with XP's PROCESS_ALL_ACCESS. */
    public static final Routine NtCreateProcessNativeClassic = createProcess(ClassicNtdll.NtCreateProcessStub, AccessMask.PROCESS_ALL_ACCESS_XP);

    private static Routine createProcess(Routine stub, long desiredAccess) {
        return Subsystems.win32Routine("ntdll!ZwCreateProcess")
                .call(stub, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    PspCreateParameters c = new PspCreateParameters();
                    c.parentHandle = call.handle;
                    c.inheritObjectTable = call.inherit;
                    c.sectionHandle = call.value;
                    c.desiredAccess = desiredAccess;
                    return StepResult.call(stub, c);
                })
                .inline((k, t, f) -> returnNtStatus(f.args(ApiCall.class), f.calleeStatus))
                .build();
    }

    private static Routine createProcessEx(Routine stub, long desiredAccess) {
        return Subsystems.win32Routine("ntdll!ZwCreateProcessEx")
                .call(stub, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    PspCreateParameters c = new PspCreateParameters();
                    c.parentHandle = call.handle;
                    c.createFlags = call.flags;
                    c.sectionHandle = call.value;
                    c.desiredAccess = desiredAccess;
                    return StepResult.call(stub, c);
                })
                .inline((k, t, f) -> returnNtStatus(f.args(ApiCall.class), f.calleeStatus))
                .build();
    }

    public static final Routine NtSetSystemInformationClassicStub = Syscalls.classicStub(StoreManager.NtSetSystemInformation, 0);

    public static final Routine NtSetSystemInformationNative = setSystemInformation(NtSetSystemInformationStub);
    /** XP's: the same service through KiFastCallEntry, which knows no SystemStoreInformation. */
    public static final Routine NtSetSystemInformationNativeClassic = setSystemInformation(NtSetSystemInformationClassicStub);

    private static Routine setSystemInformation(Routine stub) {
        return Subsystems.win32Routine("ntdll!ZwSetSystemInformation")
                .call(stub, (k, t, f) -> StepResult.call(stub, NtArgs.of(0, StoreManager.SYSTEM_STORE_INFORMATION)))
                .inline((k, t, f) -> returnNtStatus(f.args(ApiCall.class), f.calleeStatus))
                .build();
    }

    /** A native API returns the NTSTATUS itself (there is no Win32 result and no last error). */
    private static StepResult returnNtStatus(ApiCall call, long status) {
        call.status = status;
        call.returnValue = status;
        return StepResult.ret(status);
    }
}
