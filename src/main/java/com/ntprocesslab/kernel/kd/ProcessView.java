package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.inspect.ProcessDump;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import java.util.List;

/**
 * !process and !thread. Flags as in WinDbg: 0 the summary, bit 1 more process detail, bit 2
 * the threads, bit 4 each thread's stack ({@code 7} = all of it).
 */
final class ProcessView {
    private ProcessView() {
    }

    static CommandResult process(Debugger d, KdCommand.Process command) {
        Kernel k = d.kernel;
        List<EProcess> targets;
        if (command.target() == null) {
            EProcess p = d.contextProcess();
            if (p == null) {
                return Debugger.accept("No process context; use !process 0 0 to list processes.");
            }
            targets = List.of(p);
        } else if (command.target() == 0) {
            targets = k.processes();
        } else {
            EProcess p = Lookup.process(k, command.target());
            if (p == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(command.target())
                        + "': no process has that client id or EPROCESS address (!process 0 0 lists them)");
            }
            targets = List.of(p);
        }
        if (command.target() != null && command.target() == 0 && command.flags() == 0) {
            return Debugger.accept(ProcessDump.render(k));
        }
        StringBuilder out = new StringBuilder();
        if (command.target() != null && command.target() == 0) {
            out.append("**** NT ACTIVE PROCESS DUMP ****\n");
        }
        for (int i = 0; i < targets.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            render(d, targets.get(i), command.flags(), out);
        }
        return Debugger.accept(out.toString().replace("\r\n", "\n").stripTrailing());
    }

    private static void render(Debugger d, EProcess p, int flags, StringBuilder out) {
        ProcessDump.entry(d.kernel, p, out);
        if ((flags & 1) != 0) {
            out.append("    VadRoot with ").append(p.addressSpace == null ? 0 : p.addressSpace.vadRoot.size()).append(" Vads\n");
            out.append("    Token                             ").append(p.token == null ? "00000000" : d.kernel.platform.pointer(p.token.address)).append('\n');
            out.append("    CreateTime                        ").append(p.createTime).append('\n');
            out.append("    ActiveThreads                     ").append(p.activeThreads).append('\n');
            out.append("    PriorityClass                     ").append(p.priorityClass).append('\n');
            out.append("    ExitStatus                        ").append(String.format("%08x", p.exitStatus)).append('\n');
            if (p.imagePathName != null) {
                out.append("    ImagePathName                     ").append(p.imagePathName).append('\n');
            }
        }
        if ((flags & 2) != 0) {
            for (EThread t : p.threadListHead.owners()) {
                out.append('\n');
                thread(d, t, (flags & 4) != 0, "        ", out);
            }
        }
    }

    static CommandResult thread(Debugger d, Long address) {
        EThread t = address == null ? d.contextThread() : Lookup.thread(d.kernel, address);
        if (t == null) {
            return address == null ? Debugger.accept("No thread context: every thread is waiting. Use !thread <address>.")
                    : Debugger.reject("Couldn't resolve error at '" + d.kernel.platform.pointer(address) + "': not an ETHREAD address or thread id (!process 0 7 lists threads)");
        }
        StringBuilder out = new StringBuilder();
        thread(d, t, true, "", out);
        return Debugger.accept(out.toString().stripTrailing());
    }

    private static void thread(Debugger d, EThread t, boolean stack, String indent, StringBuilder out) {
        String state = switch (t.tcb.state) {
            case Waiting -> "WAIT: (" + (t.tcb.waitReason == null ? "Executive" : t.tcb.waitReason) + ") "
                    + (t.systemThread ? "KernelMode" : "UserMode") + " Non-Alertable";
            case Running -> "RUNNING on processor 0";
            default -> t.tcb.state.name().toUpperCase(java.util.Locale.ROOT);
        };
        out.append(indent).append("THREAD ").append(d.kernel.platform.pointer(t.address)).append("  Cid ")
                .append(Lookup.hex4(t.process.uniqueProcessId)).append('.').append(Lookup.hex4(t.uniqueThread))
                .append("  Teb: ").append(d.kernel.platform.plainPointer(t.teb == null ? 0 : t.teb.address))
                .append(" Win32Thread: ").append(d.kernel.platform.plainPointer(0)).append(' ').append(state).append('\n');
        // every object a thread can wait on is an object manager's object (a process, thread or event)
        if (t.tcb.waitObject instanceof KernelObject waited) {
            out.append(indent).append("    ").append(d.kernel.platform.pointer(waited.address)).append("  ")
                    .append(waited.type).append('\n');
        }
        out.append(indent).append("Owning Process            ").append(d.kernel.platform.pointer(t.process.address))
                .append("       Image:         ").append(t.process.imageFileName).append('\n');
        out.append(indent).append(String.format("Priority %d BasePriority %d  SuspendCount %d  Started %s\n",
                t.tcb.priority, t.tcb.basePriority, t.tcb.suspendCount, t.started ? "Yes" : "No"));
        out.append(indent).append("Win32 Start Address ").append(d.kernel.platform.pointer(t.win32StartAddress)).append('\n');
        out.append(indent).append("Stack Init ").append(d.kernel.platform.pointer(t.stackBase)).append(" Limit ").append(d.kernel.platform.pointer(t.stackLimit)).append('\n');
        if (stack) {
            List<String> lines = StackView.lines(d, t);
            if (lines.isEmpty()) {
                out.append(indent).append("(no frames)\n");
            } else {
                out.append(indent).append(StackView.header(d.kernel.platform).substring(3)).append('\n');
                for (String line : lines) {
                    out.append(indent).append(line.substring(3)).append('\n');
                }
            }
        }
    }
}
