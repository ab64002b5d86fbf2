package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;

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
                        queue(k, c.port, c.request);
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

    /** Queues a message and readies the server thread blocked receiving on the port, if one is. */
    public static void queue(Executive k, PortObject port, PortMessage message) {
        port.queue.add(message);
        port.messagesSent++;
        for (EThread server : k.threads()) {
            if (server.tcb.state == KThreadState.Waiting && server.tcb.waitObject == port && server.tcb.waitReason == KWaitReason.WrLpcReceive) {
                k.scheduler.ready(server);
                return;
            }
        }
    }
}
