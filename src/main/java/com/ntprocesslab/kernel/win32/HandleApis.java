package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.DuplicateArgs;
import com.ntprocesslab.kernel.ob.HandleServices;
import com.ntprocesslab.kernel.ob.ObServices;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ProcessInformation;
import com.ntprocesslab.kernel.ps.ProcessSuspension;
import com.ntprocesslab.kernel.se.Privilege;
import java.util.function.Function;

/**
 * DuplicateHandle, Get/SetHandleInformation, Get/SetPriorityClass and ntdll's
 * NtSuspendProcess/NtResumeProcess, built once per code path: KERNELBASE through
 * nt!KiSystemServiceCopyEnd (modern), kernel32 through nt!KiFastCallEntry (XP).
 */
public final class HandleApis {
    /** HANDLE_FLAG_INHERIT, the one handle flag this machine models. */
    public static final long HANDLE_FLAG_INHERIT = 0x1;

    private final Routine duplicateHandle;
    private final Routine getHandleInformation;
    private final Routine setHandleInformation;
    private final Routine getPriorityClass;
    private final Routine setPriorityClass;

    public static final HandleApis MODERN = new HandleApis("KERNELBASE!", Syscalls::stub,
            Win32Api.NtQueryInformationProcessStub, Syscalls.stub(ProcessInformation.NtSetInformationProcess, 0));
    public static final HandleApis CLASSIC = new HandleApis("kernel32!", Syscalls::classicStub,
            Kernel32Api.NtQueryInformationProcessStub, Syscalls.classicStub(ProcessInformation.NtSetInformationProcess, 0));

    /**
     * ntdll's NtSuspendProcess / NtResumeProcess, as the console calls them: one pair for both
     * profiles (as NtLoadDriver), entering through the modern stub.
     */
    static final Routine NtSuspendProcessStub = Syscalls.stub(ProcessSuspension.NtSuspendProcess, 0);
    static final Routine NtResumeProcessStub = Syscalls.stub(ProcessSuspension.NtResumeProcess, 0);
    static final Routine NtSuspendProcessNative = nativeCall(NtSuspendProcessStub, "ntdll!ZwSuspendProcess");
    static final Routine NtResumeProcessNative = nativeCall(NtResumeProcessStub, "ntdll!ZwResumeProcess");

    /** The ntdll stubs each profile builds once (a second stub of one service would make its key ambiguous). */
    private final Routine queryObjectStub;
    private final Routine setInformationProcessStub;
    private final Routine duplicateObjectStub;
    private final Routine setInformationObjectStub;

    @FunctionalInterface
    private interface StubMaker {
        Routine make(Routine service, int stage);
    }

    private HandleApis(String dll, StubMaker stubs, Routine queryProcess, Routine setProcess) {
        Routine dup = stubs.make(HandleServices.NtDuplicateObject, 0);
        Routine query = stubs.make(HandleServices.NtQueryObject, 0);
        Routine set = stubs.make(HandleServices.NtSetInformationObject, 0);
        duplicateObjectStub = dup;
        queryObjectStub = query;
        setInformationObjectStub = set;
        setInformationProcessStub = setProcess;

        duplicateHandle = Subsystems.win32Routine(dll + "DuplicateHandle")
                .call(dup, (k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    DuplicateArgs a = new DuplicateArgs();
                    a.sourceProcessHandle = c.handle;
                    a.sourceHandle = c.sourceHandle;
                    a.targetProcessHandle = c.targetProcess;
                    a.desiredAccess = c.value;
                    a.attributes = c.inherit ? ObServices.OBJ_INHERIT : 0;
                    a.options = c.options;
                    c.duplicate = a;
                    return StepResult.call(dup, a);
                })
                .inline((k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    DuplicateArgs a = c.duplicate;
                    c.duplicate = null;
                    c.outLabel = "TargetHandle";
                    c.outValue = NtStatus.success(f.calleeStatus) ? a.targetHandle : 0;
                    Win32Api.bool(c, null, f.calleeStatus, t);
                    c.status = f.calleeStatus;
                    return ret(f.calleeStatus);
                })
                .build();
        getHandleInformation = Win32Api.api(dll + "GetHandleInformation", query,
                c -> NtArgs.of(c.handle, HandleServices.OBJECT_HANDLE_FLAG_INFORMATION), (c, a, status, t) -> {
                    Win32Api.bool(c, a, status, t);
                    c.outLabel = "Flags";
                    c.outValue = NtStatus.success(status) ? a.out : 0;
                });
        // SetHandleInformation reads the flags, changes the masked ones, writes them back
        setHandleInformation = Subsystems.win32Routine(dll + "SetHandleInformation")
                .call(query, (k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    c.nt = NtArgs.of(c.handle, HandleServices.OBJECT_HANDLE_FLAG_INFORMATION);
                    return StepResult.call(query, c.nt);
                })
                .inline((k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    if (!NtStatus.success(f.calleeStatus)) {
                        return fail(t, c, f.calleeStatus);
                    }
                    return next();
                })
                .call(set, (k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    long flags = (c.nt.out & ~c.mask) | (c.value & c.mask);
                    c.nt = NtArgs.of(c.handle, HandleServices.OBJECT_HANDLE_FLAG_INFORMATION);
                    c.nt.information = flags;
                    return StepResult.call(set, c.nt);
                })
                .inline((k, t, f) -> returnBool(t, f.args(ApiCall.class), f.calleeStatus))
                .build();
        getPriorityClass = Win32Api.api(dll + "GetPriorityClass", queryProcess,
                c -> NtArgs.of(c.handle, ObServices.PROCESS_PRIORITY_CLASS), (c, a, status, t) -> {
                    if (NtStatus.success(status)) {
                        c.returnValue = flagOf(a.out);
                    } else {
                        c.returnValue = 0;
                        LastError.BaseSetLastNTError(t, c, status);
                    }
                });
        setPriorityClass = Subsystems.win32Routine(dll + "SetPriorityClass")
                // a dwPriorityClass that is not one class is refused before any system call
                .inline((k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    if (classOf(c.value) == null) {
                        LastError.set(t, c, Win32Error.ERROR_INVALID_PARAMETER);
                        c.returnValue = 0;
                        return ret(NtStatus.STATUS_INVALID_PARAMETER);
                    }
                    return next();
                })
                // REALTIME needs SeIncreaseBasePriorityPrivilege; without it the class is HIGH
                .step(dll + "BasepIsRealtimeAllowed", (k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    if (classOf(c.value) == PriorityClass.REALTIME && !t.process.token.has(Privilege.SeIncreaseBasePriorityPrivilege)) {
                        c.value = PriorityClass.HIGH.creationFlag;
                    }
                    return next();
                })
                .call(setProcess, (k, t, f) -> {
                    ApiCall c = f.args(ApiCall.class);
                    c.nt = NtArgs.of(c.handle, ProcessInformation.ProcessPriorityClass);
                    c.nt.information = ProcessInformation.priorityClassCode(classOf(c.value));
                    return StepResult.call(setProcess, c.nt);
                })
                .inline((k, t, f) -> returnBool(t, f.args(ApiCall.class), f.calleeStatus))
                .build();
    }

    private static Routine nativeCall(Routine stub, String symbol) {
        Function<ApiCall, NtArgs> build = c -> NtArgs.of(c.handle, 0);
        return Win32Api.api(symbol, stub, build, (c, a, status, t) -> c.returnValue = status);
    }

    /** The last system call of a Set* API finished: its status is the BOOL result. */
    private static StepResult returnBool(com.ntprocesslab.kernel.ps.EThread t, ApiCall c, long status) {
        c.nt = null;
        Win32Api.bool(c, null, status, t);
        c.status = status;
        return ret(status);
    }

    private static StepResult fail(com.ntprocesslab.kernel.ps.EThread t, ApiCall c, long status) {
        c.nt = null;
        c.returnValue = 0;
        c.status = status;
        LastError.BaseSetLastNTError(t, c, status);
        return ret(status);
    }

    /** The *_PRIORITY_CLASS value of dwPriorityClass, or null when it names no single class. */
    static PriorityClass classOf(long value) {
        for (PriorityClass pc : PriorityClass.values()) {
            if (pc.creationFlag == value) {
                return pc;
            }
        }
        return null;
    }

    /** PROCESS_PRIORITY_CLASS_* (1 idle ... 6 above normal) back to the Win32 class value. */
    static long flagOf(long code) {
        for (PriorityClass pc : PriorityClass.values()) {
            if (ProcessInformation.priorityClassCode(pc) == code) {
                return pc.creationFlag;
            }
        }
        return 0;
    }

    public static HandleApis of(boolean classic) {
        return classic ? CLASSIC : MODERN;
    }

    /** Every routine built here, for the profile's publisher. */
    public java.util.List<Routine> routines() {
        java.util.List<Routine> all = new java.util.ArrayList<>(java.util.List.of(duplicateHandle, getHandleInformation, setHandleInformation,
                getPriorityClass, setPriorityClass, duplicateObjectStub, queryObjectStub, setInformationObjectStub,
                setInformationProcessStub));
        return all;
    }

    /** This profile's ntdll!NtDuplicateObject stub (kernel32's StuffStdHandle calls it too). */
    Routine duplicateObjectStub() {
        return duplicateObjectStub;
    }

    public Routine duplicateHandle() {
        return duplicateHandle;
    }

    public Routine getHandleInformation() {
        return getHandleInformation;
    }

    public Routine setHandleInformation() {
        return setHandleInformation;
    }

    public Routine getPriorityClass() {
        return getPriorityClass;
    }

    public Routine setPriorityClass() {
        return setPriorityClass;
    }
}
