package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.TreeMap;

/**
 * vertarget, !irql, .reload and lm: what the target is and which images the debugger sees.
 * Formats: "vertarget (Show Target Computer Version)", "!irql", ".reload (Reload Module)" and
 * "lm (List Loaded Modules)" in Microsoft's debugger reference
 * (learn.microsoft.com/windows-hardware/drivers/debuggercmds/). Lines that carry wall-clock
 * time (Debug session time, System Uptime) are left out: the machine has only its step count.
 */
final class TargetView {
    private TargetView() {
    }

    static CommandResult versionTarget(Debugger d) {
        boolean classic = d.kernel.profile == Profile.CLASSIC;
        String version = classic ? "Windows XP Kernel Version 2600 (Service Pack 3) UP Free x86 compatible"
                : "Windows 10 Kernel Version 19045 MP (1 procs) Free x64";
        return Debugger.accept(version + "\nProduct: WinNt\nMachine Name:\nKernel base = 0x" + d.kernel.platform.pointer(Symbols.modules(d.kernel.profile).get("nt")));
    }

    /**
     * The one processor's IRQL before the break: the level of the thread that was running
     * (KThread.irql). x86 names: 0 LOW_LEVEL (PASSIVE_LEVEL), 1 APC_LEVEL, 2 DISPATCH_LEVEL.
     */
    static CommandResult irql(Debugger d) {
        com.ntprocesslab.kernel.ps.EThread current = d.current;
        int irql = current == null ? KThread.PASSIVE_LEVEL : current.tcb.irql;
        String name = switch (irql) {
            case KThread.APC_LEVEL -> "APC_LEVEL";
            case KThread.DISPATCH_LEVEL -> "DISPATCH_LEVEL";
            default -> "LOW_LEVEL";
        };
        return Debugger.accept("Debugger saved IRQL for processor 0x0 -- " + irql + " (" + name + ")");
    }

    /** .reload: one dot per module whose symbols are loaded, kernel first, then the current process's images. */
    static CommandResult reload(Debugger d) {
        TreeMap<Long, LoadedModules.Module> modules = LoadedModules.of(d.kernel, d.contextProcess());
        long kernel = modules.values().stream().filter(m -> m.name().equals("nt")).count();
        return Debugger.accept("Loading Kernel Symbols\n" + ".".repeat((int) kernel) + "\nLoading User Symbols\n"
                + ".".repeat((int) (modules.size() - kernel)) + "\nLoading unloaded module list");
    }

    static CommandResult modules(Debugger d, String pattern) {
        EProcess process = d.contextProcess();
        StringBuilder out = new StringBuilder(d.kernel.platform.x86 ? "start    end        module name" : "start             end                 module name");
        for (LoadedModules.Module m : LoadedModules.of(d.kernel, process).values()) {
            if (LoadedModules.matches(m, pattern)) {
                out.append('\n').append(d.kernel.platform.pointer(m.start())).append(' ').append(d.kernel.platform.pointer(m.end())).append("   ").append(m.name());
            }
        }
        return Debugger.accept(out.toString());
    }
}
