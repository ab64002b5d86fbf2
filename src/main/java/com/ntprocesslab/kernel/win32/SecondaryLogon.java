package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.mm.StartupParameters;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.se.Privilege;
import com.ntprocesslab.kernel.win32.RpcServer.ClientCall;

/**
 * The Secondary Logon service (seclogon.dll in svchost.exe) and advapi32's client of it.
 * CreateProcessWithLogonW and CreateProcessWithTokenW send the request to the service's
 * local RPC endpoint, starting the service first when nobody listens there
 * (c_SeclCreateProcessWithLogonW: RPC_S_SERVER_UNAVAILABLE -> StartSeclogonService -> one more
 * try; Windows Server 2003 advapi32 cseclogn.cxx). The service's thread runs
 * SlrCreateProcessWithLogon on its own stack: it opens the caller's process by the ID the
 * request names, logs the user on with LogonUser (the token form duplicates the caller's
 * token instead), calls CreateProcessAsUserW with the caller as the new process's parent
 * (PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, Vista on), duplicates hProcess and hThread into the
 * caller and closes its own (ReactOS base/services/seclogon/rpcserver.c
 * SeclCreateProcessWithLogonW; Server 2003 seclogon.cxx SlrCreateProcessWithLogon), and the
 * reply carries PROCESS_INFORMATION back. The user profile (LOGON_WITH_PROFILE's
 * LoadUserProfile) and the desktop ACL changes are not modelled: the machine has neither.
 */
public final class SecondaryLogon {
    /** The endpoint seclogon registers (ncalrpc:[SECLOGON], wszSeclogonSharedProcEndpointName in seclogon.h). */
    public static final String ENDPOINT = "SECLOGON";
    static final String SECL_CREATE_PROCESS_WITH_LOGON = "SeclCreateProcessWithLogonW";
    /** The access CreateProcessWithTokenW's hToken must grant (Microsoft Learn, CreateProcessWithTokenW). */
    static final long TOKEN_ASSIGN_PRIMARY = 0x1;
    static final long TOKEN_DUPLICATE = 0x2;
    static final long TOKEN_QUERY = 0x8;
    static final long TOKEN_NEEDED = TOKEN_ASSIGN_PRIMARY | TOKEN_DUPLICATE | TOKEN_QUERY;

    private SecondaryLogon() {
    }

    /** SECL_SLI and SECL_SLRI in one block: what the caller asks for, and PROCESS_INFORMATION back. */
    public static final class Request extends RpcServer.Reply {
        /** lpUsername (CreateProcessWithLogonW) or null; the caller's hToken (CreateProcessWithTokenW) otherwise. */
        String user;
        long token;
        long logonFlags;
        String commandLine;
        String applicationName;
        long creationFlags;
        StartupParameters startup;
        /** The client's first try failed for want of a server: the service was started, this is the second. */
        boolean retried;
        /** StartSeclogonService's wait while the service starts. */
        ServiceControl.StartWait start;
        long hProcess;
        long hThread;
        long processId;
        long threadId;
    }

    /** The request from the caller's CreateProcessWithLogonW / WithTokenW arguments. */
    static Request request(ApiCall call, long creationFlags) {
        Request r = new Request();
        r.user = call.user;
        r.token = call.user == null ? call.tokenHandle : 0;
        r.logonFlags = call.options;
        r.commandLine = call.path;
        r.applicationName = call.applicationName;
        r.creationFlags = creationFlags;
        r.startup = StartupParameters.copyOf(call.startup);
        return r;
    }

    /**
     * c_SeclCreateProcessWithLogonW: the RPC to seclogon; when no server listens
     * (RPC_S_SERVER_UNAVAILABLE) and this is the first try, StartSeclogonService, then again.
     */
    static final Routine ClientCreateProcessWithLogon = Subsystems.win32Routine("ADVAPI32!c_SeclCreateProcessWithLogonW")
            .label("call")
            .call(RpcServer.NdrClientCall3, (k, t, f) -> StepResult.call(RpcServer.NdrClientCall3,
                    new ClientCall(ENDPOINT, SECL_CREATE_PROCESS_WITH_LOGON, f.args(Request.class))))
            .inline((k, t, f) -> {
                Request r = f.args(Request.class);
                if (r.error != RpcServer.RPC_S_SERVER_UNAVAILABLE || r.retried) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                r.retried = true;
                return next();
            })
            .call(ServiceControl.StartSeclogonService, (k, t, f) -> {
                Request r = f.args(Request.class);
                r.start = new ServiceControl.StartWait();
                return StepResult.call(ServiceControl.StartSeclogonService, r.start);
            })
            .inline((k, t, f) -> {
                Request r = f.args(Request.class);
                long error = r.start.error;
                r.start = null;
                if (error != 0) {
                    r.error = error;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                r.error = 0;
                return jump("call");
            })
            .build();

    /** svchost's service entry for seclogon: SvcEntry_Seclogon -> ServiceMain. */
    static final Routine ServiceMain = Subsystems.win32Routine("seclogon!ServiceMain")
            // SeclStartRpcServer: the endpoint clients reach
            .step("seclogon!SeclStartRpcServer", (k, t, f) -> {
                f.args(ApiCall.class).handle = RpcServer.registerEndpoint(k, t, ENDPOINT);
                return next();
            })
            // tell the SCM the service is up (MySetServiceStatus(SERVICE_RUNNING))
            .call(ServiceControl.SetServiceStatus, (k, t, f) -> {
                ServiceControl.ServiceRequest running = new ServiceControl.ServiceRequest();
                running.currentState = ServiceControl.SERVICE_RUNNING;
                return StepResult.call(ServiceControl.SetServiceStatus, running);
            })
            .call(RpcServer.RpcServerListen, (k, t, f) -> StepResult.call(RpcServer.RpcServerListen,
                    new RpcServer.Listen(f.args(ApiCall.class).handle, null)))
            .returnCalleeStatus()
            .build();

    static final Routine SvcEntrySeclogon = Subsystems.win32Routine("seclogon!SvcEntry_Seclogon")
            .tailCall(ServiceMain)
            .build();

    /** The service's work on one request: the handles it holds in svchost while it runs, the nested API call. */
    public static final class Work {
        final Request request;
        final long clientProcessId;
        long clientHandle;
        long tokenHandle;
        ApiCall nested;
        ApiCall creation;
        HandleTable.FreeListMark mark;

        Work(Request request, long clientProcessId) {
            this.request = request;
            this.clientProcessId = clientProcessId;
        }
    }

    private static ApiCall nested(EThread t, String api) {
        ApiCall call = new ApiCall(Apis.find(api), "");
        call.callerPid = t.process.uniqueProcessId;
        return call;
    }

    /** The work stops with this Win32 error; what it opened is closed on the way out. */
    private static StepResult fail(Work w, long error) {
        w.request.error = error;
        return jump("close");
    }

    private static ApiCall duplicate(EThread t, long sourceProcess, long source, long targetProcess, long options) {
        ApiCall dup = nested(t, "DuplicateHandle");
        dup.handle = sourceProcess;
        dup.sourceHandle = source;
        dup.targetProcess = targetProcess;
        dup.options = options;
        return dup;
    }

    static final Routine SlrCreateProcessWithLogon = slrCreateProcessWithLogon(HandleApis.MODERN.duplicateHandle());

    private static Routine slrCreateProcessWithLogon(Routine duplicateHandle) {
        return Subsystems.win32Routine("seclogon!SlrCreateProcessWithLogon")
                // OpenProcess(dwProcessId): the caller's process, to duplicate handles into and to be the parent
                .call(Win32Api.OpenProcess, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.mark = t.process.objectTable.mark();
                    w.nested = nested(t, "OpenProcess");
                    w.nested.value = AccessMask.PROCESS_DUP_HANDLE | AccessMask.PROCESS_CREATE_PROCESS | AccessMask.PROCESS_QUERY_INFORMATION;
                    w.nested.pid = w.clientProcessId;
                    return StepResult.call(Win32Api.OpenProcess, w.nested);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    if (w.nested.returnValue == 0) {
                        return fail(w, w.nested.lastError);
                    }
                    w.clientHandle = w.nested.returnValue;
                    if (w.request.user != null) {
                        return jump("logon");
                    }
                    // CreateProcessWithTokenW: "The process that calls CreateProcessWithTokenW must have the
                    // SE_IMPERSONATE_NAME privilege" (Microsoft Learn); the service checks the client's token
                    EProcess client = (EProcess) k.pspCidTable.lookup(w.clientProcessId);
                    if (client == null || client.token == null || !client.token.has(Privilege.SeImpersonatePrivilege)) {
                        return fail(w, Win32Error.ERROR_PRIVILEGE_NOT_HELD);
                    }
                    return next();
                })
                // the caller's token, duplicated from the caller's table into svchost's
                .call(duplicateHandle, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = duplicate(t, w.clientHandle, w.request.token, ObjectManager.CURRENT_PROCESS, ObjectManager.DUPLICATE_SAME_ACCESS);
                    return StepResult.call(duplicateHandle, w.nested);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    if (w.nested.returnValue == 0) {
                        return fail(w, w.nested.lastError);
                    }
                    w.tokenHandle = w.nested.outValue;
                    // "The handle must have the TOKEN_QUERY, TOKEN_DUPLICATE, and TOKEN_ASSIGN_PRIMARY access rights" (Microsoft Learn)
                    HandleEntry entry = t.process.objectTable.lookup(w.tokenHandle);
                    if (entry.object() instanceof com.ntprocesslab.kernel.se.Token && (entry.grantedAccess() & TOKEN_NEEDED) != TOKEN_NEEDED) {
                        return fail(w, Win32Error.ERROR_ACCESS_DENIED);
                    }
                    return jump("create");
                })
                .label("logon")
                // LogonUser(lpUsername, ...): the user's primary token, in svchost's table
                .call(Win32Api.LogonUserW, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = nested(t, "LogonUserW");
                    w.nested.user = w.request.user;
                    return StepResult.call(Win32Api.LogonUserW, w.nested);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    if (w.nested.returnValue == 0) {
                        return fail(w, w.nested.lastError == 0 ? ERROR_LOGON_FAILURE : w.nested.lastError);
                    }
                    w.tokenHandle = w.nested.returnValue;
                    return next();
                })
                .label("create")
                // CreateProcessAsUserW on this thread, the caller as the parent (PROC_THREAD_ATTRIBUTE_PARENT_PROCESS)
                .call(KernelBase.CreateProcessAsUserW, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    ApiCall create = nested(t, "CreateProcessAsUserW");
                    create.tokenHandle = w.tokenHandle;
                    create.path = w.request.commandLine;
                    create.applicationName = w.request.applicationName;
                    create.flags = w.request.creationFlags;
                    create.startup = w.request.startup;
                    create.parentProcess = w.clientHandle;
                    w.creation = create;
                    return StepResult.call(KernelBase.CreateProcessAsUserW, create);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    if (w.creation.returnValue == 0) {
                        return fail(w, w.creation.lastError);
                    }
                    w.request.processId = w.creation.processId;
                    w.request.threadId = w.creation.threadId;
                    return next();
                })
                // PROCESS_INFORMATION's handles, valid in the caller; svchost's own are closed with the duplication
                .call(duplicateHandle, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = duplicate(t, ObjectManager.CURRENT_PROCESS, w.creation.hProcess, w.clientHandle,
                            ObjectManager.DUPLICATE_SAME_ACCESS | ObjectManager.DUPLICATE_CLOSE_SOURCE);
                    return StepResult.call(duplicateHandle, w.nested);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.request.hProcess = w.nested.outValue;
                    return next();
                })
                .call(duplicateHandle, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = duplicate(t, ObjectManager.CURRENT_PROCESS, w.creation.hThread, w.clientHandle,
                            ObjectManager.DUPLICATE_SAME_ACCESS | ObjectManager.DUPLICATE_CLOSE_SOURCE);
                    return StepResult.call(duplicateHandle, w.nested);
                })
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.request.hThread = w.nested.outValue;
                    w.request.error = Win32Error.ERROR_SUCCESS;
                    return next();
                })
                .label("close")
                // the token and the caller's process handle are svchost's only while the request runs
                .inline((k, t, f) -> f.args(Work.class).tokenHandle == 0 ? jump("closeClient") : next())
                .call(Win32Api.CloseHandle, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = nested(t, "CloseHandle");
                    w.nested.handle = w.tokenHandle;
                    w.tokenHandle = 0;
                    return StepResult.call(Win32Api.CloseHandle, w.nested);
                })
                .label("closeClient")
                .inline((k, t, f) -> f.args(Work.class).clientHandle == 0 ? jump("done") : next())
                .call(Win32Api.CloseHandle, (k, t, f) -> {
                    Work w = f.args(Work.class);
                    w.nested = nested(t, "CloseHandle");
                    w.nested.handle = w.clientHandle;
                    w.clientHandle = 0;
                    return StepResult.call(Win32Api.CloseHandle, w.nested);
                })
                .label("done")
                .inline((k, t, f) -> {
                    Work w = f.args(Work.class);
                    // a failed request leaves svchost's handle table as it found it (the machine's rule for a failed call)
                    if (w.request.error != 0 && w.mark != null) {
                        t.process.objectTable.restore(w.mark);
                    }
                    w.mark = null;
                    w.nested = null;
                    w.creation = null;
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    /** SeclCreateProcessWithLogonW, the RPC procedure: the work is SlrCreateProcessWithLogon's. */
    static final Routine SeclCreateProcessWithLogonW = Subsystems.win32Routine("seclogon!SeclCreateProcessWithLogonW")
            .call(SlrCreateProcessWithLogon, (k, t, f) -> {
                RpcServer.Call c = f.args(RpcServer.Call.class);
                return StepResult.call(SlrCreateProcessWithLogon, new Work(c.body(Request.class), c.message.clientProcess));
            })
            .returnCalleeStatus()
            .build();

    /** ERROR_LOGON_FAILURE (winerror.h 1326): "The user name or password is incorrect." */
    public static final long ERROR_LOGON_FAILURE = 1326;

    static java.util.List<Routine> routines() {
        return java.util.List.of(ClientCreateProcessWithLogon, ServiceMain, SvcEntrySeclogon, SeclCreateProcessWithLogonW,
                SlrCreateProcessWithLogon);
    }
}
