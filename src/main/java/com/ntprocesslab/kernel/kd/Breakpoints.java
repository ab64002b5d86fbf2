package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.machine.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The breakpoint table (debugger state, plain data). Like WinDbg, a new breakpoint takes the
 * lowest free number and setting one on a symbol that already has one reuses it.
 */
public final class Breakpoints {
    private final TreeMap<Integer, Breakpoint> table = new TreeMap<>();

    public List<Breakpoint> all() {
        return List.copyOf(table.values());
    }

    public boolean anyEnabled() {
        for (Breakpoint b : all()) {
            if (b.enabled()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return table.isEmpty();
    }

    public Breakpoint find(int id) {
        return table.get(id);
    }

    /** Adds (or re-enables) a breakpoint on {@code symbol}; returns it. */
    Breakpoint add(String symbol, boolean resolved) {
        for (Breakpoint b : table.values()) {
            if (b.symbol().equalsIgnoreCase(symbol)) {
                table.put(b.id(), b.withEnabled(true));
                return table.get(b.id());
            }
        }
        int id = 0;
        while (table.containsKey(id)) {
            id++;
        }
        Breakpoint b = new Breakpoint(id, symbol, resolved, true);
        table.put(id, b);
        return b;
    }

    void remove(int id) {
        table.remove(id);
    }

    void enable(int id, boolean on) {
        table.computeIfPresent(id, (k, b) -> b.withEnabled(on));
    }

    /**
     * The enabled breakpoint a thread about to run {@code at} hits, or null. A function is
     * entered by the step that names it, or, when no step named it (an inline call, a
     * thread's first routine, a switch to user mode, a .call), at its frame's own entry
     * ({@code Frame.entry}); either way the location's symbol is that function, so k's frame
     * 00 is the breakpoint's symbol. (Before, an unnamed entry counted only when its frame
     * was the thread's only one: PspExitThread and PspUserThreadStartup never fired.)
     */
    public Breakpoint match(Location at) {
        if (at == null) {
            return null;
        }
        // inline code that a code label names (ntdll!KiFastSystemCallRet, where SYSEXIT returns) is that label's breakpoint
        String label = at.symbol() == null && at.frame().pc > 0 && !at.frame().routine.returnSite(at.frame().pc - 1).contains("+")
                ? at.frame().routine.returnSite(at.frame().pc - 1) : null;
        for (Breakpoint b : table.values()) {
            if (b.enabled() && (b.symbol().equalsIgnoreCase(at.symbol()) || b.symbol().equalsIgnoreCase(label))) {
                return b;
            }
        }
        return null;
    }


    /** bl, as WinDbg lays it out: number, e/d (u when deferred), address, pass count, symbol. */
    String render(Profile profile) {
        if (table.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (Breakpoint b : table.values()) {
            String state = (b.enabled() ? "e" : "d") + (b.resolved() ? " " : "u");
            Platform platform = Platform.of(profile);
            String address = b.resolved() ? platform.pointer(Symbols.address(b.symbol(), profile)) : " ".repeat(platform.x86 ? 8 : 17);
            String name = b.resolved() ? b.symbol() : "(" + b.symbol() + ")";
            lines.add(String.format("%2d %s %s     0001 (0001) %s", b.id(), state, address, name));
        }
        return String.join("\n", lines);
    }
}
