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
        TreeMap<Long, String> byAddress = new TreeMap<>();
        for (String symbol : Symbols.match(pattern, profile)) {
            byAddress.put(Symbols.address(symbol, profile), symbol);
        }
        if (byAddress.isEmpty()) {
            return Debugger.accept("No symbol matches " + pattern + ".");
        }
        List<String> lines = new ArrayList<>();
        // WinDbg prints a data symbol without type information so, as seed 000's listing shows
        byAddress.forEach((address, symbol) -> lines.add(Platform.of(profile).pointer(address) + " " + symbol + (Symbols.isData(symbol)
                ? " = <no type information>" : " (" + symbol.substring(symbol.indexOf('!') + 1) + ")")));
        return Debugger.accept(String.join("\n", lines));
    }

    /** ln: the nearest symbol at or below an address. */
    static CommandResult near(long address, Profile profile) {
        String best = null;
        long bestAddress = 0;
        for (Map.Entry<String, Long> e : Symbols.all(profile).entrySet()) {
            if (e.getValue() <= address && (best == null || e.getValue() > bestAddress)) {
                best = e.getKey();
                bestAddress = e.getValue();
            }
        }
        if (best == null || address - bestAddress > 0x10000) {
            return Debugger.accept("No symbol is near " + Platform.of(profile).pointer(address) + ".");
        }
        long offset = address - bestAddress;
        return Debugger.accept("(" + Platform.of(profile).pointer(bestAddress) + ")   " + best + (offset == 0 ? "" : "+0x" + Long.toHexString(offset))
                + "\nExact matches:\n    " + (offset == 0 ? best + " (" + best.substring(best.indexOf('!') + 1) + ")" : "(none)"));
    }
}
