package com.ntprocesslab.kernel.csr;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.PortObject;
import com.ntprocesslab.kernel.ps.PortServices;
import com.ntprocesslab.kernel.ps.PspCreateParameters;

/**
 * How csrss comes to serve its API port on a thread of its own, as Windows does.
 *
 * <p>csrss's first thread runs csrss!main (ReactOS subsystems/win32/csrss/csrss.c, _main):
 * CsrServerInitialization, then NtTerminateThread(NtCurrentThread()), "CSRSRV keeps us going".
 * Inside CsrServerInitialization, CsrApiPortInitialize (ReactOS subsystems/win32/csrsrv/api.c)
 * creates the API port, creates the request thread suspended with RtlCreateUserThread at
 * CsrApiRequestThread, registers it with CsrAddStaticServerThread (thredsup.c: a CSR_THREAD of
 * CsrRootProcess holding the thread handle, flagged CsrThreadIsServerThread) and resumes it.
 *
 * <p>Not modelled: the initialisation event CsrApiPortInitialize waits on until the new thread
 * has connected to user32 (csrss here loads no user32), CsrSbApiPortInitialize's second server
 * thread for smss, ProtectHandle (the machine has no protect-from-close flag), the hard-error
 * mode, and RtlSetProcessIsCritical (the machine has no critical processes).
 */
public final class CsrServerThreads {
    private CsrServerThreads() {
    }

    /** The start routine of csrss's request threads. */
    public static final String REQUEST_THREAD_START = "CSRSRV!CsrApiRequestThread";

    /** What CsrApiPortInitialize builds: the request thread's creation request, then its handle and CLIENT_ID. */
    public static final class RequestThreadCreation extends PspCreateParameters {
    }

    private static RequestThreadCreation ctx(com.ntprocesslab.kernel.exec.Frame f) {
        return f.args(RequestThreadCreation.class);
    }

    /**
     * Windows 10's RtlCreateUserThread: the kernel builds the stack and the thread in
     * NtCreateThreadEx, whose thread starts in ntdll!RtlUserThreadStart with the start routine
     * as its Win32StartAddress; csrss loads no kernel32, so RtlUserThreadStart calls the routine
     * itself. Created suspended (CreateSuspended TRUE in CsrApiPortInitialize).
     */
    static final Routine RtlCreateUserThreadModern = Subsystems.win32Routine("ntdll!RtlCreateUserThread")
            .step("ntdll!NtCreateThreadEx", (k, t, f) -> StepResult.call(k.systemDllRoutine("ntdll!NtCreateThreadEx"), f.args))
            .returnCalleeStatus()
            .build();

    /**
     * XP's RtlCreateUserThread (as ReactOS's rtl thread.c has it): a stack in the target process,
     * a CONTEXT from RtlInitializeContext, then NtCreateThread (suspended here).
     * RtlInitializeContext (NT's rtl/i386/context.c, ReactOS's i386 one alike) puts the start routine in Eip and 0 in Eax,
     * and PspCreateThread takes StartAddress from Eip and Win32StartAddress from Eax (WRK
     * ps/create.c): the thread starts at CsrApiRequestThread itself, with no start thunk.
     */
    static final Routine RtlCreateUserThreadClassic = Subsystems.win32Routine("ntdll!RtlCreateUserThread")
            .step("ntdll!RtlpCreateStack", (k, t, f) -> {
                RequestThreadCreation c = ctx(f);
                long reserve = t.process.sectionObject.image.sizeOfStackReserve();
                long limit = MemoryManager.reserveStack(k, t.process, reserve);
                if (limit == 0) {
                    return ret(NtStatus.STATUS_NO_MEMORY);
                }
                c.stackLimit = limit;
                c.stackBase = limit + Math.max(reserve, 0x100000L);
                return next();
            })
            .step("ntdll!RtlInitializeContext", (k, t, f) -> {
                RequestThreadCreation c = ctx(f);
                c.contextStartAddress = c.startAddress;
                c.contextEntryPoint = 0;
                c.createSuspended = true;
                c.desiredAccess = AccessMask.THREAD_ALL_ACCESS_XP;
                return next();
            })
            .step("ntdll!NtCreateThread", (k, t, f) -> StepResult.call(k.systemDllRoutine("ntdll!NtCreateThread"), f.args))
            .returnCalleeStatus()
            .build();

    static final Routine CsrApiPortInitializeModern = csrApiPortInitialize("ntdll!NtAlpcCreatePort", RtlCreateUserThreadModern);
    static final Routine CsrApiPortInitializeClassic = csrApiPortInitialize("ntdll!NtCreatePort", RtlCreateUserThreadClassic);

    /**
     * CsrApiPortInitialize (ReactOS csrsrv/api.c): the API port (NtCreatePort; Windows 10's
     * ALPC port comes from NtAlpcCreatePort) with csrss's handle to it, then the request thread.
     */
    private static Routine csrApiPortInitialize(String createPort, Routine rtlCreateUserThread) {
        return Subsystems.win32Routine("CSRSRV!CsrApiPortInitialize")
                .step(createPort, (k, t, f) -> {
                    CsrServer server = k.csrServers.get(Math.max(t.process.sessionId, 0));
                    PortObject port = ObjectManager.ObCreateObject(k, new PortObject(k.profile == Profile.CLASSIC ? ObjectType.Port : ObjectType.AlpcPort,
                                    PortObject.CONNECTION_PORT, t.process.uniqueProcessId),
                            server.sessionId == 0 ? "\\Windows\\ApiPort" : "\\Sessions\\" + server.sessionId + "\\Windows\\ApiPort");
                    ObjectManager.ObInsertObject(k, t.process.objectTable, port, PortServices.PORT_ALL_ACCESS, false);
                    ObjectManager.ObDereferenceObject(k, port);
                    server.apiPort = port;
                    return next();
                })
                // RtlCreateUserThread(NtCurrentProcess(), NULL, TRUE, 0, 0, 0, CsrApiRequestThread, ...)
                .call(rtlCreateUserThread, (k, t, f) -> {
                    RequestThreadCreation c = ctx(f);
                    c.processHandle = ObjectManager.CURRENT_PROCESS;
                    c.startRoutine = REQUEST_THREAD_START;
                    c.startAddress = k.symbolAddress(REQUEST_THREAD_START);
                    return StepResult.call(rtlCreateUserThread, c);
                })
                .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : ret(f.calleeStatus))
                // CsrAddStaticServerThread(hThread, &ClientId, CsrThreadIsServerThread) (thredsup.c): csrss keeps the handle
                .step("CSRSRV!CsrAddStaticServerThread", (k, t, f) -> {
                    RequestThreadCreation c = ctx(f);
                    CsrServer server = k.csrServers.get(Math.max(t.process.sessionId, 0));
                    CsrThread thread = new CsrThread();
                    thread.uniqueProcess = c.uniqueProcess;
                    thread.uniqueThread = c.uniqueThread;
                    thread.threadHandle = c.threadHandle;
                    thread.flags = CsrThread.CSR_THREAD_IS_SERVER_THREAD;
                    server.processes.get(0).threadList.add(thread);
                    return next();
                })
                // every thread of CsrRootProcess is resumed; here that is the one request thread
                .step("ntdll!NtResumeThread", (k, t, f) -> StepResult.call(k.systemDllRoutine("ntdll!NtResumeThread"),
                        NtArgs.of(ctx(f).threadHandle, 0)))
                .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
                .build();
    }

    /** The profile's CsrApiPortInitialize (the port service and RtlCreateUserThread differ). */
    static Routine csrApiPortInitialize(Profile profile) {
        return profile == Profile.CLASSIC ? CsrApiPortInitializeClassic : CsrApiPortInitializeModern;
    }

    /**
     * csrss!main (ReactOS csrss.c _main): CsrServerInitialization; a failure ends the process
     * with its status, success ends only this first thread, and csrss lives on in its request
     * thread.
     */
    public static final Routine CsrssMain = Subsystems.win32Routine("csrss!main")
            // a named step, not .call(routine): CsrSrv's initialiser refers to this class's routines too
            .step("CSRSRV!CsrServerInitialization", (k, t, f) -> StepResult.call(CsrSrv.CsrServerInitialization, null))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next()
                    : StepResult.call(k.systemDllRoutine("ntdll!NtTerminateProcess"), NtArgs.of(ObjectManager.CURRENT_PROCESS, f.calleeStatus)))
            .step("ntdll!NtTerminateThread", (k, t, f) -> StepResult.call(k.systemDllRoutine("ntdll!NtTerminateThread"),
                    NtArgs.of(ObjectManager.CURRENT_THREAD, NtStatus.STATUS_SUCCESS)))
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * The routine a new thread starts in when its start address is CsrApiRequestThread
     * (RtlUserThreadStart's argument on Windows 10, the CONTEXT's Eip on XP), or null for any
     * other address. It runs with a fresh {@link CsrApiRequests.ServerState}.
     */
    public static Routine startRoutineAt(Subsystems k, long startAddress) {
        return startAddress != 0 && startAddress == k.symbolAddress(REQUEST_THREAD_START) ? CsrApiRequests.CsrApiRequestThread : null;
    }
}
