package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import java.util.ArrayList;
import java.util.List;

/**
 * A server's connection port (ALPC on Windows 10, LPC on XP): the messages queued for the
 * server, the counts an inspector shows, and the server thread blocked receiving on it. It
 * lives in ps because sending and receiving block and wake threads (ReactOS keeps it in
 * ntoskrnl/lpc, a layer beside ps that this kernel does not have).
 */
public final class PortObject extends KernelObject {
    public final List<PortMessage> queue = new ArrayList<>();
    public long messagesSent;
    public long messagesReplied;
    /** The message the server took last and is still handling (until it calls the port again). */
    public PortMessage inService;

    public PortObject(ObjectType type) {
        super(type);
    }
}
