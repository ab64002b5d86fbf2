package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.se.Privilege;
import java.util.List;
import java.util.function.Supplier;

/**
 * CreateProcessWithLogonW and CreateProcessWithTokenW (advapi32). On Windows both go through
 * CreateProcessWithLogonCommonW to the Secondary Logon service (seclogon in svchost), whose
 * SlrCreateProcessWithLogon logs the user on with LogonUser (the token variant: uses the
 * caller's token, which needs SE_IMPERSONATE_NAME), loads the profile for LOGON_WITH_PROFILE,
 * and calls CreateProcessAsUserW (ReactOS base/services/seclogon/rpcserver.c; Microsoft Learn,
 * CreateProcessWithLogonW / CreateProcessWithTokenW), while the caller waits for the reply.
 * The Windows 10 machine does just that ({@link SecondaryLogon}, {@link ServiceControl}). The
 * XP machine has no seclogon service in its svchost: there the caller's thread runs the same
 * sequence itself (LogonUserW's token, CreateProcessAsUserW down to NtCreateProcessEx, the
 * token closed), so the call returns only when the creation is done, with PROCESS_INFORMATION
 * as CreateProcessW does. The profile is not modelled (the machine has no user profiles).
 */
public final class LogonCreation {
    /** dwLogonFlags (winbase.h): the only two values Microsoft Learn documents. */
    public static final long LOGON_WITH_PROFILE = 0x1;
    public static final long LOGON_NETCREDENTIALS_ONLY = 0x2;

    public static final LogonCreation MODERN = new LogonCreation("ADVAPI32!", null, null);
    public static final LogonCreation CLASSIC = new LogonCreation("advapi32!", () -> Kernel32.CreateProcessAsUserW, () -> Kernel32Api.CloseHandle);

    /** dwCreationFlags advapi32 refuses (cseclogn.cxx: ERROR_INVALID_PARAMETER) and the ones it always adds. */
    static final long REFUSED_FLAGS = CreationFlags.DEBUG_PROCESS | CreationFlags.DEBUG_ONLY_THIS_PROCESS | CreationFlags.DETACHED_PROCESS;
    static final long FORCED_FLAGS = CreationFlags.CREATE_DEFAULT_ERROR_MODE | CreationFlags.CREATE_NEW_CONSOLE | CreationFlags.CREATE_NEW_PROCESS_GROUP;
    /** STATUS_UNSUCCESSFUL: the call failed with the Win32 error the service replied. */
    private static final long STATUS_UNSUCCESSFUL = 0xC0000001L;
    private static final long PRIORITY_FLAGS = 0x20 | 0x40 | 0x80 | 0x100 | 0x4000 | 0x8000;

    private final Routine common;
    private final Routine withLogon;
    private final Routine withToken;

    private LogonCreation(String module, Supplier<Routine> asUser, Supplier<Routine> closeHandle) {
        Routine common = asUser == null ? throughSeclogon(module) : inCaller(module, asUser, closeHandle);
        this.common = common;
        this.withLogon = Subsystems.win32Routine(module + "CreateProcessWithLogonW").stage(1)
                .tailCall(common, (k, t, f) -> StepResult.call(common, f.args))
                .build();
        this.withToken = Subsystems.win32Routine(module + "CreateProcessWithTokenW").stage(1)
                .tailCall(common, (k, t, f) -> StepResult.call(common, f.args))
                .build();
    }

    /** The arguments advapi32 refuses before anything is sent: dwLogonFlags beyond the two documented, debugging and detached flags. */
    private static StepResult refuseArguments(com.ntprocesslab.kernel.ps.EThread t, ApiCall call) {
        if ((call.options & ~(LOGON_WITH_PROFILE | LOGON_NETCREDENTIALS_ONLY)) != 0 || (call.flags & REFUSED_FLAGS) != 0) {
            return fail(t, call, Win32Error.ERROR_INVALID_PARAMETER, NtStatus.STATUS_INVALID_PARAMETER);
        }
        return null;
    }

    /**
     * Windows 10: the request goes to the Secondary Logon service ({@link SecondaryLogon}), which
     * creates the process on its own thread; the caller waits for the reply. The creation flags
     * get CREATE_DEFAULT_ERROR_MODE | CREATE_NEW_CONSOLE | CREATE_NEW_PROCESS_GROUP, and an idle
     * caller that names no priority class asks for IDLE (cseclogn.cxx): the creator is svchost now.
     */
    private static Routine throughSeclogon(String module) {
        return Subsystems.win32Routine(module + "CreateProcessWithLogonCommonW").stage(1)
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    StepResult refused = refuseArguments(t, call);
                    return refused != null ? refused : next();
                })
                .call(SecondaryLogon.ClientCreateProcessWithLogon, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    long flags = call.flags | FORCED_FLAGS;
                    if ((flags & PRIORITY_FLAGS) == 0 && com.ntprocesslab.kernel.ke.PriorityClass.IDLE.name().equals(t.process.priorityClass)) {
                        flags |= com.ntprocesslab.kernel.ke.PriorityClass.IDLE.creationFlag;
                    }
                    call.seclogon = SecondaryLogon.request(call, flags);
                    return StepResult.call(SecondaryLogon.ClientCreateProcessWithLogon, call.seclogon);
                })
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    SecondaryLogon.Request r = call.seclogon;
                    call.seclogon = null;
                    if (r.error != Win32Error.ERROR_SUCCESS) {
                        call.returnValue = 0;
                        call.status = STATUS_UNSUCCESSFUL;
                        LastError.set(t, call, r.error);
                        return ret(STATUS_UNSUCCESSFUL);
                    }
                    call.processCreated(r.hProcess, r.hThread, 1);
                    call.processId = r.processId;
                    call.threadId = r.threadId;
                    call.status = NtStatus.STATUS_SUCCESS;
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    /** Windows XP: the same sequence on the caller's own thread (see the class comment). */
    private static Routine inCaller(String module, Supplier<Routine> asUser, Supplier<Routine> closeHandle) {
        return Subsystems.win32Routine(module + "CreateProcessWithLogonCommonW").stage(1)
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    StepResult refused = refuseArguments(t, call);
                    if (refused != null) {
                        return refused;
                    }
                    // a token handed in: the caller must hold SeImpersonatePrivilege (Microsoft Learn, CreateProcessWithTokenW)
                    if (call.user == null && !t.process.token.has(Privilege.SeImpersonatePrivilege)) {
                        return fail(t, call, Win32Error.ERROR_PRIVILEGE_NOT_HELD, NtStatus.STATUS_PRIVILEGE_NOT_HELD);
                    }
                    return call.user == null ? StepResult.jump("create") : next();
                })
                // LogonUser: a primary token for the named user, as seclogon's SeclCreateProcessWithLogonW gets one
                .call(Win32Api.LogonUserW, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    ApiCall logon = new ApiCall(Apis.find("LogonUserW"), call.user);
                    logon.user = call.user;
                    logon.callerPid = call.callerPid;
                    call.nested = logon;
                    return StepResult.call(Win32Api.LogonUserW, logon);
                })
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    ApiCall logon = call.nested;
                    call.nested = null;
                    if (logon.returnValue == 0) {
                        call.returnValue = 0;
                        call.status = logon.status;
                        call.lastError = logon.lastError;
                        return ret(logon.status == 0 ? NtStatus.STATUS_INVALID_PARAMETER : logon.status);
                    }
                    call.tokenHandle = logon.returnValue;
                    call.logonToken = logon.returnValue;
                    return next();
                })
                .label("create")
                .call(asUser.get(), (k, t, f) -> StepResult.call(asUser.get(), f.args))
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.status = f.calleeStatus;
                    if (call.logonToken == 0) {
                        return ret(f.calleeStatus);
                    }
                    // the logon token is closed once the process holds its own copy
                    ApiCall close = new ApiCall(Apis.find("CloseHandle"), "");
                    close.handle = call.logonToken;
                    call.nested = close;
                    return StepResult.call(closeHandle.get(), close);
                })
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.nested = null;
                    call.logonToken = 0;
                    call.tokenHandle = 0;
                    return ret(call.status);
                })
                .build();
    }

    private static StepResult fail(com.ntprocesslab.kernel.ps.EThread t, ApiCall call, long error, long status) {
        call.returnValue = 0;
        call.status = status;
        LastError.set(t, call, error);
        return ret(status);
    }

    public Routine withLogon() {
        return withLogon;
    }

    public Routine withToken() {
        return withToken;
    }

    List<Routine> routines() {
        if (this == CLASSIC) {
            return List.of(withLogon, withToken, common);
        }
        List<Routine> all = new java.util.ArrayList<>(List.of(withLogon, withToken, common));
        all.addAll(SecondaryLogon.routines());
        all.addAll(ServiceControl.routines());
        return all;
    }
}
