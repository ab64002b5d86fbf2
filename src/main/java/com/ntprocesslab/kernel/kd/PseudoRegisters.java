package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automatic pseudo-registers of the current context, written where an address goes:
 * {@code $proc} the EPROCESS, {@code $thread} the ETHREAD, {@code $peb} and {@code $teb} the
 * user-mode blocks of the current process and thread ("Pseudo-Register Syntax",
 * learn.microsoft.com/windows-hardware/drivers/debuggercmds/pseudo-register-syntax). The
 * debugger evaluates them before the command reads its arguments, so they are replaced by
 * their values (0x-prefixed, which reads the same in any radix) before parsing.
 */
final class PseudoRegisters {
    private static final Pattern REGISTER = Pattern.compile("@?\\$(proc|thread|peb|teb)\\b", Pattern.CASE_INSENSITIVE);

    private PseudoRegisters() {
    }

    /** The line with each pseudo-register replaced, or an error when the context has no such value. */
    record Expanded(String line, String error) {
    }

    static Expanded expand(Debugger d, String line) {
        // a .call's arguments are the program's strings, not debugger expressions
        if (line.indexOf('$') < 0 || line.stripLeading().regionMatches(true, 0, ".call", 0, 5)) {
            return new Expanded(line, null);
        }
        Matcher m = REGISTER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Long value = value(d, m.group(1).toLowerCase(Locale.ROOT));
            if (value == null) {
                return new Expanded(line, "Couldn't resolve error at '" + m.group() + "': the current context has no "
                        + m.group(1).toLowerCase(Locale.ROOT) + " (stop at a breakpoint, or set one with .process or .thread)");
            }
            m.appendReplacement(out, "0x" + Long.toHexString(value));
        }
        m.appendTail(out);
        return new Expanded(out.toString(), null);
    }

    private static Long value(Debugger d, String name) {
        EProcess p = d.contextProcess();
        EThread t = d.contextThread();
        return switch (name) {
            case "proc" -> p == null ? null : p.address;
            case "thread" -> t == null ? null : t.address;
            case "peb" -> p == null || p.peb == null ? null : p.peb.address;
            default -> t == null || t.teb == null ? null : t.teb.address;
        };
    }
}
