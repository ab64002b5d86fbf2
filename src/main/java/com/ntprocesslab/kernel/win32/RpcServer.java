package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PortMessage;
import com.ntprocesslab.kernel.ps.PortObject;
import com.ntprocesslab.kernel.ps.PortServices;
import com.ntprocesslab.kernel.ps.PortServices.PortCall;

/**
 * Local RPC (ncalrpc) over ALPC, as a Windows 10 service and its clients use it: a server
 * registers an endpoint, an ALPC connection port named {@code \RPC Control\<endpoint>}
 * (RpcServerUseProtseqEp), and its thread serves calls in RpcServerListen; a client's
 * NdrClientCall sends the call's request through NtAlpcSendWaitReceivePort and waits for the
 * reply. An endpoint nobody registered is RPC_S_SERVER_UNAVAILABLE, which advapi32's
 * CreateProcessWithLogonW and the SCM client take as "start the service" (Windows Server
 * 2003 advapi32 cseclogn.cxx, c_SeclCreateProcessWithLogonW).
 *
 * <p>rpcrt4 serves from a pool of its own threads; the machine's server thread listens
 * itself (RpcServerListen with DontWait FALSE), which keeps the boot tree's thread IDs. The
 * client sends on the server's connection port without an ALPC connection of its own (the
 * binding handle's connection is not modelled).
 */
public final class RpcServer {
    /** RPC_S_SERVER_UNAVAILABLE (winerror.h): no server listens on the endpoint. */
    public static final long RPC_S_SERVER_UNAVAILABLE = 1722;
    /** RPC_S_PROCNUM_OUT_OF_RANGE: the interface has no such procedure. */
    public static final long RPC_S_PROCNUM_OUT_OF_RANGE = 1745;

    private RpcServer() {
    }

    /** The object name of a local RPC endpoint (ncalrpc:[name]). */
    public static String endpointName(String endpoint) {
        return "\\RPC Control\\" + endpoint;
    }

    /** The live endpoint port of that name, or null: nobody registered it, or its server process is gone. */
    public static PortObject endpoint(Subsystems k, String endpoint) {
        String name = endpointName(endpoint);
        for (KernelObject object : k.objects.values()) {
            if (object instanceof PortObject port && port.kind == PortObject.CONNECTION_PORT && name.equals(port.name)) {
                EProcess owner = (EProcess) k.pspCidTable.lookup(port.ownerProcessId);
                if (owner != null && owner.alive()) {
                    return port;
                }
            }
        }
        return null;
    }

    /** RpcServerUseProtseqEp: the endpoint's ALPC connection port, held by the server's handle (returned). */
    static long registerEndpoint(Subsystems k, EThread t, String endpoint) {
        PortObject port = ObjectManager.ObCreateObject(k, new PortObject(ObjectType.AlpcPort, PortObject.CONNECTION_PORT,
                t.process.uniqueProcessId), endpointName(endpoint));
        long handle = ObjectManager.ObInsertObject(k, t.process.objectTable, port, PortServices.PORT_ALL_ACCESS, false);
        ObjectManager.ObDereferenceObject(k, port);
        return handle;
    }

    /** What a server thread keeps between two calls: its endpoint's handle, its own data, the request it answers next. */
    public static final class Listen {
        final long portHandle;
        /** The server's own state (the SCM's service database); null for a server that keeps none. */
        final Object database;
        PortCall call;
        PortMessage reply;

        Listen(long portHandle, Object database) {
            this.portHandle = portHandle;
            this.database = database;
        }
    }

    /** One call a server routine handles: the request's message and the server it arrived at. */
    public static final class Call {
        final PortMessage message;
        final Listen server;

        Call(PortMessage message, Listen server) {
            this.message = message;
            this.server = server;
        }

        <T> T body(Class<T> type) {
            return type.cast(message.body);
        }
    }

    /** The server routine a procedure name (the call's opnum) runs, or null. */
    private static Routine procedure(String name) {
        return switch (name == null ? "" : name) {
            case ServiceControl.R_START_SERVICE -> ServiceControl.RStartServiceW;
            case ServiceControl.R_QUERY_SERVICE_STATUS -> ServiceControl.RQueryServiceStatus;
            case ServiceControl.R_SET_SERVICE_STATUS -> ServiceControl.RSetServiceStatus;
            case SecondaryLogon.SECL_CREATE_PROCESS_WITH_LOGON -> SecondaryLogon.SeclCreateProcessWithLogonW;
            default -> null;
        };
    }

    /**
     * RpcServerListen: answer the last call (none the first time) and wait for the next on the
     * endpoint; run the procedure it names on this thread and stack (an unknown one is refused
     * with RPC_S_PROCNUM_OUT_OF_RANGE in the reply).
     */
    static final Routine RpcServerListen = Subsystems.win32Routine("RPCRT4!RpcServerListen")
            .label("wait")
            .inline((k, t, f) -> {
                Listen s = f.args(Listen.class);
                HandleEntry entry = t.process.objectTable.lookup(s.portHandle);
                s.call = PortCall.replyAndReceive((PortObject) entry.object(), s.reply, NtStatus.STATUS_SUCCESS);
                s.reply = null;
                return StepResult.call(CsrApiRequests.NtAlpcSendWaitReceivePortStub, s.call);
            })
            .inline((k, t, f) -> {
                Listen s = f.args(Listen.class);
                PortMessage m = s.call.received;
                Routine procedure = m.type == PortMessage.LPC_REQUEST ? procedure(m.api) : null;
                if (procedure == null) {
                    if (m.body instanceof Reply r) {
                        r.error = RPC_S_PROCNUM_OUT_OF_RANGE;
                    }
                    return next();
                }
                return StepResult.call(procedure, new Call(m, s));
            })
            .inline((k, t, f) -> {
                Listen s = f.args(Listen.class);
                PortMessage m = s.call.received;
                // a request gets its reply on the next turn; a datagram has nobody waiting
                s.reply = m.type == PortMessage.LPC_REQUEST ? m : null;
                return jump("wait");
            })
            .build();

    /** A call's reply: the Win32 error the server returns (ERROR_SUCCESS or the failure). */
    public abstract static class Reply {
        public long error;
    }

    /** A client's call in flight: the endpoint, the procedure, and the request and reply block. */
    public static final class ClientCall {
        final String endpoint;
        final String procedure;
        final Reply body;

        ClientCall(String endpoint, String procedure, Reply body) {
            this.endpoint = endpoint;
            this.procedure = procedure;
            this.body = body;
        }
    }

    /**
     * NdrClientCall3: the call goes to the endpoint's server and the thread waits for the reply.
     * No endpoint is RPC_S_SERVER_UNAVAILABLE. A thread that is itself the endpoint's server
     * (a .call made on top of its RpcServerListen) cannot wait for its own reply: the
     * procedure runs on it directly, as another rpcrt4 thread of the process would run it.
     */
    static final Routine NdrClientCall3 = Subsystems.win32Routine("RPCRT4!NdrClientCall3")
            .inline((k, t, f) -> {
                ClientCall c = f.args(ClientCall.class);
                PortObject port = endpoint(k, c.endpoint);
                if (port == null) {
                    c.body.error = RPC_S_SERVER_UNAVAILABLE;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                Listen own = ownListen(t, port);
                PortMessage request = PortMessage.request(t, c.procedure, c.body);
                if (own != null) {
                    return StepResult.call(procedure(c.procedure), new Call(request, own));
                }
                return StepResult.call(CsrApiRequests.NtAlpcSendWaitReceivePortStub, PortCall.request(port, request));
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** The server state of this thread's RpcServerListen on {@code port}, when the thread is that port's server. */
    private static Listen ownListen(EThread t, PortObject port) {
        for (Frame frame : t.frames) {
            if (frame.routine == RpcServerListen && frame.args instanceof Listen listen) {
                HandleEntry entry = t.process.objectTable.lookup(listen.portHandle);
                if (entry != null && entry.object() == port) {
                    return listen;
                }
            }
        }
        return null;
    }
}
