package com.ntprocesslab.kernel.kd;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text to {@link KdCommand}. Numbers follow WinDbg: hexadecimal by default, {@code 0x} for
 * hex and {@code 0n} for decimal, a backtick may split a 64-bit address. A line whose verb is
 * not a debugger command yields null, so the machine commands ({@code .call}, {@code .reg} ...)
 * can parse it.
 */
public final class KdParser {
    /** Either a command, an error naming the problem, or neither (not a debugger command). */
    public record Parsed(KdCommand command, String error) {
        static Parsed ok(KdCommand c) {
            return new Parsed(c, null);
        }

        static Parsed error(String e) {
            return new Parsed(null, e);
        }
    }

    static final Set<String> TYPES = Set.of("_EPROCESS", "_ETHREAD", "_KPROCESS", "_KTHREAD", "_PEB", "_TEB",
            "_HANDLE_TABLE", "_OBJECT_HEADER");

    private KdParser() {
    }

    /** The types dt displays, as the console completes them ({@code nt!_EPROCESS} ...), sorted. */
    public static List<String> types() {
        return TYPES.stream().map(t -> "nt!" + t).sorted().toList();
    }

    /** The radix a number without a prefix is read in while one line is parsed (n sets it; 16 by default). */
    private static final ThreadLocal<Integer> RADIX = ThreadLocal.withInitial(() -> 16);

    /** Parses a debugger command in the default radix 16; returns null when the verb is not one. */
    public static Parsed parse(String line) {
        return parse(line, 16);
    }

    /** Parses a debugger command, reading numbers without 0x or 0n in {@code radix}; null when the verb is not one. */
    public static Parsed parse(String line, int radix) {
        RADIX.set(radix);
        try {
            return parseWords(line);
        } finally {
            RADIX.remove();
        }
    }

    /** Compiled once: every command line is split by it. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static Parsed parseWords(String line) {
        List<String> words = List.of(WHITESPACE.split(line.trim()));
        String verb = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        return switch (verb) {
            case "bp", "bu", "bm" -> args.size() == 1 ? Parsed.ok(new KdCommand.SetBreakpoint(verb.charAt(1), args.get(0)))
                    : Parsed.error(syntax(args.isEmpty() ? verb : String.join(" ", args.subList(1, args.size())),
                    verb + " takes one symbol, e.g. " + verb + " nt!MmCreateProcessAddressSpace"));
            case "bl" -> none(args, "bl", new KdCommand.ListBreakpoints());
            case "bc", "bd", "be" -> breakpoints(verb, args);
            case "g" -> none(args, "g", new KdCommand.Go());
            case "t" -> none(args, "t", new KdCommand.StepInto());
            case "p" -> none(args, "p", new KdCommand.StepOver());
            case "gu" -> none(args, "gu", new KdCommand.StepOut());
            case "t-", "p-", "g-" -> none(args, verb, new KdCommand.Reverse(verb.charAt(0)));
            case "!tt" -> travel(args);
            case ".fork" -> none(args, ".fork", new KdCommand.Fork());
            case "k", "kn", "kb", "kv" -> stack(args, verb);
            case "r" -> none(args, "r", new KdCommand.Registers());
            case "u", "uf" -> args.size() > 1 ? Parsed.error(syntax(args.get(1), verb + " takes one symbol or address, e.g. " + verb + " nt!PspAllocateProcess"))
                    : Parsed.ok(new KdCommand.Unassemble(args.isEmpty() ? null : args.get(0), verb.equals("uf")));
            case "dq", "dd" -> displayMemory(verb, args);
            case "vertarget" -> none(args, verb, new KdCommand.VersionTarget());
            case "!irql" -> none(args, verb, new KdCommand.Irql());
            case "!diff" -> none(args, verb, new KdCommand.Diff());
            case ".reload" -> args.stream().allMatch(a -> a.startsWith("/")) ? Parsed.ok(new KdCommand.Reload())
                    : Parsed.error(syntax(args.get(0), ".reload takes options only here (.reload, .reload /f, .reload /user)"));
            case "n" -> radix(args);
            case ".help" -> none(args, verb, new KdCommand.Help());
            case ".cls" -> none(args, verb, new KdCommand.ClearScreen());
            case "?" -> args.isEmpty() ? Parsed.ok(new KdCommand.Help()) : evaluate(args);
            case "x" -> args.size() == 1 && args.get(0).indexOf('!') > 0 ? Parsed.ok(new KdCommand.Examine(args.get(0)))
                    : Parsed.error(syntax(args.isEmpty() ? "x" : args.get(0), "x takes module!pattern, e.g. x nt!*CreateProcess*"));
            case "lm" -> modules(args);
            case "ln" -> args.size() == 1 && args.get(0).indexOf('!') > 0 ? Parsed.ok(new KdCommand.NearSymbol(0, args.get(0)))
                    : oneAddress(args, "ln", a -> new KdCommand.NearSymbol(a, null));
            case "!process" -> process(args);
            case "!thread" -> args.equals(List.of("-1")) ? Parsed.ok(new KdCommand.Thread(null))
                    : optionalAddress(args, "!thread", KdCommand.Thread::new);
            case "!handle" -> handle(args);
            case "!peb", "!teb", "!vad" -> optionalAddress(args, verb, a -> new KdCommand.Block(verb.substring(1), a));
            case "!object" -> oneAddress(args, "!object", KdCommand.ObjectInfo::new);
            case "dt" -> displayType(args);
            case ".process" -> processContext(args);
            case ".thread" -> optionalAddress(args, verb, a -> new KdCommand.Context(false, a));
            case "!csrss" -> none(args, "!csrss", new KdCommand.CsrList());
            case "!alpc" -> port(args, true, "/p", "!alpc /p <port address>, e.g. the ALPC Port !handle shows");
            case "!lpc" -> port(args, false, "port", "!lpc port <port address>, e.g. the Port !handle shows");
            default -> null;
        };
    }

    /** A WinDbg number: hex by default, 0x hex, 0n decimal, backticks ignored; null when malformed. */
    public static Long number(String text) {
        String t = text.replace("`", "").toLowerCase(Locale.ROOT);
        int radix = RADIX.get();
        if (t.startsWith("0x")) {
            // 0x means hexadecimal whatever the default radix ("Numerical Expression Syntax")
            t = t.substring(2);
            radix = 16;
        } else if (t.startsWith("0n")) {
            t = t.substring(2);
            radix = 10;
        }
        final int base = radix;
        if (t.isEmpty() || t.length() > 16 || !t.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(t, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String syntax(String at, String hint) {
        return "Syntax error at '" + at + "': " + hint;
    }

    /** k [FrameCount], as "k (Display Stack Backtrace)": the count in the default radix. */
    private static Parsed stack(List<String> args, String verb) {
        char kind = verb.length() == 1 ? 0 : verb.charAt(1);
        if (args.isEmpty()) {
            return Parsed.ok(new KdCommand.Stack(kind, 0));
        }
        Long count = args.size() == 1 ? number(args.get(0)) : null;
        if (count == null || count < 1 || count > 0xffff) {
            return Parsed.error(syntax(args.get(args.size() == 1 ? 0 : 1), verb + " takes a frame count from 1 to ffff, e.g. " + verb + " 5"));
        }
        return Parsed.ok(new KdCommand.Stack(kind, (int) (long) count));
    }

    private static Parsed none(List<String> args, String verb, KdCommand command) {
        return args.isEmpty() ? Parsed.ok(command) : Parsed.error(syntax(args.get(0), verb + " takes no arguments here"));
    }

    private static Parsed breakpoints(String verb, List<String> args) {
        if (args.isEmpty()) {
            return Parsed.error(syntax(verb, verb + " takes breakpoint numbers (0 2, 1-3) or *"));
        }
        if (args.equals(List.of("*"))) {
            return Parsed.ok(new KdCommand.ChangeBreakpoints(verb.charAt(1), true, List.of()));
        }
        List<Integer> ids = new ArrayList<>();
        for (String word : String.join(" ", args).split("[\\s,]+")) {
            String[] range = word.split("-", -1);
            Long from = range.length <= 2 ? number(range[0]) : null;
            Long to = range.length == 2 ? number(range[1]) : from;
            if (from == null || to == null || to < from || to - from > 0xfff || to > 0xffff) {
                return Parsed.error(syntax(word, verb + " takes breakpoint numbers (0 2, 1-3) or *"));
            }
            for (long id = from; id <= to; id++) {
                ids.add((int) id);
            }
        }
        return Parsed.ok(new KdCommand.ChangeBreakpoints(verb.charAt(1), false, List.copyOf(ids)));
    }

    private static final String TT_USAGE = "!tt takes a position in steps since boot (decimal or 0x hex), a percentage of the "
            + "recorded history (0 to 100, e.g. !tt 50), or present";

    private static Parsed travel(List<String> args) {
        if (args.size() != 1) {
            return Parsed.error(syntax(args.isEmpty() ? "!tt" : args.get(1), TT_USAGE));
        }
        String text = args.get(0);
        if (text.equalsIgnoreCase("present")) {
            return Parsed.ok(new KdCommand.TravelTo(0, false, true));
        }
        boolean percentSign = text.endsWith("%");
        if (percentSign) {
            text = text.substring(0, text.length() - 1);
        }
        Long position = null;
        if (text.matches("\\d{1,18}")) {
            position = Long.parseLong(text);
        } else if (text.toLowerCase(Locale.ROOT).startsWith("0x")) {
            position = number(text);
        }
        if (position == null || position < 0 || (percentSign && position > 100)) {
            return Parsed.error(syntax(args.get(0), TT_USAGE));
        }
        return Parsed.ok(new KdCommand.TravelTo(position, percentSign || position <= 100, false));
    }

    private static Parsed process(List<String> args) {
        if (args.isEmpty()) {
            return Parsed.ok(new KdCommand.Process(null, 0));
        }
        if (args.size() > 3 || args.size() == 3 && number(args.get(0)) != null && number(args.get(0)) != 0) {
            return Parsed.error(syntax(args.get(args.size() - 1), "expected !process [0 | -1 | cid | address] [flags] [image], "
                    + "e.g. !process 0 0 explorer.exe or !process 44 7"));
        }
        if (args.get(0).equals("-1")) {
            Long flags = args.size() >= 2 ? number(args.get(1)) : Long.valueOf(3);
            return flags == null || flags > 0x1f || args.size() > 2 ? Parsed.error(syntax(args.get(args.size() - 1), "expected !process -1 [flags]"))
                    : Parsed.ok(new KdCommand.Process(null, flags.intValue()));
        }
        Long target = number(args.get(0));
        if (target == null) {
            return Parsed.error(syntax(args.get(0), "expected a process id or EPROCESS address (hex)"));
        }
        Long flags = args.size() >= 2 ? number(args.get(1)) : Long.valueOf(target == 0 ? 0 : 7);
        if (flags == null || flags > 0x1f) {
            return Parsed.error(syntax(args.get(1), "flags are a hex number from 0 to 1f (0 = summary, 7 = threads and stacks)"));
        }
        return Parsed.ok(new KdCommand.Process(target, flags.intValue(), args.size() == 3 ? args.get(2) : null));
    }

    private static Parsed modules(List<String> args) {
        if (args.isEmpty()) {
            return Parsed.ok(new KdCommand.ListModules(null));
        }
        if (args.size() == 2 && args.get(0).equalsIgnoreCase("m")) {
            return Parsed.ok(new KdCommand.ListModules(args.get(1)));
        }
        return Parsed.error(syntax(args.get(0), "expected lm or lm m <pattern>, e.g. lm m nt"));
    }

    private static Parsed processContext(List<String> args) {
        boolean translate = false;
        boolean reloadUser = false;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            switch (a.toLowerCase(Locale.ROOT)) {
                case "/p" -> translate = true;
                case "/r" -> reloadUser = true;
                default -> rest.add(a);
            }
        }
        if (rest.size() > 1 || rest.isEmpty() && (translate || reloadUser)) {
            return Parsed.error(syntax(rest.isEmpty() ? ".process" : rest.get(rest.size() - 1), "expected .process [/p] [/r] <EPROCESS address>"));
        }
        if (rest.isEmpty()) {
            return Parsed.ok(new KdCommand.Context(true, null));
        }
        Long address = number(rest.get(0));
        return address == null ? Parsed.error(syntax(rest.get(0), "expected a hex address"))
                : Parsed.ok(new KdCommand.Context(true, address, translate, reloadUser));
    }


    private static Parsed evaluate(List<String> args) {
        Long value = args.size() == 1 ? number(args.get(0)) : null;
        return value == null ? Parsed.error(syntax(args.get(args.size() == 1 ? 0 : 1), "? takes one number, e.g. ? 0n68 or ? 44"))
                : Parsed.ok(new KdCommand.Evaluate(value));
    }

    private static Parsed radix(List<String> args) {
        if (args.isEmpty()) {
            return Parsed.ok(new KdCommand.Radix(null));
        }
        // n's argument is always decimal, whatever the current radix ("n (Set Number Base)")
        String r = args.get(0);
        if (args.size() > 1 || !(r.equals("8") || r.equals("10") || r.equals("16"))) {
            return Parsed.error(syntax(args.get(args.size() > 1 ? 1 : 0), "n takes the radix 8, 10 or 16"));
        }
        return Parsed.ok(new KdCommand.Radix(Integer.parseInt(r)));
    }

    private static Parsed handle(List<String> args) {
        if (args.size() > 3) {
            return Parsed.error(syntax(args.get(3), "expected !handle [handle] [flags] [cid]"));
        }
        Long[] values = new Long[3];
        for (int i = 0; i < args.size(); i++) {
            values[i] = number(args.get(i));
            if (values[i] == null) {
                return Parsed.error(syntax(args.get(i), "expected !handle [handle] [flags] [cid] with hex numbers"));
            }
        }
        if (values[0] != null && values[0] != 0 && values[0] % 4 != 0) {
            return Parsed.error(syntax(args.get(0), "handle values are multiples of 4"));
        }
        return Parsed.ok(new KdCommand.Handle(values[0], values[1] == null ? 3 : values[1], values[2]));
    }

    /** dq nt!PspCreateProcessNotifyRoutine L4, dd nt!PspCreateProcessNotifyRoutineCount L1, dq ffffa08f`0a100000. */
    private static Parsed displayMemory(String verb, List<String> args) {
        int unit = verb.equals("dq") ? 8 : 4;
        if (args.isEmpty() || args.size() > 2) {
            return Parsed.error(syntax(args.isEmpty() ? verb : args.get(2), "expected " + verb + " <symbol or address> [L<count>], e.g. "
                    + verb + " nt!PspCreateProcessNotifyRoutine L4"));
        }
        int count = unit == 8 ? 16 : 32;
        if (args.size() == 2) {
            String length = args.get(1);
            Long n = length.length() > 1 && (length.charAt(0) == 'L' || length.charAt(0) == 'l') ? number(length.substring(1)) : null;
            if (n == null || n < 1 || n > 0x400) {
                return Parsed.error(syntax(length, "expected a count from L1 to L400 (hex), e.g. L4"));
            }
            count = n.intValue();
        }
        String target = args.get(0);
        if (target.indexOf('!') > 0) {
            return Parsed.ok(new KdCommand.DisplayMemory(unit, target, null, count));
        }
        Long address = number(target);
        return address == null ? Parsed.error(syntax(target, "expected a symbol such as nt!PsActiveProcessHead or a hex address"))
                : Parsed.ok(new KdCommand.DisplayMemory(unit, null, address, count));
    }

    private static Parsed displayType(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            return Parsed.error(syntax(args.isEmpty() ? "dt" : args.get(2), "expected dt nt!_EPROCESS <address> (also _ETHREAD, _KPROCESS, _KTHREAD, _PEB, _TEB, _HANDLE_TABLE, _OBJECT_HEADER)"));
        }
        String type = args.get(0);
        String bare = type.regionMatches(true, 0, "nt!", 0, 3) ? type.substring(3) : type;
        if (args.size() == 1 && com.ntprocesslab.kernel.machine.WildcardPattern.hasWildcard(bare)) {
            // dt nt!_EP*: the names of the matching types (TypeView lists them)
            return Parsed.ok(new KdCommand.DisplayType(bare.toUpperCase(Locale.ROOT), null));
        }
        if (!TYPES.contains(bare.toUpperCase(Locale.ROOT))) {
            return Parsed.error("Couldn't resolve error at '" + type + "': dt knows nt!_EPROCESS, _ETHREAD, _KPROCESS, _KTHREAD, _PEB, _TEB, _HANDLE_TABLE and _OBJECT_HEADER");
        }
        if (args.size() == 1) {
            return Parsed.ok(new KdCommand.DisplayType(bare.toUpperCase(Locale.ROOT), null));
        }
        Long address = number(args.get(1));
        return address == null ? Parsed.error(syntax(args.get(1), "expected a hex address"))
                : Parsed.ok(new KdCommand.DisplayType(bare.toUpperCase(Locale.ROOT), address));
    }

    private static Parsed port(List<String> args, boolean alpc, String option, String usage) {
        if (args.isEmpty() || !args.get(0).equalsIgnoreCase(option)) {
            return Parsed.error(syntax(args.isEmpty() ? (alpc ? "!alpc" : "!lpc") : args.get(0), "this machine knows " + usage));
        }
        return oneAddress(args.subList(1, args.size()), (alpc ? "!alpc " : "!lpc ") + option, a -> new KdCommand.PortInfo(alpc, a));
    }

    private static Parsed oneAddress(List<String> args, String verb, java.util.function.LongFunction<KdCommand> make) {
        if (args.size() != 1) {
            return Parsed.error(syntax(args.isEmpty() ? verb : args.get(1), verb + " takes one address"));
        }
        Long address = number(args.get(0));
        return address == null ? Parsed.error(syntax(args.get(0), "expected a hex address")) : Parsed.ok(make.apply(address));
    }

    private static Parsed optionalAddress(List<String> args, String verb, java.util.function.Function<Long, KdCommand> make) {
        if (args.isEmpty()) {
            return Parsed.ok(make.apply(null));
        }
        return oneAddress(args, verb, a -> make.apply(a));
    }
}
