package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.GuestPrograms;
import java.util.Map;

/**
 * !thread's "Win32 Start Address" line as WinDbg prints it: the symbol that covers the address,
 * then the address in parentheses ("Win32 Start Address notepad!wWinMainCRTStartup
 * (0x00007ff6b1491b30)"; a worker "threads!Worker (0x...)"), and the bare "0x..." only when no
 * symbol covers it (0 on XP for RtlCreateUserThread threads, whose context Eax is 0).
 */
final class StartAddressView {
    private StartAddressView() {
    }

    static String line(Debugger d, EThread t) {
        String hex = "0x" + d.kernel.platform.plainPointer(t.win32StartAddress);
        String symbol = t.win32StartAddress == 0 ? null : symbol(d, t);
        return "Win32 Start Address " + (symbol == null ? hex : symbol + " (" + hex + ")");
    }

    private static String symbol(Debugger d, EThread t) {
        long address = t.win32StartAddress;
        // The image's AddressOfEntryPoint is its CRT startup routine (what the PDB names there);
        // the machine's symbol table lays functions out alphabetically, so the entry is named by the header.
        var section = t.process.sectionObject;
        if (section != null && section.image != null && !section.image.dll()
                && address == t.process.sectionBaseAddress + section.image.addressOfEntryPoint()) {
            String entry = GuestPrograms.entrySymbol(t.process.imageFileName, section.image.subsystem());
            if (Symbols.address(entry, d.kernel.profile) != 0) {
                return entry;
            }
        }
        // every .exe sits at the same base (0x00400000 on XP), so inside the image only its own module's symbols count
        String module = null;
        if (section != null && section.image != null && address >= t.process.sectionBaseAddress
                && address < t.process.sectionBaseAddress + section.image.sizeOfImage()) {
            String entry = GuestPrograms.entrySymbol(t.process.imageFileName, section.image.subsystem());
            module = entry.substring(0, entry.indexOf('!') + 1);
        }
        return covering(d, address, module);
    }

    /** The nearest symbol at or below the address whose routine spans it, with its offset ("sym+0x10"). */
    private static String covering(Debugger d, long address, String modulePrefix) {
        String best = null;
        long bestAddress = 0;
        for (Map.Entry<String, Long> e : Symbols.all(d.kernel.profile).entrySet()) {
            if (modulePrefix != null && !e.getKey().startsWith(modulePrefix)) {
                continue;
            }
            if (e.getValue() <= address && (best == null || e.getValue() > bestAddress)) {
                best = e.getKey();
                bestAddress = e.getValue();
            }
        }
        if (best == null || Symbols.isData(best)) {
            return null;
        }
        Routine routine = Symbols.routine(best, d.kernel.profile);
        long offset = address - bestAddress;
        if (offset >= (routine == null ? 0x80 : routine.size())) {
            return null;
        }
        return offset == 0 ? best : best + "+0x" + Long.toHexString(offset);
    }
}
