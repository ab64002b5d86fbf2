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
 * the threads, bit 4 each thread's stack ({@code 7} = all of it). The lines and field names
 * follow the examples of "!process" and "!thread" in Microsoft's debugger reference
 * (learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process, -thread); lines whose
 * values this machine does not model (times, tick counts, working-set and quota figures) are
 * left out rather than invented.
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
            targets = command.image() == null ? k.processes()
                    : k.processes().stream().filter(p -> p.imageFileName.equalsIgnoreCase(command.image())).toList();
        } else {
            EProcess p = Lookup.process(k, command.target());
            if (p == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(command.target())
                        + "': no process has that client id or EPROCESS address (!process 0 0 lists them)");
            }
            targets = List.of(p);
        }
        if (command.target() != null && command.target() == 0 && command.flags() == 0 && command.image() == null) {
            return Debugger.accept(ProcessDump.render(k));
        }
        StringBuilder out = new StringBuilder();
        if (targets.isEmpty()) {
            return Debugger.accept("**** NT ACTIVE PROCESS DUMP ****");
        }
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
            out.append("    VadRoot ").append(d.kernel.platform.plainPointer(p.address + StructLayouts.EPROCESS.get("VadRoot")[d.kernel.platform.x86 ? 1 : 0])).append(" Vads ")
                    .append(p.addressSpace == null ? 0 : p.addressSpace.vadRoot.size()).append('\n');
            out.append("    Token                             ").append(p.token == null ? d.kernel.platform.plainPointer(0) : d.kernel.platform.plainPointer(p.token.address)).append('\n');
            out.append("    BasePriority                      ").append(p.pcb.basePriority).append('\n');
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
                    + (t.systemThread ? "KernelMode" : "UserMode") + (t.tcb.alertable ? " Alertable" : " Non-Alertable");
            case Running -> "RUNNING on processor 0";
            default -> t.tcb.state.name().toUpperCase(java.util.Locale.ROOT);
        };
        out.append(indent).append("THREAD ").append(d.kernel.platform.plainPointer(t.address)).append("  Cid ")
                .append(Lookup.hex4(t.process.uniqueProcessId)).append('.').append(Lookup.hex4(t.uniqueThread))
                .append("  Teb: ").append(d.kernel.platform.plainPointer(t.teb == null ? 0 : t.teb.address))
                .append(" Win32Thread: ").append(d.kernel.platform.plainPointer(0)).append(' ').append(state).append('\n');
        // every object a thread can wait on is an object manager's object (a process, thread or event)
        if (t.tcb.waitObject instanceof KernelObject waited) {
            out.append(indent).append("    ").append(d.kernel.platform.plainPointer(waited.address)).append("  ")
                    .append(waited.type).append('\n');
        }
        out.append(indent).append("Not impersonating\n");
        out.append(indent).append("Owning Process            ").append(d.kernel.platform.plainPointer(t.process.address))
                .append("       Image:         ").append(t.process.imageFileName).append('\n');
        // KeAttachProcess (XP's PspCreateProcess, MmCreatePeb) runs the thread in the new process's address space
        EProcess attached = TypeView.attachedProcess(d.kernel, t);
        if (attached == t.process) {
            out.append(indent).append("Attached Process          N/A            Image:         N/A\n");
        } else {
            out.append(indent).append("Attached Process          ").append(d.kernel.platform.plainPointer(attached.address))
                    .append("       Image:         ").append(attached.imageFileName).append('\n');
        }
        out.append(indent).append(StartAddressView.line(d, t)).append('\n');
        if (d.kernel.platform.x86) {
            // WinDbg's x86 layout: the kernel stack KeInitThread built (InitialStack, KernelStack, its base and limit)
            long base = t.kernelStackBase;
            out.append(indent).append(String.format("Stack Init %08x Current %08x Base %08x Limit %08x Call 0%n",
                    t.initialStack, t.kernelStack, base, base == 0 ? 0 : base - d.kernel.platform.kernelStackSize()));
        } else {
            long kernelStack = d.kernel.platform.kernelStackBase(t.address);
            out.append(indent).append("Stack Init ").append(d.kernel.platform.plainPointer(kernelStack)).append('\n');
            out.append(indent).append("Base ").append(d.kernel.platform.plainPointer(kernelStack)).append(" Limit ")
                    .append(d.kernel.platform.plainPointer(kernelStack - d.kernel.platform.kernelStackSize())).append('\n');
        }
        out.append(indent).append(String.format("Priority %d BasePriority %d%n", t.tcb.priority, t.tcb.basePriority));
        if (stack) {
            List<String> lines = StackView.threadLines(d, t);
            if (lines.isEmpty()) {
                out.append(indent).append("(no frames)\n");
            } else {
                out.append(indent).append(StackView.threadHeader(d.kernel.platform)).append('\n');
                for (String line : lines) {
                    out.append(indent).append(line).append('\n');
                }
            }
        }
    }
}
