package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.Map;

/**
 * u and uf: a routine's code. This machine's code is its steps, so each step is listed as an
 * instruction at its address, under its {@code routine+offset} label (the offsets k prints);
 * u shows eight from the address, as WinDbg's u shows eight instructions, uf the whole
 * routine ("u, ub, uu (Unassemble)" and "uf (Unassemble Function)" in Microsoft's debugger
 * reference). A function the machine runs as a single step has one instruction, its own code.
 */
final class CodeView {
    private static final int U_STEPS = 8;

    private CodeView() {
    }

    static CommandResult unassemble(Debugger d, KdCommand.Unassemble u) {
        Routine routine;
        int from = 0;
        String leaf = null;
        if (u.where() == null) {
            EThread thread = d.contextThread();
            Frame top = thread == null ? null : thread.top();
            if (top == null) {
                return Debugger.reject("No thread stands in code here; give u a symbol or an address, e.g. u nt!PspAllocateProcess");
            }
            routine = top.routine;
            from = u.wholeFunction() ? 0 : top.pc;
        } else {
            String name = u.where();
            Long address = name.indexOf('!') > 0 ? symbolPlusOffset(d, name) : KdParser.number(name);
            if (address == null && (name.indexOf('!') <= 0 || name.indexOf('+') > 0)) {
                return Debugger.reject("Couldn't resolve error at '" + u.where() + "': give u a symbol (u nt!PspAllocateProcess), "
                        + "a symbol and an offset (u nt!PspAllocateProcess+0x20) or an address; x lists the symbols");
            }
            if (address != null) {
                name = symbolAt(d, address);
                if (name == null) {
                    return Debugger.reject("Couldn't resolve error at '" + u.where() + "': no code of this machine is at that address (x lists the symbols)");
                }
            }
            String symbol = exact(d, name);
            routine = symbol == null ? null : Symbols.routine(symbol, d.kernel.profile);
            if (routine == null) {
                leaf = symbol;
                if (leaf == null || d.kernel.symbolAddress(leaf) == 0 || !Symbols.all(d.kernel.profile).containsKey(leaf)) {
                    return Debugger.reject("Couldn't resolve error at '" + u.where() + "': no such symbol (x lists them)");
                }
            } else if (address != null && !u.wholeFunction()) {
                from = stepAt(d, routine, address);
            }
        }
        if (leaf != null) {
            return Debugger.accept(leaf + ":\n" + d.kernel.platform.pointer(d.kernel.symbolAddress(leaf)) + " (inline code)");
        }
        int to = u.wholeFunction() ? routine.steps().size() : Math.min(routine.steps().size(), from + U_STEPS);
        StringBuilder out = new StringBuilder();
        long base = d.kernel.symbolAddress(routine.symbol());
        for (int pc = from; pc < to; pc++) {
            long address = pc == 0 ? base : base + routine.returnOffset(pc - 1);
            out.append(out.isEmpty() ? "" : "\n").append(Where.stepSymbol(routine, pc)).append(":\n")
                    .append(d.kernel.platform.pointer(address)).append(' ').append(Where.instruction(routine.step(pc)));
        }
        return Debugger.accept(out.toString());
    }

    /** The address of {@code module!Function+offset}, or null when it is not that form or names no symbol. */
    private static Long symbolPlusOffset(Debugger d, String name) {
        int plus = name.indexOf('+');
        if (plus < 0) {
            return null;
        }
        String symbol = exact(d, name.substring(0, plus));
        Long offset = KdParser.number(name.substring(plus + 1));
        if (symbol == null || offset == null || offset < 0 || d.kernel.symbolAddress(symbol) == 0) {
            return null;
        }
        return d.kernel.symbolAddress(symbol) + offset;
    }

    /** The symbol as the table spells it (names compare without case, as WinDbg's do). */
    private static String exact(Debugger d, String name) {
        for (String symbol : Symbols.all(d.kernel.profile).keySet()) {
            if (symbol.equalsIgnoreCase(name)) {
                return symbol;
            }
        }
        return null;
    }

    /** The function whose code holds an address: the nearest symbol at or below it within its routine. */
    private static String symbolAt(Debugger d, long address) {
        String best = null;
        long bestAddress = 0;
        for (Map.Entry<String, Long> e : Symbols.all(d.kernel.profile).entrySet()) {
            if (e.getValue() <= address && (best == null || e.getValue() > bestAddress)) {
                best = e.getKey();
                bestAddress = e.getValue();
            }
        }
        if (best == null) {
            return null;
        }
        Routine routine = Symbols.routine(best, d.kernel.profile);
        long size = routine == null ? 0x80 : routine.size();
        return address - bestAddress < size ? best : null;
    }

    /** The step whose code starts at or just before an address inside a routine. */
    private static int stepAt(Debugger d, Routine routine, long address) {
        long offset = address - d.kernel.symbolAddress(routine.symbol());
        int pc = 0;
        for (int i = 1; i < routine.steps().size(); i++) {
            if (routine.returnOffset(i - 1) <= offset) {
                pc = i;
            }
        }
        return pc;
    }
}
