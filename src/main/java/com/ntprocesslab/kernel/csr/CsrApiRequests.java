package com.ntprocesslab.kernel.csr;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PortMessage;
import com.ntprocesslab.kernel.ps.PortObject;
import com.ntprocesslab.kernel.ps.PortServices;
import com.ntprocesslab.kernel.ps.PortServices.ConnectCall;
import com.ntprocesslab.kernel.ps.PortServices.PortCall;

/**
 * The message path between a Win32 client and csrss (ReactOS subsystems/win32/csrsrv/api.c,
 * CsrApiRequestThread; WRK psdelete.c for LPC_CLIENT_DIED). The client's
 * ntdll!CsrClientCallServer sends the request through the session's API port and waits for
 * the reply; csrss's server thread, blocked receiving in CsrApiRequestThread, takes it, runs
 * the BASESRV routine its API number names (BaseSrvCreateProcess: CsrCreateProcess, on
 * csrss's own thread and stack), and replies, which wakes the client. A thread's end reaches
 * csrss the same way: PspExitThread sends LPC_CLIENT_DIED to the thread's termination port,
 * and CsrApiRequestThread destroys the CSR_THREAD and, with the last one, the CSR_PROCESS.
 *
 * <p>The server thread is csrss's request thread, which CsrApiPortInitialize creates with
 * RtlCreateUserThread and registers as a static server thread ({@link CsrServerThreads});
 * csrss's first thread ends after CsrServerInitialization. A message finds the request thread
 * because it is the thread waiting on the port. Windows adds dynamic request threads when
 * every one is busy (api.c CsrpCheckRequestThreads); the machine keeps the one.
 */
public final class CsrApiRequests {
    /** BasepCreateProcess, the API number BASESRV's BaseSrvCreateProcess serves (index 0 of server DLL 1). */
    public static final String BASEP_CREATE_PROCESS = "BasepCreateProcess";
    /**
     * BasepExitProcess (API 0x00010003): XP's ExitProcess tells csrss before the process ends.
     * BASESRV serves it from 3.10 to 6.1; from 6.2 the slot is BaseSrvDeadEntry (Geoff
     * Chappell, BASESRV API routines), so Windows 10 sends nothing and csrss learns of the
     * end from LPC_CLIENT_DIED alone.
     */
    public static final String BASEP_EXIT_PROCESS = "BasepExitProcess";
    /**
     * BasepCreateThread (API 0x00010001): XP's CreateRemoteThread tells csrss of every new
     * thread of a Win32 process (ReactOS kernel32 client/thread.c, BasepNotifyCsrOfThread).
     * BASESRV serves it from 3.10 to 6.1; from 6.2 the slot is BaseSrvDeadEntry (Geoff
     * Chappell, BASESRV API routines), so Windows 10's CreateRemoteThreadEx sends nothing.
     */
    public static final String BASEP_CREATE_THREAD = "BasepCreateThread";

    private CsrApiRequests() {
    }

    /** The ntdll system-call stubs of the port services; client and server share them. */
    public static final Routine NtAlpcSendWaitReceivePortStub = stub(PortServices.NtAlpcSendWaitReceivePort);
    static final Routine NtRequestWaitReplyPortStub = FastSystemCall.portStub(PortServices.NtRequestWaitReplyPort);
    static final Routine NtReplyWaitReceivePortStub = FastSystemCall.portStub(PortServices.NtReplyWaitReceivePort);
    static final Routine NtAlpcConnectPortStub = stub(PortServices.NtAlpcConnectPort);
    static final Routine NtAlpcAcceptConnectPortStub = stub(PortServices.NtAlpcAcceptConnectPort);
    static final Routine NtSecureConnectPortStub = FastSystemCall.portStub(PortServices.NtSecureConnectPort);
    static final Routine NtAcceptConnectPortStub = FastSystemCall.portStub(PortServices.NtAcceptConnectPort);
    static final Routine NtCompleteConnectPortStub = FastSystemCall.portStub(PortServices.NtCompleteConnectPort);

    /** ntdll!NtX -> nt!KiSystemServiceCopyEnd -> nt!NtX (XP's stubs go through ntdll!KiFastSystemCall: {@link FastSystemCall#portStub}). */
    private static Routine stub(Routine service) {
        String name = service.symbol().substring(service.symbol().indexOf('!') + 1);
        Routine dispatch = Subsystems.win32Routine("nt!KiSystemServiceCopyEnd").tailCall(service).build();
        return Subsystems.win32Routine("ntdll!" + name).tailCall(dispatch).build();
    }

    static Routine clientStub(Profile profile) {
        return profile == Profile.CLASSIC ? NtRequestWaitReplyPortStub : NtAlpcSendWaitReceivePortStub;
    }

    static Routine serverStub(Profile profile) {
        return profile == Profile.CLASSIC ? NtReplyWaitReceivePortStub : NtAlpcSendWaitReceivePortStub;
    }

    /**
     * CsrClientCallServer(BasepCreateProcess): the new process's message to the csrss of its
     * session, and the wait for the reply. Before that csrss is up (the boot's first
     * processes) there is nobody to tell.
     */
    public static Routine csrClientCallServer(Profile profile, int stage) {
        Routine port = clientStub(profile);
        return Subsystems.win32Routine("ntdll!CsrClientCallServer").stage(stage)
                .call(port, (k, t, f) -> {
                    // inside csrss ntdll calls the server routine directly (ReactOS dll/ntdll/csr/connect.c: InsideCsrProcess,
                    // CsrServerApiRoutine = CSRSRV!CsrCallServerFromServer): its server thread cannot wait for its own reply
                    CsrServer self = CsrSrv.serverFor(k, t.process.sessionId);
                    if (self != null && self.csrss == t.process && f.args instanceof CsrCreateProcessMessage inside) {
                        inside.clientThread = t;
                        return StepResult.call(CsrApiRequests.CsrCallServerFromServer, inside);
                    }
                    // the request goes out on the process's own client communication port (ntdll's
                    // CsrPortHandle, CsrClientConnectToServer's handle), as ReactOS dll/ntdll/csr/connect.c
                    // CsrClientCallServer sends it with NtRequestWaitReplyPort(CsrApiPort, ...)
                    PortObject own = clientPort(k, t);
                    if (f.args instanceof ExitProcessMessage exit) {
                        // only a connected process has a server to tell
                        return own == null ? ret(NtStatus.STATUS_SUCCESS)
                                : StepResult.call(port, PortCall.request(own, PortMessage.request(t, BASEP_EXIT_PROCESS, exit)));
                    }
                    if (f.args instanceof CreateThreadMessage thread) {
                        return own == null ? ret(NtStatus.STATUS_SUCCESS)
                                : StepResult.call(port, PortCall.request(own, PortMessage.request(t, BASEP_CREATE_THREAD, thread)));
                    }
                    CsrCreateProcessMessage c = f.args(CsrCreateProcessMessage.class);
                    c.clientThread = t;
                    CsrServer server = serverOfNewProcess(k, t, c);
                    if (server == null) {
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                    // a caller with no client port of that server (a .call made before the caller's base DLL
                    // connected, which Windows could not run) reaches the API port itself
                    PortObject through = own != null && own.queuePort() == server.apiPort ? own : server.apiPort;
                    return StepResult.call(port, PortCall.request(through, PortMessage.request(t, BASEP_CREATE_PROCESS, c)));
                })
                .stage(0)
                .returnCalleeStatus()
                .build();
    }

    /**
     * CsrCallServerFromServer (ReactOS subsystems/win32/csrsrv/api.c): a call from csrss's own
     * code runs the server DLL's API routine on the calling thread, without a port. BasepCreateProcess
     * is valid as a server call (Geoff Chappell's BASESRV table marks no restriction for it); the
     * exit and thread messages never get here (csrss has no client port, and CreateRemoteThread
     * skips the message inside the server, BaseRunningInServerProcess).
     */
    public static final Routine CsrCallServerFromServer = Subsystems.win32Routine("CSRSRV!CsrCallServerFromServer")
            .inline((k, t, f) -> StepResult.call(k.profile == Profile.CLASSIC ? CsrApiRequests.BaseSrvCreateProcessClassic
                    : CsrApiRequests.BaseSrvCreateProcessModern, f.args))
            .returnCalleeStatus()
            .build();

    /** What csrss's server thread keeps between two messages: the request it replies to next. */
    public static final class ServerState {
        public ServerState() {
        }

        PortCall call;
        PortMessage reply;
        long replyStatus;
    }

    /** One routine for both kernels (csrss's script is the same code on both); the port service is the kernel's. */
    public static final Routine CsrApiRequestThread = Subsystems.win32Routine("CSRSRV!CsrApiRequestThread")
                .label("wait")
                // reply to the last request (none the first time), then wait for the next message
                .inline((k, t, f) -> {
                    ServerState s = f.args(ServerState.class);
                    s.call = PortCall.replyAndReceive(ownServer(k, t).apiPort, s.reply, s.replyStatus);
                    s.reply = null;
                    return StepResult.call(serverStub(k.profile), s.call);
                })
                .inline((k, t, f) -> {
                    PortMessage m = f.args(ServerState.class).call.received;
                    if (m.type == PortMessage.LPC_CLIENT_DIED) {
                        return StepResult.call(CsrApiRequests.CsrDestroyThread, m);
                    }
                    if (m.type == PortMessage.LPC_CONNECTION_REQUEST) {
                        return StepResult.call(CsrApiRequests.CsrApiHandleConnectionRequest, m.body);
                    }
                    if (BASEP_EXIT_PROCESS.equals(m.api)) {
                        return StepResult.call(CsrApiRequests.BaseSrvExitProcess, m);
                    }
                    if (BASEP_CREATE_THREAD.equals(m.api) && k.profile == Profile.CLASSIC) {
                        return StepResult.call(CsrApiRequests.BaseSrvCreateThread, new ThreadRegistration(m));
                    }
                    if (BASEP_CREATE_PROCESS.equals(m.api)) {
                        return StepResult.call(k.profile == Profile.CLASSIC ? CsrApiRequests.BaseSrvCreateProcessClassic : CsrApiRequests.BaseSrvCreateProcessModern, m.body);
                    }
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                })
                .inline((k, t, f) -> {
                    ServerState s = f.args(ServerState.class);
                    PortMessage m = s.call.received;
                    // a request gets its reply on the next turn; a datagram has nobody waiting, and a connection was answered by the accept
                    s.reply = m.type == PortMessage.LPC_REQUEST ? m : null;
                    s.replyStatus = f.calleeStatus;
                    return jump("wait");
                })
                .build();

    static final Routine BaseSrvCreateProcessModern = baseSrvCreateProcess(CsrSrv.CsrCreateProcess, 5);
    static final Routine BaseSrvCreateProcessClassic = baseSrvCreateProcess(CsrSrv.CsrCreateProcessClassic, 4);

    /** BASESRV's BasepCreateProcess routine: the CSR_PROCESS and CSR_THREAD of the new process. */
    private static Routine baseSrvCreateProcess(Routine csrCreateProcess, int stage) {
        return Subsystems.win32Routine("BASESRV!BaseSrvCreateProcess").stage(stage)
                .tailCall(csrCreateProcess)
                .build();
    }

    /** LPC_CLIENT_DIED: the CSR_THREAD goes and csrss closes its handle; the last one takes the CSR_PROCESS along. */
    static final Routine CsrDestroyProcess = Subsystems.win32Routine("CSRSRV!CsrDestroyProcess")
            .inline((k, t, f) -> {
                CsrServer server = ownServer(k, t);
                CsrProcess record = server.find(f.args(PortMessage.class).clientProcess);
                if (record != null) {
                    // threads still registered (BasepExitProcess comes before their LPC_CLIENT_DIED): their handles first
                    for (CsrThread thread : record.threadList) {
                        ObjectManager.NtClose(k, t.process.objectTable, thread.threadHandle);
                    }
                    record.threadList.clear();
                    server.processes.remove(record);
                    server.sessionProcessCount--;
                    // CsrProcessRefcountZero (ReactOS csrsrv/procsup.c): the client port, then the process handle
                    if (record.clientPort != 0) {
                        ObjectManager.NtClose(k, t.process.objectTable, record.clientPort);
                    }
                    ObjectManager.NtClose(k, t.process.objectTable, record.processHandle);
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** The body of BasepCreateThread (BASE_CREATE_THREAD): the creator's handle to the new thread and the thread's CLIENT_ID. */
    public record CreateThreadMessage(long threadHandle, long uniqueProcess, long uniqueThread) {
    }

    /** BaseSrvCreateThread at work: the message, the CSR_PROCESS the thread joins, and csrss's own handle to the thread. */
    public static final class ThreadRegistration {
        final PortMessage message;
        long targetProcess;
        long csrThreadHandle;

        ThreadRegistration(PortMessage message) {
            this.message = message;
        }

        CreateThreadMessage body() {
            return (CreateThreadMessage) message.body;
        }
    }

    /**
     * CsrCreateThread (ReactOS subsystems/win32/csrsrv/thredsup.c, HaveClient TRUE): the calling
     * client's CSR_THREAD must still exist (else STATUS_THREAD_IS_TERMINATING); the new
     * CSR_THREAD takes csrss's handle, and CsrInsertThread refuses a thread that has already
     * terminated (ThreadIsTerminated), closing the handle again. The thread's end reaches csrss
     * as LPC_CLIENT_DIED on the API port, as for the first thread.
     */
    public static final Routine CsrCreateThread = Subsystems.win32Routine("CSRSRV!CsrCreateThread")
            .step("CSRSRV!CsrLocateThreadByClientId", (k, t, f) -> {
                ThreadRegistration r = f.args(ThreadRegistration.class);
                CsrProcess sender = ownServer(k, t).find(r.message.clientProcess);
                if (sender == null || findThread(sender, r.message.clientThread) == null) {
                    return refuse(k, t, r, NtStatus.STATUS_THREAD_IS_TERMINATING);
                }
                return next();
            })
            .step("CSRSRV!CsrInsertThread", (k, t, f) -> {
                ThreadRegistration r = f.args(ThreadRegistration.class);
                HandleEntry entry = t.process.objectTable.lookup(r.csrThreadHandle);
                EThread thread = entry != null && entry.object() instanceof EThread e ? e : null;
                if (thread == null || thread.terminated()) {
                    return refuse(k, t, r, NtStatus.STATUS_THREAD_IS_TERMINATING);
                }
                CsrServer server = ownServer(k, t);
                CsrThread record = new CsrThread();
                record.uniqueProcess = r.targetProcess;
                record.uniqueThread = r.body().uniqueThread();
                record.threadHandle = r.csrThreadHandle;
                server.find(r.targetProcess).threadList.add(record);
                CsrSrv.registerTerminationPort(server, thread);
                r.csrThreadHandle = 0;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * BaseSrvCreateThread (ReactOS subsystems/win/basesrv/proc.c): the sender must be a known
     * CSR_THREAD (none: a server-to-server call, nothing to do); a thread of another process
     * (CreateRemoteThread) joins that process's CSR_PROCESS, a thread made in csrss itself needs
     * nothing. csrss duplicates the creator's handle into its own table (DUPLICATE_SAME_ACCESS)
     * and CsrCreateThread records the thread.
     */
    public static final Routine BaseSrvCreateThread = Subsystems.win32Routine("BASESRV!BaseSrvCreateThread")
            .step("CSRSRV!CsrLockProcessByClientId", (k, t, f) -> {
                ThreadRegistration r = f.args(ThreadRegistration.class);
                CsrServer server = ownServer(k, t);
                CsrProcess sender = server.find(r.message.clientProcess);
                if (sender == null || findThread(sender, r.message.clientThread) == null) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                long target = r.body().uniqueProcess();
                if (target != sender.uniqueProcess) {
                    if (target == t.process.uniqueProcessId) {
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                    if (server.find(target) == null) {
                        return ret(NtStatus.STATUS_INVALID_PARAMETER);
                    }
                }
                r.targetProcess = target;
                return next();
            })
            .step("nt!NtDuplicateObject", (k, t, f) -> {
                ThreadRegistration r = f.args(ThreadRegistration.class);
                if (r.message.client == null || r.message.client.process.objectTable == null) {
                    return ret(NtStatus.STATUS_INVALID_HANDLE);
                }
                long handle = ObjectManager.NtDuplicateObject(k, r.message.client.process.objectTable, r.body().threadHandle(),
                        t.process.objectTable, 0, ObjectManager.DUPLICATE_SAME_ACCESS);
                if (handle < 0) {
                    return ret(-handle);
                }
                r.csrThreadHandle = handle;
                return next();
            })
            .tailCall(CsrApiRequests.CsrCreateThread)
            .build();

    private static StepResult refuse(Subsystems k, EThread t, ThreadRegistration r, long status) {
        if (r.csrThreadHandle != 0) {
            ObjectManager.NtClose(k, t.process.objectTable, r.csrThreadHandle);
            r.csrThreadHandle = 0;
        }
        return ret(status);
    }

    private static CsrThread findThread(CsrProcess process, long uniqueThread) {
        for (CsrThread thread : process.threadList) {
            if (thread.uniqueThread == uniqueThread) {
                return thread;
            }
        }
        return null;
    }

    /** The body of BasepExitProcess: the exit code (BASE_EXITPROCESS_MSG). */
    public record ExitProcessMessage(long exitCode) {
    }

    /**
     * BaseSrvExitProcess (ReactOS basesrv/proc.c): the CSR_PROCESS and all its CSR_THREADs go
     * now; the reply (CsrReplyDeadClient: answered at once, not kept) lets ExitProcess run on
     * to NtTerminateProcess, and the thread's LPC_CLIENT_DIED later finds nothing left.
     */
    static final Routine BaseSrvExitProcess = Subsystems.win32Routine("BASESRV!BaseSrvExitProcess")
            .tailCall(CsrDestroyProcess)
            .build();

    static final Routine CsrDestroyThread = Subsystems.win32Routine("CSRSRV!CsrDestroyThread")
            .inline((k, t, f) -> {
                PortMessage m = f.args(PortMessage.class);
                CsrProcess record = ownServer(k, t).find(m.clientProcess);
                if (record == null) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                CsrThread gone = null;
                for (CsrThread thread : record.threadList) {
                    if (thread.uniqueThread == m.clientThread) {
                        gone = thread;
                    }
                }
                if (gone != null) {
                    record.threadList.remove(gone);
                    ObjectManager.NtClose(k, t.process.objectTable, gone.threadHandle);
                }
                return record.threadList.isEmpty() ? StepResult.call(CsrApiRequests.CsrDestroyProcess, m) : ret(NtStatus.STATUS_SUCCESS);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * CsrApiHandleConnectionRequest (ReactOS csrsrv/api.c): csrss finds the CSR_THREAD of the
     * connecting thread, accepts the connection (its end, the server communication port, is
     * the CSR_PROCESS's ClientPort) and completes it, which wakes the client. A process smss
     * started natively is not known yet: csrss registers it here (Windows does that through
     * smss's session API before the process runs).
     */
    static final Routine CsrApiHandleConnectionRequest = Subsystems.win32Routine("CSRSRV!CsrApiHandleConnectionRequest")
            .step("CSRSRV!CsrLocateThreadByClientId", (k, t, f) -> {
                ConnectCall c = f.args(ConnectCall.class);
                EThread client = c.request.client;
                if (client.terminated()) {
                    // the client ended while its request waited: there is nobody to connect
                    c.accepted = false;
                    return next();
                }
                CsrSrv.connect(k, client);
                CsrServer server = ownServer(k, t);
                c.accepted = server.find(client.process.uniqueProcessId) != null;
                return next();
            })
            .inline((k, t, f) -> StepResult.call(k.profile == Profile.CLASSIC ? NtAcceptConnectPortStub : NtAlpcAcceptConnectPortStub, f.args))
            .inline((k, t, f) -> {
                ConnectCall c = f.args(ConnectCall.class);
                if (c.accepted) {
                    ownServer(k, t).find(c.request.clientProcess).clientPort = c.serverHandle;
                }
                // XP completes the connection in a second call; ALPC's accept has woken the client already
                return c.accepted && k.profile == Profile.CLASSIC ? StepResult.call(NtCompleteConnectPortStub, c) : next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * ntdll!CsrClientConnectToServer (ReactOS dll/ntdll/csr/connect.c): the first call in a
     * process connects it to its session's API port through CsrpConnectToServer; later calls
     * find ntdll's CsrPortHandle set and only return.
     */
    public static final Routine CsrClientConnectToServer = Subsystems.win32Routine("ntdll!CsrClientConnectToServer")
            .inline((k, t, f) -> {
                CsrServer server = CsrSrv.serverFor(k, t.process.sessionId);
                if (t.process.peb.csrPortHandle != 0 || server == null || server.apiPort == null) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return StepResult.call(CsrApiRequests.CsrpConnectToServer, new ConnectCall(server.apiPort));
            })
            .inline((k, t, f) -> ret(f.calleeStatus))
            .build();

    /** CsrpConnectToServer: NtAlpcConnectPort on Windows 10, NtSecureConnectPort on XP, to \\Windows\\ApiPort; the handle becomes CsrPortHandle. */
    static final Routine CsrpConnectToServer = Subsystems.win32Routine("ntdll!CsrpConnectToServer")
            .inline((k, t, f) -> StepResult.call(k.profile == Profile.CLASSIC ? NtSecureConnectPortStub : NtAlpcConnectPortStub, f.args))
            .inline((k, t, f) -> {
                if (NtStatus.success(f.calleeStatus)) {
                    t.process.peb.csrPortHandle = f.args(ConnectCall.class).clientHandle;
                }
                return ret(f.calleeStatus);
            })
            .build();

    /**
     * The client communication port ntdll's CsrPortHandle names, or null while the process has
     * not connected (or its server is gone: the port's connection port is no longer a live server's).
     */
    private static PortObject clientPort(Subsystems k, EThread t) {
        long handle = t.process.peb == null ? 0 : t.process.peb.csrPortHandle;
        HandleEntry entry = handle == 0 || t.process.objectTable == null ? null : t.process.objectTable.lookup(handle);
        if (entry == null || !(entry.object() instanceof PortObject p) || p.kind != PortObject.CLIENT_COMMUNICATION_PORT) {
            return null;
        }
        CsrServer server = CsrSrv.serverFor(k, t.process.sessionId);
        return server != null && p.queuePort() == server.apiPort ? p : null;
    }

    /** The server whose csrss runs {@code t}: session 0's for a thread of no session. */
    private static CsrServer ownServer(Subsystems k, EThread t) {
        return k.csrServers.get(Math.max(t.process.sessionId, 0));
    }

    /** The server of the session the new process lives in, found through the creator's handle to it; null before it is up. */
    private static CsrServer serverOfNewProcess(Subsystems k, EThread client, CsrCreateProcessMessage c) {
        HandleEntry entry = client.process.objectTable.lookup(c.processHandle);
        if (entry == null) {
            return null;
        }
        CsrServer server = CsrSrv.serverFor(k, ((EProcess) entry.object()).sessionId);
        return server == null || server.apiPort == null ? null : server;
    }
}
