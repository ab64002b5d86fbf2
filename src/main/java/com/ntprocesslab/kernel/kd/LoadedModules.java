package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.machine.WildcardPattern;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.Map;
import java.util.TreeMap;

/**
 * The images loaded where the debugger looks: the kernel's modules, and the images mapped in
 * the current process (its image VADs), as a kernel debugger lists them after the user-mode
 * symbols of that process are loaded. An image on the disk that no process maps is not loaded.
 */
final class LoadedModules {
    /** A loaded image: its name as the symbol table knows it, and its range. */
    record Module(String name, long start, long end) {
    }

    private LoadedModules() {
    }

    /** The loaded modules by start address, in address order. */
    static TreeMap<Long, Module> of(Kernel k, EProcess process) {
        TreeMap<Long, Module> modules = new TreeMap<>(Long::compareUnsigned);
        if (process != null && process.addressSpace != null) {
            for (Vad vad : process.addressSpace.vadRoot.values()) {
                if (vad.kind().equals("Image")) {
                    String name = canonical(k, vad.mapped());
                    modules.put(vad.start(), new Module(name, vad.start(), vad.end() + 1));
                }
            }
        }
        long ntBase = Symbols.modules(k.profile).get("nt");
        modules.put(ntBase, new Module("nt", ntBase, kernelEnd(k, ntBase)));
        return modules;
    }

    /** Modules whose name matches a WinDbg pattern (lm m nt, lm m kernel*). */
    static boolean matches(Module module, String pattern) {
        return pattern == null || WildcardPattern.compile(pattern).matches(module.name());
    }

    /** A mapped path's module name as the symbol table spells it (KERNEL32, ntdll), else the file name without extension. */
    private static String canonical(Kernel k, String path) {
        String file = path.substring(path.lastIndexOf('\\') + 1);
        String bare = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        for (String known : Symbols.modules(k.profile).keySet()) {
            if (known.equalsIgnoreCase(bare)) {
                return known;
            }
        }
        return bare;
    }

    /** The end of the kernel image: past its last routine, page aligned. */
    private static long kernelEnd(Kernel k, long base) {
        long end = base + 0x1000;
        for (Map.Entry<String, Long> symbol : Symbols.all(k.profile).entrySet()) {
            if (symbol.getKey().startsWith("nt!")) {
                Routine routine = Symbols.routine(symbol.getKey(), k.profile);
                end = Math.max(end, symbol.getValue() + (routine == null ? 0x80 : routine.size()));
            }
        }
        return (end + 0xfff) & ~0xfffL;
    }
}
