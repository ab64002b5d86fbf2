package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A port (ALPC on Windows 10, LPC on XP). A server's named connection port holds the queue
 * its server threads receive on and the counts an inspector shows; each connected client has
 * a pair of unnamed communication ports, the client's and the server's, each referencing the
 * connection port (WRK lpc: ConnectionPort / ConnectedPort; ALPC's CommunicationInfo). A
 * request sent on a client communication port is queued on the connection port, where the
 * server receives it. It lives in ps because sending and receiving block and wake threads
 * (ReactOS keeps it in ntoskrnl/lpc, a layer beside ps that this kernel does not have).
 */
public final class PortObject extends KernelObject {
    public static final int CONNECTION_PORT = 1;
    public static final int SERVER_COMMUNICATION_PORT = 2;
    public static final int CLIENT_COMMUNICATION_PORT = 3;

    public final int kind;
    /** The process that created the port: the server for the connection and server ports, the client for its own. */
    public final long ownerProcessId;
    /** The server's connection port a communication port belongs to (a counted reference); null for the connection port. */
    public PortObject connectionPort;
    /** The other end of a connection (not a counted reference: cleared when either end goes). */
    public PortObject peer;
    public final List<PortMessage> queue = new ArrayList<>();
    public long messagesSent;
    public long messagesReplied;
    /** The message the server took last and is still handling (until it calls the port again). */
    public PortMessage inService;

    public PortObject(ObjectType type, int kind, long ownerProcessId) {
        super(type);
        this.kind = kind;
        this.ownerProcessId = ownerProcessId;
    }

    /** A communication port of {@code connection}: it references the connection port until it is deleted. */
    public static PortObject communicationPort(PortObject connection, int kind, long ownerProcessId) {
        PortObject port = new PortObject(connection.type, kind, ownerProcessId);
        port.connectionPort = connection;
        ObjectManager.ObReferenceObject(connection);
        return port;
    }

    /** The queue messages sent through this port wait on: the connection port's. */
    public PortObject queuePort() {
        return connectionPort == null ? this : connectionPort;
    }

    @Override
    protected void deleteProcedure(Executive kernel) {
        if (peer != null) {
            peer.peer = null;
            peer = null;
        }
        PortObject connection = connectionPort;
        connectionPort = null;
        if (connection != null) {
            ObjectManager.ObDereferenceObject(kernel, connection);
        }
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (connectionPort != null) {
            sink.accept(connectionPort);
        }
    }
}
