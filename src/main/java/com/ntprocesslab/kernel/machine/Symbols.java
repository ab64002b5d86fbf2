package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import com.ntprocesslab.kernel.exec.Step;
import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.io.Volume;
import com.ntprocesslab.kernel.io.VolumeFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The symbol table for x, bp and k: every routine and step symbol with a deterministic
 * address, assembled from the routines each component publishes ({@link RoutinePublisher}).
 * Functions of a module are laid out alphabetically from the module's base.
 */
public final class Symbols {
    private static final Map<String, Long> MODULE_BASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final TreeMap<String, Long> ADDRESSES = new TreeMap<>();
    /** The DLLs whose routines the table lays out, spelled as the debugger spells the modules. */
    private static final List<String> DLL_MODULES = List.of("ntdll", "KERNELBASE", "KERNEL32", "ADVAPI32", "CSRSRV", "BASESRV");
    /**
     * The XP SP3 x86 machine's modules at their XP bases: ntoskrnl at 0x804D7000 (the
     * non-PAE kernel's base); its DLLs and executables where the classic volume places them
     * (ntdll 0x7C900000, kernel32 0x7C800000: seed 003 lists code at 7C8xxxxx).
     */
    private static final Map<String, Long> CLASSIC_MODULE_BASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final TreeMap<String, Long> CLASSIC_ADDRESSES = new TreeMap<>();
    private static final Map<String, Routine> ROUTINES = new TreeMap<>();
    /** Each profile's routine of a name (both kernels have an ntdll!LdrInitializeThunk, each its own). */
    private static final Map<Profile, Map<String, Routine>> ROUTINES_OF = new EnumMap<>(Map.of(
            Profile.MODERN, new TreeMap<>(), Profile.CLASSIC, new TreeMap<>()));
    /** The symbols each kernel has: an XP machine has no KERNELBASE, a Windows 10 one no kernel32!CreateProcessInternalW. */
    private static final Map<Profile, TreeSet<String>> VISIBLE = new EnumMap<>(Map.of(
            Profile.MODERN, new TreeSet<>(), Profile.CLASSIC, new TreeSet<>()));
    /**
     * Second names of the XP machine's functions: ntdll exports its ZwXxx entry points at the
     * address of the NtXxx stub (one system-call stub, two export names; seed 003's IDA listing
     * of KiUserApcDispatcher names it ZwContinue). x, ln, bp and uf take either name; the
     * machine runs, and k shows, the Nt one.
     */
    private static final Map<String, String> CLASSIC_ALIASES = Map.of("ntdll!ZwContinue", "ntdll!NtContinue");
    /**
     * Code labels inside a routine (ntdll!KiFastSystemCallRet, the return after
     * KiFastSystemCall's sysenter): each sits at its offset into its routine, not laid out as a
     * function of its own.
     */
    private static final Map<String, String> LABEL_OWNERS = new TreeMap<>();
    /** Data objects of nt the machine models, with their size in bytes: x lists them, dq and dd show them. */
    private static final TreeMap<String, Integer> DATA = new TreeMap<>();
    /** Where nt's data section starts: above its code, as in seed 000's listing (+0x8ec260 for PspCreateProcessNotifyRoutine). */
    private static final long NT_DATA = 0x8ec000L;
    /** XP's ntoskrnl data lies above its code too. */
    private static final long CLASSIC_NT_DATA = 0x1a0000L;

    static {
        MODULE_BASES.put("nt", 0xfffff80255a00000L);
        readBases(MODULE_BASES, DefaultVolume.create(Profile.MODERN));
        // the Windows 10 volume has no advapi32.dll image; its routines are laid out here all the same
        MODULE_BASES.put("ADVAPI32", 0x00007ff8ce000000L);
        // the shell DLLs of seed 000's explorer stack, near the return addresses its k shows
        MODULE_BASES.put("SHELL32", 0x00007ff8ce100000L);
        MODULE_BASES.put("shcore", 0x00007ff8ceea0000L);
        MODULE_BASES.put("windows_storage", 0x00007ff8cb470000L);
        // the local RPC runtime, the SCM client and the Secondary Logon service DLL, which the volume has no images of either
        MODULE_BASES.put("RPCRT4", 0x00007ff8cec00000L);
        MODULE_BASES.put("sechost", 0x00007ff8cf9a0000L);
        MODULE_BASES.put("seclogon", 0x00007ff8c4e10000L);
        MODULE_BASES.putAll(GuestDrivers.BASES);
        CLASSIC_MODULE_BASES.put("nt", 0x804d7000L);
        readBases(CLASSIC_MODULE_BASES, DefaultVolume.create(Profile.CLASSIC));
        List<Routine> shared = new ArrayList<>();
        List<Routine> modern = new ArrayList<>();
        List<Routine> classic = new ArrayList<>();
        List<String> modernExports = new ArrayList<>();
        List<String> classicExports = new ArrayList<>();
        // every component lists its publisher in META-INF/services; the file's order is the table's
        for (RoutinePublisher component : ServiceLoader.load(RoutinePublisher.class, RoutinePublisher.class.getClassLoader())) {
            shared.addAll(component.shared());
            modern.addAll(component.only(Profile.MODERN));
            classic.addAll(component.only(Profile.CLASSIC));
            modernExports.addAll(component.exportsOnly(Profile.MODERN));
            classicExports.addAll(component.exportsOnly(Profile.CLASSIC));
        }
        // a profile's own routine wins over a shared one of the same name
        modern.addAll(shared);
        classic.addAll(shared);
        // the modern machine's layout comes first, so adding the classic kernel moved none of its addresses
        TreeMap<String, TreeSet<String>> byModule = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        collect(modern, byModule, Profile.MODERN);
        for (String export : modernExports) {
            add(byModule, export);
            VISIBLE.get(Profile.MODERN).add(export);
        }
        TreeMap<String, Long> ends = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        layOut(byModule, ends);
        TreeMap<String, TreeSet<String>> classicOnly = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        collect(classic, classicOnly, Profile.CLASSIC);
        for (TreeSet<String> symbols : classicOnly.values()) {
            symbols.removeIf(ADDRESSES::containsKey);
        }
        layOut(classicOnly, ends);
        VISIBLE.get(Profile.CLASSIC).addAll(classicExports);
        layOutClassic();
        CLASSIC_ALIASES.forEach((alias, symbol) -> {
            CLASSIC_ADDRESSES.put(alias, CLASSIC_ADDRESSES.get(symbol));
            VISIBLE.get(Profile.CLASSIC).add(alias);
            ROUTINES_OF.get(Profile.CLASSIC).put(alias, ROUTINES_OF.get(Profile.CLASSIC).get(symbol));
        });
        layOutData();
    }

    /**
     * The bases of a profile's modules as its volume's images give them (one source of truth):
     * the DLLs the symbol table has routines in, under the debugger's spelling of their names,
     * and every executable under its file name.
     */
    private static void readBases(Map<String, Long> bases, Volume volume) {
        for (String dll : DLL_MODULES) {
            VolumeFile file = volume.find(DefaultVolume.SYSTEM32 + dll + ".dll");
            if (file != null) {
                bases.put(dll, file.image().imageBase());
            }
        }
        for (VolumeFile file : volume.files()) {
            if (file.isImage() && !file.image().dll()) {
                bases.put(file.name().substring(0, file.name().lastIndexOf('.')), file.image().imageBase());
            }
        }
    }

    /** The classic machine's own table: every symbol it has, laid out from its XP module base. */
    private static void layOutClassic() {
        TreeMap<String, TreeSet<String>> byModule = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String symbol : VISIBLE.get(Profile.CLASSIC)) {
            add(byModule, symbol);
        }
        for (Map.Entry<String, TreeSet<String>> module : byModule.entrySet()) {
            long offset = 0x1000L;
            long base = CLASSIC_MODULE_BASES.getOrDefault(module.getKey(), 0x70000000L);
            for (String symbol : module.getValue()) {
                if (LABEL_OWNERS.containsKey(symbol)) {
                    continue;
                }
                CLASSIC_ADDRESSES.put(symbol, base + offset);
                // the XP routine's own code, all of it: a call site's offset (k, ln, u) never
                // reaches into the next symbol
                Routine routine = ROUTINES_OF.get(Profile.CLASSIC).getOrDefault(symbol, ROUTINES.get(symbol));
                if (routine != null) {
                    placeLabels(CLASSIC_ADDRESSES, routine, base + offset);
                }
                offset += routine == null ? 0x40 : (routine.size() + 0x1f) & ~0x1fL;
            }
        }
    }

    /**
     * The executive's globals the machine has: the process list head, the CID table and the
     * callback tables with their counts (64 slots of 8 bytes on x64; Windows XP has 8 and no
     * Ex count, PSP_MAX_CREATE_PROCESS_NOTIFY in WRK).
     */
    private static void layOutData() {
        DATA.put("nt!PsActiveProcessHead", 0x10);
        DATA.put("nt!PsIdleProcess", 8);
        DATA.put("nt!PsInitialSystemProcess", 8);
        DATA.put("nt!PspCidTable", 8);
        DATA.put("nt!PspCreateProcessNotifyRoutine", 64 * 8);
        DATA.put("nt!PspCreateProcessNotifyRoutineCount", 4);
        DATA.put("nt!PspCreateProcessNotifyRoutineExCount", 4);
        DATA.put("nt!PspCreateThreadNotifyRoutine", 64 * 8);
        DATA.put("nt!PspCreateThreadNotifyRoutineCount", 4);
        DATA.put("nt!PspLoadImageNotifyRoutine", 64 * 8);
        DATA.put("nt!PspLoadImageNotifyRoutineCount", 4);
        long address = MODULE_BASES.get("nt") + NT_DATA;
        long classicAddress = CLASSIC_MODULE_BASES.get("nt") + CLASSIC_NT_DATA;
        for (Map.Entry<String, Integer> data : DATA.entrySet()) {
            ADDRESSES.put(data.getKey(), address);
            VISIBLE.get(Profile.MODERN).add(data.getKey());
            address += (data.getValue() + 0xf) & ~0xfL;
            if (!data.getKey().endsWith("ExCount")) {
                CLASSIC_ADDRESSES.put(data.getKey(), classicAddress);
                VISIBLE.get(Profile.CLASSIC).add(data.getKey());
                // x86 globals are dword-aligned and packed: dd from PsActiveProcessHead reads them all
                classicAddress += (dataSize(data.getKey(), Profile.CLASSIC) + 0x3) & ~0x3L;
            }
        }
    }

    /** The name the machine runs {@code symbol} under on {@code profile}: the Nt name of a Zw alias, else the symbol itself. */
    public static String canonical(String symbol, Profile profile) {
        return profile == Profile.CLASSIC ? CLASSIC_ALIASES.getOrDefault(symbol, symbol) : symbol;
    }

    /** Whether {@code symbol} names a data object rather than a function. */
    public static boolean isData(String symbol) {
        return DATA.containsKey(symbol);
    }

    /** The size in bytes of a data symbol on a machine of {@code profile} (XP: 4-byte pointers, 8 callback slots), 0 for a function. */
    public static int dataSize(String symbol, Profile profile) {
        int size = DATA.getOrDefault(symbol, 0);
        return profile == Profile.CLASSIC && size > 4 ? (size == 64 * 8 ? 8 * 4 : size / 2) : size;
    }

    /** The data symbol whose object holds {@code address} on a machine of {@code profile}, or null. */
    public static String dataAt(long address, Profile profile) {
        for (String symbol : DATA.keySet()) {
            long start = address(symbol, profile);
            if (VISIBLE.get(profile).contains(symbol) && address >= start && address < start + dataSize(symbol, profile)) {
                return symbol;
            }
        }
        return null;
    }

    private static void layOut(TreeMap<String, TreeSet<String>> byModule, TreeMap<String, Long> ends) {
        for (Map.Entry<String, TreeSet<String>> module : byModule.entrySet()) {
            long base = MODULE_BASES.getOrDefault(module.getKey(), 0x00007ff8c0000000L);
            long offset = ends.getOrDefault(module.getKey(), 0x1000L);
            for (String symbol : module.getValue()) {
                if (LABEL_OWNERS.containsKey(symbol)) {
                    continue;
                }
                ADDRESSES.put(symbol, base + offset);
                Routine routine = ROUTINES.get(symbol);
                if (routine != null) {
                    placeLabels(ADDRESSES, routine, base + offset);
                }
                offset += routine == null ? 0x80 : (routine.size() + 0x3f) & ~0x3fL;
            }
            ends.put(module.getKey(), offset);
        }
    }

    /** A routine's code labels, at their offsets from the routine's address. */
    private static void placeLabels(Map<String, Long> addresses, Routine routine, long address) {
        routine.codeLabels().forEach((label, offset) -> addresses.put(label, address + offset));
    }

    private static void collect(List<Routine> routines, TreeMap<String, TreeSet<String>> byModule, Profile profile) {
        TreeSet<String> visible = VISIBLE.get(profile);
        for (Routine routine : routines) {
            ROUTINES.putIfAbsent(routine.symbol(), routine);
            ROUTINES_OF.get(profile).putIfAbsent(routine.symbol(), routine);
            add(byModule, routine.symbol());
            visible.add(routine.symbol());
            for (String label : routine.codeLabels().keySet()) {
                LABEL_OWNERS.put(label, routine.symbol());
                add(byModule, label);
                visible.add(label);
            }
            for (Step step : routine.steps()) {
                if (step.symbol() != null) {
                    add(byModule, step.symbol());
                    visible.add(step.symbol());
                }
            }
        }
    }

    private Symbols() {
    }

    private static void add(TreeMap<String, TreeSet<String>> byModule, String symbol) {
        byModule.computeIfAbsent(symbol.substring(0, symbol.indexOf('!')), m -> new TreeSet<>()).add(symbol);
    }

    /** The address of a symbol, or 0 when unknown. */
    public static long address(String symbol) {
        return ADDRESSES.getOrDefault(symbol, 0L);
    }

    /** The address of a symbol on a machine of {@code profile} (an XP machine has its own bases), or 0 when unknown. */
    public static long address(String symbol, Profile profile) {
        return (profile == Profile.CLASSIC ? CLASSIC_ADDRESSES : ADDRESSES).getOrDefault(symbol, 0L);
    }

    /** All symbols of both kernels, sorted, with their addresses. */
    public static Map<String, Long> all() {
        return Collections.unmodifiableMap(ADDRESSES);
    }

    /** The symbols a machine of {@code profile} has, sorted, with their addresses. */
    public static Map<String, Long> all(Profile profile) {
        TreeMap<String, Long> result = new TreeMap<>();
        for (String symbol : VISIBLE.get(profile)) {
            result.put(symbol, address(symbol, profile));
        }
        return result;
    }

    /** Symbols of the modern kernel matching a WinDbg pattern such as {@code nt!*CreateProcess*} (case-insensitive). */
    public static List<String> match(String pattern) {
        return match(pattern, Profile.MODERN);
    }

    /**
     * Symbols of {@code profile}'s kernel matching a WinDbg pattern (case-insensitive), in
     * time linear in the symbols' length for any pattern ({@link WildcardPattern}).
     */
    public static List<String> match(String pattern, Profile profile) {
        WildcardPattern compiled = WildcardPattern.compile(pattern);
        List<String> result = new ArrayList<>();
        for (String symbol : VISIBLE.get(profile)) {
            if (compiled.matches(symbol)) {
                result.add(symbol);
            }
        }
        return result;
    }

    /**
     * The routine with this key (a snapshot names the routines on its stacks so), or null when
     * there is none or the key is ambiguous; every published routine is built by then.
     */
    public static Routine routineByKey(String key) {
        return Routine.built(key);
    }

    public static Routine routine(String symbol) {
        return ROUTINES.get(symbol);
    }

    /** The routine named {@code symbol} on a machine of {@code profile}, or null when it has none. */
    public static Routine routine(String symbol, Profile profile) {
        return ROUTINES_OF.get(profile).get(symbol);
    }

    public static Map<String, Long> modules() {
        return Collections.unmodifiableMap(MODULE_BASES);
    }

    /** The module bases of a machine of {@code profile}. */
    public static Map<String, Long> modules(Profile profile) {
        return Collections.unmodifiableMap(profile == Profile.CLASSIC ? CLASSIC_MODULE_BASES : MODULE_BASES);
    }
}
