package com.ntprocesslab.session;

import com.ntprocesslab.kernel.machine.Symbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The words a console accepts, for completion: the command verbs and the kernel's symbols
 * (nt!PspAllocateProcess ...). Kept on the server; the page only ever receives the completion.
 */
public final class CommandVocabulary {

    /** The verbs the machine accepts, debugger first (as its "Unknown command" answer lists them). */
    static final List<String> VERBS = List.of("bp", "bu", "bm", "bl", "bc", "bd", "be", "g", "p", "t", "gu", "t-", "p-", "g-", "!tt",
            "k", "x", "lm", "ln", "!process", "!thread", "!handle", "!peb", "!teb", "!vad", "!object", "dt", "dq", "dd", "!csrss",
            ".process", ".thread", ".call", ".reg", ".file", ".fail", ".dump", ".invariants");

    private CommandVocabulary() {
    }

    public static List<String> verbs() {
        return VERBS;
    }

    /** Verbs starting with the prefix (case-insensitive), in the order above. */
    public static List<String> verbsStartingWith(String prefix) {
        return startingWith(VERBS.stream(), prefix);
    }

    /** Symbols starting with the prefix (case-insensitive), sorted. */
    public static List<String> symbolsStartingWith(String prefix) {
        return startingWith(Symbols.all().keySet().stream(), prefix);
    }

    private static List<String> startingWith(Stream<String> words, String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        return words.filter(w -> w.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
    }
}
