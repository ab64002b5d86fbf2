package com.ntprocesslab.session;

import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.kd.KdParser;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.win32.Apis;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The words a console accepts, for completion: the command verbs, the kernel's symbols
 * (nt!PspAllocateProcess ...), the types dt shows, the images and paths of the machine's disk,
 * the APIs .call runs and the modules lm matches. Kept on the server; the page only ever
 * receives the completion.
 */
public final class CommandVocabulary {

    /** The verbs the machine accepts, debugger first (as its "Unknown command" answer lists them). */
    static final List<String> VERBS = List.of("bp", "bu", "bm", "bl", "bc", "bd", "be", "g", "p", "t", "gu", "t-", "p-", "g-", "!tt", ".fork",
            "k", "kb", "kn", "kv", "r", "u", "uf", "x", "lm", "ln", "dq", "dd", "dt", "!process", "!thread", "!handle", "!peb", "!teb",
            "!vad", "!object", "!csrss", "!alpc", "!lpc", "!irql", "!diff", ".process", ".thread", ".reload", "vertarget", "n", ".help", "?", ".cls", ".call", ".reg", ".file", ".fail", ".dump", ".invariants");

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

    /** dt's types starting with the prefix ({@code nt!_EP} -> {@code nt!_EPROCESS}). */
    public static List<String> typesStartingWith(String prefix) {
        return startingWith(KdParser.types().stream(), prefix);
    }

    /** Image names of the disk (notepad.exe ...), as .call names a caller, sorted. */
    public static List<String> imagesStartingWith(String prefix) {
        return startingWith(files().stream().filter(VolumeFile::isImage).map(VolumeFile::name).filter(n -> n.endsWith(".exe")).sorted().distinct(), prefix);
    }

    /** Full paths of the disk's files (C:\Windows\System32\notepad.exe ...), sorted. */
    public static List<String> pathsStartingWith(String prefix) {
        return startingWith(files().stream().map(VolumeFile::path).sorted(), prefix);
    }

    /** The APIs .call runs, in the kernel's order. */
    public static List<String> apisStartingWith(String prefix) {
        return startingWith(Arrays.stream(Apis.callableNames().split(", ")), prefix);
    }

    /** Module names (nt, ntdll, KERNEL32, explorer ...), sorted. */
    public static List<String> modulesStartingWith(String prefix) {
        return startingWith(Symbols.modules().keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER), prefix);
    }

    private static List<VolumeFile> files() {
        return List.copyOf(DefaultVolume.create().files());
    }

    private static List<String> startingWith(Stream<String> words, String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        return words.filter(w -> w.toLowerCase(Locale.ROOT).startsWith(lower)).toList();
    }
}
