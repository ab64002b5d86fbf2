package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.ps.AllocationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text to {@link Command}: words split on blanks, double quotes group a word. A malformed
 * command yields an error that names the offending word and nothing is executed.
 */
public final class CommandParser {
    /** Either a command or the error explaining why the text is not one. */
    public record Parsed(Command command, String error) {
        static Parsed ok(Command c) {
            return new Parsed(c, null);
        }

        static Parsed error(String e) {
            return new Parsed(null, e);
        }
    }

    private CommandParser() {
    }

    public static Parsed parse(String line) {
        if (line == null || line.isBlank()) {
            return Parsed.error("Empty command. Try !process 0 0, k, bp nt!PspAllocateProcess or .call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe.");
        }
        List<String> words;
        try {
            words = split(line.trim());
        } catch (IllegalArgumentException e) {
            return Parsed.error(e.getMessage());
        }
        String verb = words.get(0);
        List<String> args = words.subList(1, words.size());
        return switch (verb.toLowerCase(Locale.ROOT)) {
            case ".call" -> args.size() < 2
                    ? Parsed.error("Syntax error at '" + line.trim() + "': expected .call <caller> <Api> [args...], e.g. .call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe")
                    : Parsed.ok(new Command.Call(args.get(0), args.get(1), List.copyOf(args.subList(2, args.size()))));
            case ".reg" -> reg(args, line);
            case ".file" -> {
                if (args.size() != 3 || !args.get(0).equalsIgnoreCase("add")) {
                    yield Parsed.error("Syntax error at '" + line.trim() + "': expected .file add <path> <content> (quote words with spaces)");
                }
                yield Parsed.ok(new Command.FileAdd(args.get(1), args.get(2)));
            }
            case ".fail" -> {
                if (args.size() != 1) {
                    yield Parsed.error("Syntax error at '" + line.trim() + "': expected .fail <kind>, one of " + AllocationKind.list());
                }
                AllocationKind kind = AllocationKind.parse(args.get(0));
                yield kind == null ? Parsed.error("Syntax error at '" + args.get(0) + "': unknown allocation kind; use one of " + AllocationKind.list())
                        : Parsed.ok(new Command.Fail(kind));
            }
            case ".dump" -> args.isEmpty() ? Parsed.ok(new Command.Dump()) : Parsed.error("Syntax error at '" + args.get(0) + "': .dump takes no arguments");
            case ".invariants" -> args.isEmpty() ? Parsed.ok(new Command.Invariants()) : Parsed.error("Syntax error at '" + args.get(0) + "': .invariants takes no arguments");
            default -> Parsed.error("Unknown command '" + verb + "'. Debugger: bp bu bm bl bc bd be, g p t gu, t- p- g- !tt .fork, k kb kn kv r u uf, "
                    + "x lm ln dq dd dt, !process !thread !handle !peb !teb !vad !object !csrss !alpc !lpc !irql !diff, .process .thread .reload vertarget n .help ?; machine: .call .reg .file .fail .dump .invariants.");
        };
    }

    private static Parsed reg(List<String> args, String line) {
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("add") && args.size() == 4) {
            return Parsed.ok(new Command.RegAdd(args.get(1), args.get(2), args.get(3)));
        }
        if (!args.isEmpty() && args.get(0).equalsIgnoreCase("delete") && (args.size() == 2 || args.size() == 3)) {
            return Parsed.ok(new Command.RegDelete(args.get(1), args.size() == 3 ? args.get(2) : null));
        }
        return Parsed.error("Syntax error at '" + line.trim() + "': expected .reg add <key> <value> <data> or .reg delete <key> [value] (quote keys with spaces)");
    }

    /** Splits on blanks; "double quotes" make one word (without the quotes). */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Syntax error at '" + line.substring(line.lastIndexOf('"')) + "': unterminated quote");
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}
