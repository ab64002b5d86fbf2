package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.mm.Peb;
import com.ntprocesslab.kernel.mm.Teb;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;

/** !peb, !teb and !vad: the user-mode blocks and the address space of the context (or given) process. */
final class MemoryView {
    private MemoryView() {
    }

    static CommandResult block(Debugger d, KdCommand.Block b) {
        return switch (b.which()) {
            case "peb" -> peb(d, b.address());
            case "teb" -> teb(d, b.address());
            default -> vad(d, b.address());
        };
    }

    private static CommandResult peb(Debugger d, Long address) {
        EProcess owner = null;
        if (address == null) {
            owner = d.contextProcess();
        } else {
            UserAddresses.Match<EProcess> match = UserAddresses.peb(d, address);
            owner = match.owner();
            if (owner == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(address) + "': "
                        + (match.elsewhere() > 1 ? "the context process has no PEB there" + match.ambiguity("PEB")
                        : "no process has its PEB there (!process 0 0 shows each Peb)"));
            }
        }
        if (owner == null || owner.peb == null) {
            return Debugger.accept(owner == null ? "No process context." : owner.imageFileName + " has no PEB (" + (owner.systemProcess ? "a kernel-only process" : "not created yet") + ").");
        }
        Peb peb = owner.peb;
        Platform pl = d.kernel.platform;
        // the order of the "!peb" example (learn.microsoft.com/windows-hardware/drivers/debuggercmds/-peb): flags, image,
        // loader, heap, then the process parameters' strings. Left out: ReadImageFileExecOptions, NtGlobalFlag, the Ldr
        // and ProcessParameters addresses, the list heads and the modules' TimeStamp, DllPath (none are modelled)
        StringBuilder out = new StringBuilder("PEB at ").append(pl.plainPointer(peb.address)).append('\n');
        // PspCreateProcess zeroes its INITIAL_PEB and sets InheritedAddressSpace only when the child shares the
        // parent's address space, which no process here does (WRK base/ntos/ps/create.c)
        out.append("    InheritedAddressSpace:    No\n");
        out.append("    BeingDebugged:            ").append(peb.beingDebugged ? "Yes" : "No").append('\n');
        out.append("    ImageBaseAddress:         ").append(pl.plainPointer(peb.imageBaseAddress)).append('\n');
        if (peb.ldr == null) {
            out.append("    Ldr                       ").append(pl.plainPointer(0)).append(" (LdrInitializeThunk has not run yet)\n");
        } else {
            out.append("    Ldr.Initialized:          ").append(peb.ldr.initialized ? "Yes" : "No").append('\n');
            out.append("    Ldr.InLoadOrderModuleList:\n");
            for (LdrEntry e : peb.ldr.inLoadOrderModuleList) {
                out.append(String.format(pl.x86 ? "            %08x %s%n" : "            %16x %s%n", e.dllBase(), e.fullDllName()));
            }
        }
        if (pl.x86) {
            out.append("    ProcessHeap:       ").append(pl.plainPointer(peb.processHeap)).append('\n');
        }
        out.append("    CurrentDirectory:  '").append(peb.currentDirectory).append("'\n");
        out.append("    WindowTitle:  '").append(peb.windowTitle == null ? peb.imagePathName : peb.windowTitle).append("'\n");
        out.append("    ImageFile:    '").append(peb.imagePathName).append("'\n");
        out.append("    CommandLine:  '").append(peb.commandLine).append("'");
        if (peb.windowFlags != 0) {
            out.append(String.format("%n    WindowFlags:  0x%x  ShowWindowFlags: 0x%x", peb.windowFlags, peb.showWindowFlags));
        }
        // given with STARTF_USESTDHANDLES, or copied in by the creator's StuffStdHandle (XP, a console child)
        if ((peb.windowFlags & com.ntprocesslab.kernel.mm.StartupParameters.STARTF_USESTDHANDLES) != 0
                || (peb.standardInput | peb.standardOutput | peb.standardError) != 0) {
            out.append(String.format("%n    StandardInput: 0x%x  StandardOutput: 0x%x  StandardError: 0x%x",
                    peb.standardInput, peb.standardOutput, peb.standardError));
        }
        if (peb.environment != null) {
            out.append("\n    Environment:");
            for (String e : peb.environment) {
                out.append("\n        ").append(e);
            }
        }
        return Debugger.accept(out.toString().replace("\r\n", "\n"));
    }

    private static CommandResult teb(Debugger d, Long address) {
        EThread owner = null;
        if (address == null) {
            owner = d.contextThread();
        } else {
            UserAddresses.Match<EThread> match = UserAddresses.teb(d, address);
            owner = match.owner();
            if (owner == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(address) + "': "
                        + (match.elsewhere() > 1 ? "no thread of the context process has its TEB there" + match.ambiguity("TEB")
                        : "no thread has its TEB there (!thread shows each Teb)"));
            }
        }
        if (owner == null || owner.teb == null) {
            return Debugger.accept(owner == null ? "No thread context." : "Thread 0x" + Long.toHexString(owner.uniqueThread) + " has no TEB.");
        }
        Teb teb = owner.teb;
        Platform pl = d.kernel.platform;
        StringBuilder out = new StringBuilder("TEB at ").append(pl.plainPointer(teb.address)).append('\n');
        out.append("    StackBase:            ").append(pl.plainPointer(teb.stackBase)).append('\n');
        out.append("    StackLimit:           ").append(pl.plainPointer(teb.stackLimit)).append('\n');
        // NtTib.Self is the TEB's own address; the other NT_TIB lines of the "!teb" example (ExceptionList,
        // SubSystemTib, FiberData, ArbitraryUserPointer) and RpcHandle, Tls Storage are not modelled
        out.append("    Self:                 ").append(pl.plainPointer(teb.address)).append('\n');
        out.append("    ClientId:             ").append(pl.plainPointer(owner.process.uniqueProcessId)).append(" . ").append(pl.plainPointer(owner.uniqueThread)).append('\n');
        out.append("    PEB Address:          ").append(pl.plainPointer(owner.process.peb == null ? 0 : owner.process.peb.address)).append('\n');
        out.append(String.format("    LastErrorValue:       %d%n", teb.lastErrorValue));
        out.append(String.format("    LastStatusValue:      %x", teb.lastStatusValue));
        return Debugger.accept(out.toString().replace("\r\n", "\n"));
    }

    private static CommandResult vad(Debugger d, Long target) {
        EProcess p = target == null ? d.contextProcess() : Lookup.process(d.kernel, target);
        if (p == null) {
            return target == null ? Debugger.accept("No process context.")
                    : Debugger.reject("Couldn't resolve error at '" + Long.toHexString(target) + "': no process has that client id or EPROCESS address");
        }
        if (p.addressSpace == null) {
            return Debugger.accept(p.imageFileName + " has no user address space.");
        }
        StringBuilder out = new StringBuilder("VadRoot of ").append(p.imageFileName).append('\n');
        out.append("     Start        End Commit  Type     Protection         Mapped\n");
        for (Vad vad : p.addressSpace.vadRoot.values()) {
            out.append(String.format("%10x %10x %6d  %-8s %-18s %s%n", vad.startingVpn(), vad.endingVpn(),
                    vad.privateMemory() ? vad.endingVpn() - vad.startingVpn() + 1 : 0, vad.privateMemory() ? "Private" : "Mapped",
                    vad.protection(), vad.mapped() == null ? vad.kind() : vad.kind() + " " + vad.mapped()));
        }
        out.append("Total VADs: ").append(p.addressSpace.vadRoot.size());
        return Debugger.accept(out.toString().replace("\r\n", "\n"));
    }
}
