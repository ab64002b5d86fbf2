package com.ntprocesslab.kernel.ps;

/**
 * One PORT_MESSAGE on a port's queue: its type (LPC_REQUEST waits for a reply, LPC_CLIENT_DIED
 * is a datagram the kernel sends, LPC_CONNECTION_REQUEST asks to connect), the client it came from (ClientId), the API it asks for and
 * its body (plain data the server reads), and, once replied, the status the server returned.
 */
public final class PortMessage {
    public static final int LPC_REQUEST = 1;
    public static final int LPC_CLIENT_DIED = 6;
    /** A client's NtSecureConnectPort / NtAlpcConnectPort; the server accepts it (WRK ntlpcapi.h numbers the types). */
    public static final int LPC_CONNECTION_REQUEST = 10;

    public final int type;
    public final long clientProcess;
    public final long clientThread;
    /** The client's thread object while it waits for the reply (null for a datagram). */
    public final EThread client;
    public final String api;
    public final Object body;
    /** MessageId: stamped when the message is queued (the port's count of messages sent, from 1). */
    public long messageId;
    public boolean replied;
    public long replyStatus;

    public PortMessage(int type, EThread client, long clientProcess, long clientThread, String api, Object body) {
        this.type = type;
        this.client = client;
        this.clientProcess = clientProcess;
        this.clientThread = clientThread;
        this.api = api;
        this.body = body;
    }

    public static PortMessage request(EThread client, String api, Object body) {
        return new PortMessage(LPC_REQUEST, client, client.process.uniqueProcessId, client.uniqueThread, api, body);
    }
}
