package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import java.util.function.Consumer;

/**
 * The port system calls a Windows subsystem client and server talk through. Windows 10 has one
 * ALPC service for both sides, NtAlpcSendWaitReceivePort (send a request and wait for its
 * reply; or reply and wait for the next request); XP's LPC has NtRequestWaitReplyPort for the
 * client and NtReplyWaitReceivePort for the server (ReactOS ntoskrnl/lpc/send.c, reply.c). The
 * client blocks in WrLpcReply until the server replies; the server blocks in WrLpcReceive
 * while its port's queue is empty. A reply readies the client at the head of the ready queue:
 * the reply semaphore's release boosts it (LPC_RELEASE_WAIT_INCREMENT), so it runs before
 * threads that were already waiting to run.
 */
public final class PortServices {
    private PortServices() {
    }

    /** The arguments of one port call: the port, the request or reply to send, and what was received. */
    public static final class PortCall {
        public final PortObject port;
        /** A request this thread sends and waits on, or null. */
        public final PortMessage request;
        /** A request received earlier that this call replies to, or null. */
        public PortMessage reply;
        public long replyStatus;
        /** Set by a receive: the next message on the queue. */
        public PortMessage received;

        private PortCall(PortObject port, PortMessage request) {
            this.port = port;
            this.request = request;
        }

        /** A client's request: sent, then the thread waits for its reply. */
        public static PortCall request(PortObject port, PortMessage request) {
            return new PortCall(port, request);
        }

        /** A server's call: reply to {@code reply} (when not null), then wait for the next message. */
        public static PortCall replyAndReceive(PortObject port, PortMessage reply, long replyStatus) {
            PortCall call = new PortCall(port, null);
            call.reply = reply;
            call.replyStatus = replyStatus;
            return call;
        }
    }

    public static final Routine NtAlpcSendWaitReceivePort = portService("nt!NtAlpcSendWaitReceivePort", "nt!AlpcpSendMessage", "nt!AlpcpReceiveMessage");
    public static final Routine NtRequestWaitReplyPort = portService("nt!NtRequestWaitReplyPort", "nt!LpcpRequestWaitReplyPort", null);
    public static final Routine NtReplyWaitReceivePort = portService("nt!NtReplyWaitReceivePort", "nt!LpcpCompleteReply", "nt!LpcpReceiveMessage");

    private static Routine portService(String symbol, String send, String receive) {
        Routine.Builder<Executive, EThread> b = Executive.routine(symbol)
                .step(send, (k, t, f) -> {
                    PortCall c = f.args(PortCall.class);
                    if (c.request == null) {
                        // the server is back at the port: it is done with the message it took
                        c.port.inService = null;
                    }
                    if (c.reply != null) {
                        // the reply wakes the client that waits for it
                        c.reply.replied = true;
                        c.reply.replyStatus = c.replyStatus;
                        c.port.messagesReplied++;
                        if (c.reply.client != null && c.reply.client.tcb.state == KThreadState.Waiting
                                && c.reply.client.tcb.waitReason == KWaitReason.WrLpcReply) {
                            k.scheduler.readyFirst(c.reply.client);
                        }
                        c.reply = null;
                    }
                    if (c.request != null) {
                        // a client sends on its communication port; the message waits on the server's connection port
                        queue(k, c.port.queuePort(), c.request);
                    }
                    return next();
                });
        if (receive != null) {
            b.inline((k, t, f) -> f.args(PortCall.class).request != null ? StepResult.jump("reply") : next())
                    .step(receive, (k, t, f) -> {
                        PortCall c = f.args(PortCall.class);
                        if (c.port.queue.isEmpty()) {
                            k.scheduler.waitOn(t, c.port, KWaitReason.WrLpcReceive);
                            return new StepResult.Block();
                        }
                        c.received = c.port.queue.remove(0);
                        c.port.inService = c.received;
                        return ret(NtStatus.STATUS_SUCCESS);
                    });
        }
        return b.label("reply")
                // the client's thread waits for the reply (on its own reply semaphore, not on the port)
                .inline((k, t, f) -> {
                    PortMessage request = f.args(PortCall.class).request;
                    if (request.replied) {
                        return ret(request.replyStatus);
                    }
                    k.scheduler.waitOn(t, null, KWaitReason.WrLpcReply);
                    return new StepResult.Block();
                })
                .build();
    }

    /**
     * One connection to a server's port: the client's new communication port (held by this
     * call until its handle is inserted), the connection request the server accepts, and the
     * handles each side ends up with.
     */
    public static final class ConnectCall implements HoldsReferences {
        public final PortObject connectionPort;
        public PortObject clientPort;
        public PortMessage request;
        public long clientHandle;
        /** The server's end, set by the accept: its communication port and csrss's handle to it. */
        public PortObject serverPort;
        public long serverHandle;
        public boolean accepted;

        public ConnectCall(PortObject connectionPort) {
            this.connectionPort = connectionPort;
        }

        @Override
        public void forEachReference(Consumer<KernelObject> sink) {
            if (clientPort != null && clientHandle == 0) {
                sink.accept(clientPort);
            }
        }
    }

    /**
     * The client side of a connection (WRK lpcconn.c NtSecureConnectPort; Windows 10's
     * NtAlpcConnectPort): the client communication port is created, the connection request is
     * queued on the server's connection port, and the thread waits until the server accepts;
     * only then does the client get its handle (ObInsertObject after the wait).
     */
    public static final Routine NtAlpcConnectPort = connectService("nt!NtAlpcConnectPort", "nt!AlpcpCreateClientPort", "nt!AlpcpProcessConnectionRequest", KWaitReason.WrLpcReply);
    /** XP waits on the thread's LpcReplySemaphore with the Executive wait reason (WRK lpcconn.c). */
    public static final Routine NtSecureConnectPort = connectService("nt!NtSecureConnectPort", "nt!ObCreateObject", "nt!LpcpAllocateFromPortZone", KWaitReason.Executive);

    private static Routine connectService(String symbol, String createPort, String sendRequest, KWaitReason waitReason) {
        return Executive.routine(symbol)
                .step(createPort, (k, t, f) -> {
                    ConnectCall c = f.args(ConnectCall.class);
                    c.clientPort = ObjectManager.ObCreateObject(k, PortObject.communicationPort(c.connectionPort,
                            PortObject.CLIENT_COMMUNICATION_PORT, t.process.uniqueProcessId), null);
                    return next();
                })
                // the connection request goes on the connection port's queue, which readies a server thread receiving there
                .step(sendRequest, (k, t, f) -> {
                    ConnectCall c = f.args(ConnectCall.class);
                    c.request = new PortMessage(PortMessage.LPC_CONNECTION_REQUEST, t, t.process.uniqueProcessId, t.uniqueThread, null, c);
                    queue(k, c.connectionPort, c.request);
                    return next();
                })
                .inline((k, t, f) -> {
                    ConnectCall c = f.args(ConnectCall.class);
                    if (c.request.replied) {
                        return next();
                    }
                    k.scheduler.waitOn(t, null, waitReason);
                    return new StepResult.Block();
                })
                // accepted: the client's handle to its port; refused: the port goes with the last reference
                .step("nt!ObInsertObject", (k, t, f) -> {
                    ConnectCall c = f.args(ConnectCall.class);
                    if (!c.accepted) {
                        PortObject refused = c.clientPort;
                        c.clientPort = null;
                        if (refused != null) {
                            ObjectManager.ObDereferenceObject(k, refused);
                        }
                        return ret(NtStatus.STATUS_PORT_CONNECTION_REFUSED);
                    }
                    c.clientHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, c.clientPort, PORT_ALL_ACCESS, false);
                    ObjectManager.ObDereferenceObject(k, c.clientPort);
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    /**
     * A thread that ends while its connect waits (a .call ran ExitProcess on top of it) drops
     * the client port it held; a server that takes the request later finds nobody to connect.
     */
    static void abandonConnections(Executive k, EThread thread) {
        for (Frame f : thread.frames) {
            if (f.args instanceof ConnectCall c && c.clientPort != null && c.clientHandle == 0) {
                PortObject port = c.clientPort;
                c.clientPort = null;
                ObjectManager.ObDereferenceObject(k, port);
            }
        }
    }

    /** PORT_ALL_ACCESS: STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | PORT_CONNECT. */
    public static final long PORT_ALL_ACCESS = 0x001F0001;

    /**
     * The server's accept (WRK lpcconn.c NtAcceptConnectPort; Windows 10's
     * NtAlpcAcceptConnectPort): the server communication port, the server's handle to it, the
     * two ends linked. XP wakes the client in a second call, NtCompleteConnectPort; ALPC's
     * accept wakes it itself.
     */
    public static final Routine NtAlpcAcceptConnectPort = acceptService("nt!NtAlpcAcceptConnectPort", "nt!AlpcpCreateServerPort", true);
    public static final Routine NtAcceptConnectPort = acceptService("nt!NtAcceptConnectPort", "nt!ObCreateObject", false);

    private static Routine acceptService(String symbol, String createPort, boolean wakes) {
        Routine.Builder<Executive, EThread> b = Executive.routine(symbol)
                .step(createPort, (k, t, f) -> {
                    ConnectCall c = f.args(ConnectCall.class);
                    c.connectionPort.inService = null;
                    if (!c.accepted || c.clientPort == null) {
                        c.accepted = false;
                        // a refusal answers the client at once, on both kernels
                        return complete(k, c);
                    }
                    PortObject server = ObjectManager.ObCreateObject(k, PortObject.communicationPort(c.connectionPort,
                            PortObject.SERVER_COMMUNICATION_PORT, t.process.uniqueProcessId), null);
                    server.peer = c.clientPort;
                    c.clientPort.peer = server;
                    c.serverPort = server;
                    c.serverHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, server, PORT_ALL_ACCESS, false);
                    ObjectManager.ObDereferenceObject(k, server);
                    return wakes ? next() : ret(NtStatus.STATUS_SUCCESS);
                });
        if (wakes) {
            b.step("nt!AlpcpCompleteConnection", (k, t, f) -> complete(k, f.args(ConnectCall.class)));
        }
        return b.build();
    }

    /** NtCompleteConnectPort: the client waiting in its connect runs on. */
    public static final Routine NtCompleteConnectPort = Executive.routine("nt!NtCompleteConnectPort")
            .step("nt!KeReleaseSemaphore", (k, t, f) -> complete(k, f.args(ConnectCall.class)))
            .build();

    private static StepResult complete(Executive k, ConnectCall c) {
        c.request.replied = true;
        c.connectionPort.messagesReplied++;
        EThread client = c.request.client;
        if (client.tcb.state == KThreadState.Waiting && client.tcb.waitObject == null) {
            k.scheduler.readyFirst(client);
        }
        return ret(NtStatus.STATUS_SUCCESS);
    }

    /** Queues a message and readies the server thread blocked receiving on the port, if one is. */
    public static void queue(Executive k, PortObject port, PortMessage message) {
        port.queue.add(message);
        message.messageId = ++port.messagesSent;
        EThread server = k.findThread(t -> t.tcb.state == KThreadState.Waiting && t.tcb.waitObject == port
                && t.tcb.waitReason == KWaitReason.WrLpcReceive);
        if (server != null) {
            k.scheduler.ready(server);
        }
    }
}
