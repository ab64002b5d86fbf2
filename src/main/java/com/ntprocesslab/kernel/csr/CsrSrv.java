package com.ntprocesslab.kernel.csr;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.function.LongConsumer;

/**
 * The Windows subsystem server (CSRSRV/BASESRV in csrss.exe): it registers every Win32
 * process and thread (stage 5), holding handles to them, and forgets them at exit.
 */
public final class CsrSrv {
    private CsrSrv() {
    }

    private static CsrCreateProcessMessage ctx(Frame f) {
        return f.args(CsrCreateProcessMessage.class);
    }

    /** The server of the session the new process lives in, or null before csrss is up. */
    public static CsrServer serverFor(Subsystems k, int sessionId) {
        CsrServer server = k.csrServers.get(Math.max(sessionId, 0));
        return server != null && server.csrss != null && server.csrss.alive() ? server : null;
    }

    /** The new process, through the creator's handle in the message (csrss reads the client's table, as NtDuplicateObject from it does). */
    private static EProcess newProcess(Subsystems k, CsrCreateProcessMessage c) {
        HandleEntry entry = c.clientThread.process.objectTable.lookup(c.processHandle);
        return (EProcess) entry.object();
    }

    /** csrss's own handle to an object the creator holds (DUPLICATE_SAME_ACCESS), kept where {@code keep} says. */
    private static StepResult duplicateIntoCsrss(Subsystems k, EThread t, CsrCreateProcessMessage c, long creatorHandle, LongConsumer keep) {
        CsrServer server = server(k, t, c);
        if (k.failAllocation(AllocationKind.HANDLE)) {
            return fail(k, server, c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
        }
        keep.accept(ObjectManager.NtDuplicateObject(k, c.clientThread.process.objectTable, creatorHandle,
                server.csrss.objectTable, 0, ObjectManager.DUPLICATE_SAME_ACCESS));
        return next();
    }

    private static StepResult fail(Subsystems k, CsrServer server, CsrCreateProcessMessage c, long status) {
        if (c.csrThreadHandle != 0) {
            ObjectManager.NtClose(k, server.csrss.objectTable, c.csrThreadHandle);
            c.csrThreadHandle = 0;
        }
        if (c.csrProcessHandle != 0) {
            ObjectManager.NtClose(k, server.csrss.objectTable, c.csrProcessHandle);
            c.csrProcessHandle = 0;
        }
        c.csrThread = null;
        c.csrProcess = null;
        c.status = status;
        return ret(status);
    }

    private static CsrServer server(Subsystems k, EThread t, CsrCreateProcessMessage c) {
        return serverFor(k, newProcess(k, c).sessionId);
    }

    static final Routine CsrCreateProcess = csrCreateProcess(5);

    /** The same server code tagged for the classic pipeline, where notifying csrss is phase 4. */
    static final Routine CsrCreateProcessClassic = csrCreateProcess(4);

    private static Routine csrCreateProcess(int stage) {
        return Subsystems.win32Routine("CSRSRV!CsrCreateProcess").stage(stage)
            .inline((k, t, f) -> server(k, t, ctx(f)) == null ? ret(NtStatus.STATUS_SUCCESS) : next())
            // csrss takes its own handles to the new process and thread: their handle counts go 1 -> 2
            .step("nt!NtDuplicateObject", (k, t, f) -> duplicateIntoCsrss(k, t, ctx(f), ctx(f).processHandle,
                    handle -> ctx(f).csrProcessHandle = handle))
            .step("nt!NtDuplicateObject", (k, t, f) -> duplicateIntoCsrss(k, t, ctx(f), ctx(f).threadHandle,
                    handle -> ctx(f).csrThreadHandle = handle))
            .step("CSRSRV!CsrAllocateProcess", (k, t, f) -> {
                CsrCreateProcessMessage c = ctx(f);
                CsrServer server = server(k, t, c);
                if (k.failAllocation(AllocationKind.CSR)) {
                    return fail(k, server, c, NtStatus.STATUS_NO_MEMORY);
                }
                EProcess p = newProcess(k, c);
                CsrProcess record = new CsrProcess();
                record.uniqueProcess = p.uniqueProcessId;
                record.imageName = p.imageFileName;
                record.processHandle = c.csrProcessHandle;
                c.csrProcess = record;
                return next();
            })
            // ReactOS csrsrv/procsup.c CsrCreateProcess: the CSR_THREAD is allocated and filled in (ClientId,
            // ThreadHandle, Flags 0) while it is on no list yet; CsrInsertThread then puts it on the CSR_PROCESS's
            .step("CSRSRV!CsrAllocateThread", (k, t, f) -> {
                CsrCreateProcessMessage c = ctx(f);
                if (k.failAllocation(AllocationKind.CSR)) {
                    return fail(k, server(k, t, c), c, NtStatus.STATUS_NO_MEMORY);
                }
                CsrThread thread = new CsrThread();
                thread.uniqueProcess = c.csrProcess.uniqueProcess;
                thread.uniqueThread = c.uniqueThread;
                thread.threadHandle = c.csrThreadHandle;
                c.csrThread = thread;
                return next();
            })
            .step("CSRSRV!CsrInsertThread", (k, t, f) -> {
                CsrCreateProcessMessage c = ctx(f);
                c.csrProcess.threadList.add(c.csrThread);
                c.csrThread = null;
                registerTerminationPort(server(k, t, c), (EThread) c.clientThread.process.objectTable.lookup(c.threadHandle).object());
                return next();
            })
            // one more process in the session, at the default shutdown level
            .step("CSRSRV!CsrInsertProcess", (k, t, f) -> {
                CsrCreateProcessMessage c = ctx(f);
                CsrServer server = server(k, t, c);
                c.csrProcess.shutdownLevel = CsrProcess.DEFAULT_SHUTDOWN_LEVEL;
                c.csrProcess.sequenceNumber = server.nextSequence++;
                server.processes.add(c.csrProcess);
                server.sessionProcessCount++;
                newProcess(k, c).announced = true;
                c.csrProcess = null;
                c.csrProcessHandle = 0;
                c.csrThreadHandle = 0;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
    }

    /**
     * CsrServerInitialization (ReactOS csrsrv/init.c), as far as the machine has its parts: the
     * process structure with CsrRootProcess, then CsrApiPortInitialize, which makes the API port
     * and the request thread that serves it.
     */
    public static final Routine CsrServerInitialization = Subsystems.win32Routine("CSRSRV!CsrServerInitialization")
            // CsrRootProcess: csrss's own record, first in the list and not counted; its ThreadList holds
            // only the static server threads CsrAddStaticServerThread adds (ReactOS csrsrv/procsup.c)
            .step("CSRSRV!CsrInitializeProcessStructure", (k, t, f) -> {
                int session = Math.max(t.process.sessionId, 0);
                CsrServer server = new CsrServer(session);
                server.csrss = t.process;
                CsrProcess root = new CsrProcess();
                root.uniqueProcess = t.process.uniqueProcessId;
                root.imageName = t.process.imageFileName;
                server.processes.add(root);
                k.csrServers.put(session, server);
                return next();
            })
            .call(CsrServerThreads.CsrApiPortInitializeModern, (k, t, f) -> StepResult.call(CsrServerThreads.csrApiPortInitialize(k.profile),
                    new CsrServerThreads.RequestThreadCreation()))
            .returnCalleeStatus()
            .build();

    /** The port PspExitThread will tell of the thread's end (NtRegisterThreadTerminatePort; the thread's list holds a reference). */
    static void registerTerminationPort(CsrServer server, EThread thread) {
        if (server != null && server.apiPort != null && thread.terminationPort == null) {
            thread.terminationPort = server.apiPort;
            ObjectManager.ObReferenceObject(server.apiPort);
        }
    }

    /**
     * A process that csrss did not create (smss started it natively) registers when kernel32
     * connects to the server: csrss opens the process and thread itself.
     */
    public static void connect(Subsystems k, EThread thread) {
        EProcess p = thread.process;
        CsrServer server = serverFor(k, p.sessionId);
        if (server == null || server.csrss == p || server.find(p.uniqueProcessId) != null) {
            return;
        }
        CsrProcess record = new CsrProcess();
        record.uniqueProcess = p.uniqueProcessId;
        record.imageName = p.imageFileName;
        record.processHandle = ObjectManager.ObInsertObject(k, server.csrss.objectTable, p, AccessMask.PROCESS_ALL_ACCESS, false);
        CsrThread csrThread = new CsrThread();
        csrThread.uniqueProcess = p.uniqueProcessId;
        csrThread.uniqueThread = thread.uniqueThread;
        csrThread.threadHandle = ObjectManager.ObInsertObject(k, server.csrss.objectTable, thread, AccessMask.THREAD_ALL_ACCESS, false);
        record.threadList.add(csrThread);
        registerTerminationPort(server, thread);
        record.sequenceNumber = server.nextSequence++;
        server.processes.add(record);
        server.sessionProcessCount++;
    }

    /** csrss itself died: its session has no Windows subsystem server any more. */
    public static void serverDied(Subsystems k, EProcess p) {
        CsrServer server = k.csrServers.get(Math.max(p.sessionId, 0));
        if (server != null && server.csrss == p) {
            k.csrServers.remove(server.sessionId);
        }
    }
}
