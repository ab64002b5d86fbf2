package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.machine.WildcardPattern;
import java.util.ArrayList;
import java.util.List;

/** bp, bu, bm, bc, bd and be. */
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
                lines.add(describe(d, d.breakpoints.add(symbol, true).id(), symbol));
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
        String symbol = matches.get(0);
        return Debugger.accept(describe(d, d.breakpoints.add(symbol, true).id(), symbol));
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
        String verb = switch (c.action()) {
            case 'c' -> "Cleared";
            case 'd' -> "Disabled";
            default -> "Enabled";
        };
        for (int id : ids) {
            switch (c.action()) {
                case 'c' -> d.breakpoints.remove(id);
                case 'd' -> d.breakpoints.enable(id, false);
                default -> d.breakpoints.enable(id, true);
            }
        }
        return Debugger.accept(ids.isEmpty() ? "No breakpoints are set." : verb + " breakpoint" + (ids.size() == 1 ? " " : "s ")
                + String.join(" ", ids.stream().map(String::valueOf).toList()) + ".");
    }
}
