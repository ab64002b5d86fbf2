package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.machine.WildcardPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * bp, bu, bm, bc, bd and be. As in WinDbg, a breakpoint set on a resolved symbol and a clear,
 * disable or enable print nothing; bm lists what it set, bp on an unknown name says it is
 * deferred ("bp, bu, bm (Set Breakpoint)" and "bc (Breakpoint Clear)" in Microsoft's debugger
 * reference).
 */
final class BreakpointCommands {
    private BreakpointCommands() {
    }

    static CommandResult set(Debugger d, KdCommand.SetBreakpoint b) {
        String expression = b.expression();
        int bang = expression.indexOf('!');
        if (bang <= 0 || bang == expression.length() - 1) {
            return Debugger.reject(KdParser.syntax(expression, "expected module!Function, e.g. nt!PspAllocateProcess"));
        }
        boolean wildcard = WildcardPattern.hasWildcard(expression);
        if (wildcard && b.kind() != 'm') {
            return Debugger.reject(KdParser.syntax(expression, "wildcards need bm, e.g. bm " + expression));
        }
        List<String> matches = Symbols.match(expression, d.kernel().profile);
        if (b.kind() == 'm') {
            if (matches.isEmpty()) {
                return Debugger.reject("Couldn't resolve error at '" + expression + "': no symbol matches the pattern");
            }
            List<String> lines = new ArrayList<>();
            for (String symbol : matches) {
                String canonical = Symbols.canonical(symbol, d.kernel().profile);
                // a Zw alias whose Nt function the pattern matched too is one breakpoint, listed once
                if (!canonical.equals(symbol) && matches.contains(canonical)) {
                    continue;
                }
                lines.add(describe(d, d.breakpoints.add(canonical, true).id(), symbol));
            }
            return Debugger.accept(String.join("\n", lines));
        }
        if (matches.isEmpty()) {
            if (b.kind() == 'p') {
                return Debugger.reject("Couldn't resolve error at '" + expression + "': no such symbol (bu keeps an unresolved breakpoint)");
            }
            Breakpoint deferred = d.breakpoints.add(expression, false);
            return Debugger.accept("Bp expression '" + expression + "' could not be resolved, adding deferred bp " + deferred.id());
        }
        // a breakpoint on a Zw alias stops where its Nt function is entered: one address, one breakpoint
        d.breakpoints.add(Symbols.canonical(matches.get(0), d.kernel().profile), true);
        return Debugger.accept("");
    }

    private static String describe(Debugger d, int id, String symbol) {
        Profile profile = d.kernel().profile;
        return String.format("%3d: %s @!\"%s\"", id, Platform.of(profile).pointer(Symbols.address(symbol, profile)), symbol);
    }

    /** bc (clear), bd (disable), be (enable): every number must exist, or nothing changes. */
    static CommandResult change(Debugger d, KdCommand.ChangeBreakpoints c) {
        List<Integer> ids = new ArrayList<>();
        if (c.all()) {
            d.breakpoints.all().forEach(b -> ids.add(b.id()));
        } else {
            for (int id : c.ids()) {
                if (d.breakpoints.find(id) == null) {
                    return Debugger.reject("Couldn't resolve error at '" + id + "': there is no breakpoint " + id + " (bl lists them)");
                }
                ids.add(id);
            }
        }
        for (int id : ids) {
            switch (c.action()) {
                case 'c' -> d.breakpoints.remove(id);
                case 'd' -> d.breakpoints.enable(id, false);
                default -> d.breakpoints.enable(id, true);
            }
        }
        return Debugger.accept("");
    }
}
