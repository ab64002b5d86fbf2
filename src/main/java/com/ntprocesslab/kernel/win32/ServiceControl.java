package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.win32.RpcServer.ClientCall;

/**
 * The service control manager in services.exe and the client side of it that sechost gives
 * a program (ReactOS base/system/services: rpcserver.c RStartServiceW, database.c
 * ScmStartService / ScmStartUserModeService; ReactOS dll/win32/advapi32/service/scm.c for the
 * client). The machine's SCM knows one demand-start service, seclogon, hosted by
 * {@code svchost.exe -k netsvcs -p -s seclogon} (the Windows 10 ImagePath of the Secondary
 * Logon service). StartService creates the host process on the SCM's thread and answers at
 * once; the service reports SERVICE_RUNNING itself through SetServiceStatus, and a client
 * that needs it running polls QueryServiceStatus, as advapi32's StartSeclogonService does
 * (cseclogn.cxx: every 100 ms, for at most 20 s).
 */
public final class ServiceControl {
    /** The SCM's local RPC endpoint (ncalrpc:[ntsvcs]). */
    public static final String ENDPOINT = "ntsvcs";
    static final String R_START_SERVICE = "RStartServiceW";
    static final String R_QUERY_SERVICE_STATUS = "RQueryServiceStatus";
    static final String R_SET_SERVICE_STATUS = "RSetServiceStatus";

    /** SERVICE_STATUS.dwCurrentState (winsvc.h). */
    public static final int SERVICE_STOPPED = 1;
    public static final int SERVICE_START_PENDING = 2;
    public static final int SERVICE_RUNNING = 4;
    /** DETACHED_PROCESS: how ScmStartUserModeService starts a service process (ReactOS database.c). */
    private static final long DETACHED_PROCESS = 0x8;

    /** ERROR_SERVICE_ALREADY_RUNNING, ERROR_SERVICE_REQUEST_TIMEOUT (winerror.h). */
    public static final long ERROR_SERVICE_ALREADY_RUNNING = 1056;
    public static final long ERROR_SERVICE_REQUEST_TIMEOUT = 1053;

    /** The seclogon service's ImagePath (HKLM\SYSTEM\CurrentControlSet\Services\seclogon on Windows 10). */
    public static final String SECLOGON_IMAGE_PATH = "C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s seclogon";

    private ServiceControl() {
    }

    /** The SCM's record of the seclogon service: its state and the SCM's handle to its host process. */
    public static final class ServiceRecord {
        public int currentState = SERVICE_STOPPED;
        public long processHandle;
        public long processId;
    }

    /** The request and reply blocks of the three SCM procedures. */
    public static final class ServiceRequest extends RpcServer.Reply {
        /** QueryServiceStatus's answer, SetServiceStatus's new state. */
        public int currentState;
        /** The SCM's own CreateProcessW call while it starts the host. */
        ApiCall launch;
    }

    /** What services.exe's main thread runs: the SCM's endpoint, then its RPC server loop. */
    static final Routine SvcctrlMain = Subsystems.win32Routine("services!SvcctrlMain")
            .step("services!ScmStartRpcServer", (k, t, f) -> {
                f.args(ApiCall.class).handle = RpcServer.registerEndpoint(k, t, ENDPOINT);
                return next();
            })
            .call(RpcServer.RpcServerListen, (k, t, f) -> StepResult.call(RpcServer.RpcServerListen,
                    new RpcServer.Listen(f.args(ApiCall.class).handle, new ServiceRecord())))
            .returnCalleeStatus()
            .build();

    private static ServiceRecord database(RpcServer.Call c) {
        return (ServiceRecord) c.server.database;
    }

    /** The host process is gone (killed, or exited): the service is stopped, whatever it last reported. */
    private static void noticeHostExit(Subsystems k, com.ntprocesslab.kernel.ps.EThread t, ServiceRecord s) {
        if (s.processHandle == 0) {
            return;
        }
        HandleEntry entry = t.process.objectTable.lookup(s.processHandle);
        if (entry == null || !(entry.object() instanceof EProcess host) || !host.alive()) {
            com.ntprocesslab.kernel.ob.ObjectManager.NtClose(k, t.process.objectTable, s.processHandle);
            s.processHandle = 0;
            s.processId = 0;
            s.currentState = SERVICE_STOPPED;
        }
    }

    /**
     * RStartServiceW -> ScmStartService -> ScmStartUserModeService: a stopped service's host is
     * started with CreateProcessW on the SCM's own thread; the SCM keeps the process handle and
     * closes the thread's. A service already started is ERROR_SERVICE_ALREADY_RUNNING.
     */
    static final Routine RStartServiceW = Subsystems.win32Routine("services!RStartServiceW")
            .inline((k, t, f) -> {
                RpcServer.Call c = f.args(RpcServer.Call.class);
                ServiceRecord s = database(c);
                noticeHostExit(k, t, s);
                if (s.currentState != SERVICE_STOPPED) {
                    c.body(ServiceRequest.class).error = ERROR_SERVICE_ALREADY_RUNNING;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return next();
            })
            .call(KernelBase.CreateProcessWStub, (k, t, f) -> {
                ServiceRequest r = f.args(RpcServer.Call.class).body(ServiceRequest.class);
                r.launch = new ApiCall(Apis.find("CreateProcessW"), SECLOGON_IMAGE_PATH);
                r.launch.path = SECLOGON_IMAGE_PATH;
                r.launch.flags = DETACHED_PROCESS;
                r.launch.callerPid = t.process.uniqueProcessId;
                return StepResult.call(KernelBase.CreateProcessWStub, r.launch);
            })
            .inline((k, t, f) -> {
                RpcServer.Call c = f.args(RpcServer.Call.class);
                ServiceRequest r = c.body(ServiceRequest.class);
                if (r.launch.returnValue == 0) {
                    r.error = r.launch.lastError;
                    r.launch = null;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                ServiceRecord s = database(c);
                s.currentState = SERVICE_START_PENDING;
                s.processHandle = r.launch.hProcess;
                s.processId = r.launch.processId;
                ApiCall close = new ApiCall(Apis.find("CloseHandle"), "");
                close.handle = r.launch.hThread;
                return StepResult.call(Win32Api.CloseHandle, close);
            })
            .inline((k, t, f) -> {
                f.args(RpcServer.Call.class).body(ServiceRequest.class).launch = null;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** RQueryServiceStatus: the service's current state. */
    static final Routine RQueryServiceStatus = Subsystems.win32Routine("services!RQueryServiceStatus")
            .inline((k, t, f) -> {
                RpcServer.Call c = f.args(RpcServer.Call.class);
                ServiceRecord s = database(c);
                noticeHostExit(k, t, s);
                c.body(ServiceRequest.class).currentState = s.currentState;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** RSetServiceStatus: the service's host reports its state (only the host the SCM started may). */
    static final Routine RSetServiceStatus = Subsystems.win32Routine("services!RSetServiceStatus")
            .inline((k, t, f) -> {
                RpcServer.Call c = f.args(RpcServer.Call.class);
                ServiceRecord s = database(c);
                ServiceRequest r = c.body(ServiceRequest.class);
                if (s.processId == 0 || c.message.clientProcess != s.processId) {
                    r.error = com.ntprocesslab.kernel.nt.Win32Error.ERROR_INVALID_HANDLE;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                s.currentState = r.currentState;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** sechost's client procedures: each an RPC to the SCM's endpoint. */
    static final Routine StartServiceW = clientProcedure("sechost!StartServiceW", R_START_SERVICE);
    static final Routine QueryServiceStatus = clientProcedure("sechost!QueryServiceStatus", R_QUERY_SERVICE_STATUS);
    static final Routine SetServiceStatus = clientProcedure("sechost!SetServiceStatus", R_SET_SERVICE_STATUS);

    private static Routine clientProcedure(String symbol, String procedure) {
        return Subsystems.win32Routine(symbol)
                .call(RpcServer.NdrClientCall3, (k, t, f) -> StepResult.call(RpcServer.NdrClientCall3,
                        new ClientCall(ENDPOINT, procedure, f.args(ServiceRequest.class))))
                .returnCalleeStatus()
                .build();
    }

    /** The polling interval and limit of advapi32's StartSeclogonService (cseclogn.cxx), in the clock's 100 ns units. */
    static final long POLL_INTERVAL = 100 * 10_000L;
    static final long START_TIMEOUT = 20_000 * 10_000L;

    /** A client waiting for a service: when it began, and the call in flight. */
    public static final class StartWait {
        long started;
        ServiceRequest request;
        long error;
    }

    /** SleepEx(100, FALSE) -> NtDelayExecution: the thread waits on its timer alone. */
    static final Routine NtDelayExecution = com.ntprocesslab.kernel.ps.Executive.routine("nt!NtDelayExecution")
            .step("nt!KeDelayExecutionThread", (k, t, f) -> {
                if (t.tcb.waitDeadline == 0) {
                    k.scheduler.setTimer(t, k.clock() + POLL_INTERVAL);
                } else if (k.clock() >= t.tcb.waitDeadline) {
                    k.scheduler.cancelTimer(t);
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                k.scheduler.waitOn(t, null, KWaitReason.DelayExecution);
                return StepResult.BLOCK;
            })
            .build();
    static final Routine NtDelayExecutionStub = Syscalls.stub(NtDelayExecution, 0);
    static final Routine SleepEx = Subsystems.win32Routine("KERNELBASE!SleepEx")
            .call(NtDelayExecutionStub, (k, t, f) -> StepResult.call(NtDelayExecutionStub, null))
            .returnCalleeStatus()
            .build();


    /**
     * StartSeclogonService (cseclogn.cxx): StartService, then QueryServiceStatus until the
     * service is SERVICE_RUNNING, sleeping 100 ms between polls (SleepEx: the thread waits in
     * DelayExecution until its timer is due); after 20 s ERROR_SERVICE_REQUEST_TIMEOUT. A
     * service that is already running is no failure here: the caller only needs it up.
     * (OpenSCManager and OpenService, which only hand out the SCM's handles, are left out.)
     */
    static final Routine StartSeclogonService = Subsystems.win32Routine("ADVAPI32!StartSeclogonService")
            .call(StartServiceW, (k, t, f) -> {
                StartWait w = f.args(StartWait.class);
                w.started = k.clock();
                w.request = new ServiceRequest();
                return StepResult.call(StartServiceW, w.request);
            })
            .inline((k, t, f) -> {
                StartWait w = f.args(StartWait.class);
                if (w.request.error != 0 && w.request.error != ERROR_SERVICE_ALREADY_RUNNING) {
                    w.error = w.request.error;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return next();
            })
            .label("poll")
            .call(QueryServiceStatus, (k, t, f) -> {
                StartWait w = f.args(StartWait.class);
                w.request = new ServiceRequest();
                return StepResult.call(QueryServiceStatus, w.request);
            })
            .inline((k, t, f) -> {
                StartWait w = f.args(StartWait.class);
                if (w.request.error != 0) {
                    w.error = w.request.error;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                if (w.request.currentState == SERVICE_RUNNING) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                if (k.clock() - w.started > START_TIMEOUT) {
                    w.error = ERROR_SERVICE_REQUEST_TIMEOUT;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return next();
            })
            .call(SleepEx, (k, t, f) -> StepResult.call(SleepEx, null))
            .inline((k, t, f) -> jump("poll"))
            .build();

    static java.util.List<Routine> routines() {
        return java.util.List.of(SvcctrlMain, RStartServiceW, RQueryServiceStatus, RSetServiceStatus, StartServiceW,
                QueryServiceStatus, SetServiceStatus, StartSeclogonService, NtDelayExecution, NtDelayExecutionStub, SleepEx,
                RpcServer.RpcServerListen, RpcServer.NdrClientCall3);
    }
}
