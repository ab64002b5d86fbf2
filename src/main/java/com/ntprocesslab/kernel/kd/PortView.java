package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PortMessage;
import com.ntprocesslab.kernel.ps.PortObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A port as the kernel debugger's extensions show it: {@code !alpc /p} on Windows 10 (its
 * type, CommunicationInfo and owner, then its queues) and {@code !lpc port} on XP (the port's
 * kind and name, handles and references, server process, then its message queue), after the
 * layouts in Microsoft's debugger reference (!alpc, !lpc) and the ntdebugging blog's "LPC
 * part 2: kernel debugger extensions". What the extensions print and this machine does not
 * model (semaphores, zones, views, security) is left out. The messages a server has taken
 * but not answered are where the client waiting for the reply shows: ALPC's pending queue,
 * LPC's list of messages in service.
 */
final class PortView {
    private PortView() {
    }

    static CommandResult port(Debugger d, KdCommand.PortInfo command) {
        Kernel k = d.kernel;
        if (command.alpc() && k.profile == Profile.CLASSIC) {
            return Debugger.reject("!alpc needs Windows Vista or later; this target is Windows XP, whose ports are LPC ports: use !lpc port <address>.");
        }
        if (!command.alpc() && k.profile == Profile.MODERN) {
            // the debugger's own answer on Windows 10
            return Debugger.reject("Lpc is now emulated in alpc, use the !alpc extension instead (!alpc /p <address>).");
        }
        KernelObject o = Lookup.object(k, command.address());
        if (!(o instanceof PortObject port)) {
            return Debugger.reject("Couldn't resolve error at '" + k.platform.pointer(command.address())
                    + "': no port lives at that address (!handle shows the ALPC Port or Port objects a process holds)");
        }
        return Debugger.accept(command.alpc() ? alpc(k, port) : lpc(k, port));
    }

    private static String alpc(Kernel k, PortObject port) {
        String p = k.platform.plainPointer(port.address);
        PortObject connection = port.queuePort();
        PortObject client = port.kind == PortObject.CLIENT_COMMUNICATION_PORT ? port : port.kind == PortObject.SERVER_COMMUNICATION_PORT ? port.peer : null;
        PortObject server = port.kind == PortObject.SERVER_COMMUNICATION_PORT ? port : port.kind == PortObject.CLIENT_COMMUNICATION_PORT ? port.peer : null;
        StringBuilder out = new StringBuilder();
        out.append("Port @ ").append(p).append('\n');
        out.append("  Type                      : ").append(switch (port.kind) {
            case PortObject.CONNECTION_PORT -> "ALPC_CONNECTION_PORT";
            case PortObject.SERVER_COMMUNICATION_PORT -> "ALPC_SERVER_COMMUNICATION_PORT";
            default -> "ALPC_CLIENT_COMMUNICATION_PORT";
        }).append('\n');
        out.append("  CommunicationInfo\n");
        out.append("    ConnectionPort          : ").append(k.platform.plainPointer(connection.address)).append(" (").append(shortName(connection)).append(")\n");
        out.append("    ClientCommunicationPort : ").append(k.platform.plainPointer(client == null ? 0 : client.address)).append('\n');
        out.append("    ServerCommunicationPort : ").append(k.platform.plainPointer(server == null ? 0 : server.address)).append('\n');
        EProcess owner = process(k, port.ownerProcessId);
        out.append("  OwnerProcess              : ").append(k.platform.plainPointer(owner == null ? 0 : owner.address))
                .append(" (").append(owner == null ? "exited" : owner.imageFileName).append(")\n");
        if (port.kind != PortObject.CONNECTION_PORT) {
            out.append("\n  Messages go to the connection port's queues (!alpc /p ").append(k.platform.plainPointer(connection.address)).append(").");
            return out.toString();
        }
        out.append('\n');
        queue(out, "Main queue", port.queue, k);
        out.append('\n');
        queue(out, "Pending queue", port.inService == null ? List.of() : List.of(port.inService), k);
        out.append('\n');
        receivers(out, k, port, "  ");
        return out.toString().stripTrailing();
    }

    private static void queue(StringBuilder out, String name, List<PortMessage> messages, Kernel k) {
        if (messages.isEmpty()) {
            out.append("  ").append(name).append(" is empty.\n");
            return;
        }
        out.append("  ").append(name).append(" has ").append(messages.size()).append(" message(s)\n");
        for (PortMessage m : messages) {
            out.append("    ").append(message(k, m)).append('\n');
        }
    }

    private static String lpc(Kernel k, PortObject port) {
        StringBuilder out = new StringBuilder();
        String p = k.platform.pointer(port.address);
        switch (port.kind) {
            case PortObject.CONNECTION_PORT -> out.append("Server connection port ").append(p).append("  Name: ").append(shortName(port)).append('\n');
            case PortObject.SERVER_COMMUNICATION_PORT -> out.append("Server communication port 0x").append(p).append('\n');
            default -> out.append("Client communication port 0x").append(p).append('\n');
        }
        out.append("    Handles: ").append(port.handleCount).append("   References: ").append(port.pointerCount).append('\n');
        if (port.kind != PortObject.CONNECTION_PORT) {
            out.append("        Connected port: 0x").append(k.platform.pointer(port.peer == null ? 0 : port.peer.address))
                    .append("      Server connection port: 0x").append(k.platform.pointer(port.queuePort().address));
            return out.toString();
        }
        EProcess owner = process(k, port.ownerProcessId);
        out.append("    Server process  : ").append(k.platform.pointer(owner == null ? 0 : owner.address)).append(" (")
                .append(owner == null ? "exited" : owner.imageFileName).append(")\n");
        if (port.queue.isEmpty()) {
            out.append("    The message queue is empty\n");
        } else {
            out.append("    Messages in queue:\n");
            for (PortMessage m : port.queue) {
                out.append("        ").append(message(k, m)).append('\n');
            }
        }
        if (port.inService != null) {
            out.append("    Message being served:\n        ").append(message(k, port.inService)).append('\n');
        }
        receivers(out, k, port, "    ");
        return out.toString().stripTrailing();
    }

    /** One message: its id, the client it came from, its type and API, and the thread that waits for its answer. */
    private static String message(Kernel k, PortMessage m) {
        String type = switch (m.type) {
            case PortMessage.LPC_REQUEST -> "LPC_REQUEST";
            case PortMessage.LPC_CLIENT_DIED -> "LPC_CLIENT_DIED";
            case PortMessage.LPC_CONNECTION_REQUEST -> "LPC_CONNECTION_REQUEST";
            default -> "type " + m.type;
        };
        StringBuilder line = new StringBuilder(String.format("Id=%08x  From: %04x.%04x  %s", m.messageId, m.clientProcess, m.clientThread, type));
        if (m.api != null) {
            line.append(" (").append(m.api).append(')');
        }
        EThread waiter = m.client;
        if (waiter != null && !m.replied && waiter.tcb.state == KThreadState.Waiting) {
            line.append("  Thread ").append(k.platform.plainPointer(waiter.address)).append(" waits (").append(waiter.tcb.waitReason).append(')');
        }
        return line.toString();
    }

    /** The server threads blocked receiving on the port (WrLpcReceive). */
    private static void receivers(StringBuilder out, Kernel k, PortObject port, String indent) {
        List<String> threads = new ArrayList<>();
        for (EThread t : k.threads()) {
            if (t.tcb.state == KThreadState.Waiting && t.tcb.waitObject == port && t.tcb.waitReason == KWaitReason.WrLpcReceive) {
                threads.add(k.platform.plainPointer(t.address) + " (Cid " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread) + ")");
            }
        }
        out.append(indent).append(threads.isEmpty() ? "No thread is waiting to receive." : "Waiting to receive: " + String.join(", ", threads)).append('\n');
    }

    private static String shortName(PortObject port) {
        return port.name == null ? "" : port.name.substring(port.name.lastIndexOf('\\') + 1);
    }

    private static EProcess process(Kernel k, long pid) {
        for (EProcess p : k.processes()) {
            if (p.uniqueProcessId == pid) {
                return p;
            }
        }
        return null;
    }
}
