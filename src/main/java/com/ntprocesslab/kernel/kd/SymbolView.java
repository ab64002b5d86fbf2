package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.machine.WildcardPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** x and ln over the symbol table. */
final class SymbolView {
    private SymbolView() {
    }

    /** x module!pattern: address and name of every matching symbol, in address order. */
    static CommandResult examine(String pattern, Profile profile) {
        String module = pattern.substring(0, pattern.indexOf('!'));
        if (!WildcardPattern.hasWildcard(module) && !Symbols.modules(profile).containsKey(module)) {
            return Debugger.reject("Couldn't resolve error at '" + pattern + "': no module named " + module + " (lm lists them)");
        }
        // two names of one function (ntdll's Nt and Zw exports) are two lines at one address
        TreeMap<Long, List<String>> byAddress = new TreeMap<>();
        for (String symbol : Symbols.match(pattern, profile)) {
            byAddress.computeIfAbsent(Symbols.address(symbol, profile), a -> new ArrayList<>()).add(symbol);
        }
        if (byAddress.isEmpty()) {
            return Debugger.accept("No symbol matches " + pattern + ".");
        }
        List<String> lines = new ArrayList<>();
        byAddress.forEach((address, symbols) -> symbols.forEach(symbol -> lines.add(Platform.of(profile).pointer(address) + " " + described(symbol))));
        return Debugger.accept(String.join("\n", lines));
    }

    /**
     * ln: the nearest symbol at or below an address, then the next one above it, as WinDbg pairs them
     * ("(fffff800`fc901270)   nt!NtCreateFile   |  (fffff800`fc9012f4)   nt!NtOpenKey"); the
     * "Exact matches:" section only when the address is a symbol's own ("ln (List Nearest Symbols)",
     * learn.microsoft.com/windows-hardware/drivers/debuggercmds/ln--list-nearest-symbols-).
     */
    static CommandResult near(KdCommand.NearSymbol command, Profile profile) {
        long address = command.address();
        if (command.symbol() != null) {
            address = Symbols.address(command.symbol(), profile);
            if (address == 0) {
                return Debugger.reject("Couldn't resolve error at '" + command.symbol() + "': no such symbol (x nt!* lists them)");
            }
        }
        String best = null;
        long bestAddress = 0;
        String next = null;
        long nextAddress = 0;
        for (Map.Entry<String, Long> e : Symbols.all(profile).entrySet()) {
            long at = e.getValue();
            if (at <= address && (best == null || at > bestAddress)) {
                best = e.getKey();
                bestAddress = at;
            }
            if (at > address && (next == null || at < nextAddress)) {
                next = e.getKey();
                nextAddress = at;
            }
        }
        Platform platform = Platform.of(profile);
        if (best == null || address - bestAddress > 0x10000) {
            return Debugger.accept("No symbol is near " + platform.pointer(address) + ".");
        }
        long offset = address - bestAddress;
        StringBuilder out = new StringBuilder("(" + platform.pointer(bestAddress) + ")   " + best + (offset == 0 ? "" : "+0x" + Long.toHexString(offset)));
        if (next != null && nextAddress - address <= 0x10000) {
            out.append("   |  (").append(platform.pointer(nextAddress)).append(")   ").append(next);
        }
        if (offset == 0) {
            out.append("\nExact matches:");
            for (Map.Entry<String, Long> e : Symbols.all(profile).entrySet()) {
                if (e.getValue() == bestAddress) {
                    out.append("\n    ").append(described(e.getKey()));
                }
            }
        }
        return Debugger.accept(out.toString());
    }

    /** A symbol as x and ln print it: WinDbg prints a data symbol without type information, as seed 000's listing shows. */
    private static String described(String symbol) {
        return symbol + (Symbols.isData(symbol) ? " = <no type information>" : " (" + symbol.substring(symbol.indexOf('!') + 1) + ")");
    }
}
