package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.Step;
import com.ntprocesslab.kernel.csr.CsrSrv;
import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ob.ObServices;
import com.ntprocesslab.kernel.io.ImageFileServices;
import com.ntprocesslab.kernel.ps.ClassicProcessCreation;
import com.ntprocesslab.kernel.ps.ClassicThreadCreation;
import com.ntprocesslab.kernel.ps.ClassicThreadStartup;
import com.ntprocesslab.kernel.ps.ProcessCreation;
import com.ntprocesslab.kernel.ps.ProcessInformation;
import com.ntprocesslab.kernel.machine.SystemInitialization;
import com.ntprocesslab.kernel.ps.Termination;
import com.ntprocesslab.kernel.ps.ThreadCreation;
import com.ntprocesslab.kernel.ps.ThreadStartup;
import com.ntprocesslab.kernel.win32.ClassicNtdll;
import com.ntprocesslab.kernel.win32.GuestPrograms;
import com.ntprocesslab.kernel.win32.Kernel32;
import com.ntprocesslab.kernel.win32.Kernel32Api;
import com.ntprocesslab.kernel.win32.KernelBase;
import com.ntprocesslab.kernel.win32.Ntdll;
import com.ntprocesslab.kernel.win32.Win32Api;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The symbol table for x, bp and k: every routine and step symbol with a deterministic
 * address. Functions of a module are laid out alphabetically from the module's base.
 */
public final class Symbols {
    private static final Map<String, Long> MODULE_BASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final TreeMap<String, Long> ADDRESSES = new TreeMap<>();
    private static final Map<String, Routine> ROUTINES = new TreeMap<>();
    /** The symbols each kernel has: an XP machine has no KERNELBASE, a Windows 10 one no kernel32!CreateProcessInternalW. */
    private static final Map<Profile, TreeSet<String>> VISIBLE = new EnumMap<>(Map.of(
            Profile.MODERN, new TreeSet<>(), Profile.CLASSIC, new TreeSet<>()));

    static {
        MODULE_BASES.put("nt", 0xfffff80255a00000L);
        MODULE_BASES.put("ntdll", 0x00007ff8cfb80000L);
        MODULE_BASES.put("KERNELBASE", 0x00007ff8cd7e0000L);
        MODULE_BASES.put("KERNEL32", 0x00007ff8ced30000L);
        MODULE_BASES.put("ADVAPI32", 0x00007ff8ce000000L);
        MODULE_BASES.put("CSRSRV", 0x00007ff8cc800000L);
        List<Routine> shared = List.of(
                ThreadCreation.NtSuspendThread,
                Termination.NtTerminateProcess, Termination.NtTerminateThread, Termination.PspTerminateThreadByPointer,
                Termination.PspExitThread, Termination.PspExitProcess,
                ObServices.NtClose, ObServices.NtOpenProcess, ObServices.NtWaitForSingleObject,
                ObServices.NtQueryInformationProcess, ObServices.NtCreateEvent, ObServices.NtCreateToken,
                CsrSrv.CsrServerInitialization,
                Ntdll.RtlExitUserThread, Ntdll.RtlExitUserProcess, Ntdll.LdrShutdownProcess,
                Ntdll.NtTerminateProcessStub, Ntdll.NtTerminateThreadStub,
                Win32Api.LogonUserW, Win32Api.NtCloseNative, Win32Api.NtWaitNative, Win32Api.NtCreateEventNative,
                Win32Api.NtCloseStub, Win32Api.NtWaitForSingleObjectStub, Win32Api.NtCreateEventStub, Win32Api.NtCreateTokenStub,
                GuestPrograms.CmdRunBatch);
        List<Routine> modern = new ArrayList<>(List.of(
                KernelBase.CreateProcessWStub, KernelBase.CreateProcessW, KernelBase.CreateProcessInternalW,
                KernelBase.CreateProcessA, KernelBase.CreateProcessInternalA, KernelBase.CreateProcessAsUserW,
                KernelBase.RtlCreateUserProcess, KernelBase.NtCreateUserProcessStub, KernelBase.CsrClientCallServer,
                ProcessCreation.NtCreateUserProcess, ProcessCreation.PspAllocateProcess, ProcessCreation.PspInsertProcess,
                ThreadCreation.PspAllocateThread, ThreadCreation.PspInsertThread,
                ThreadStartup.KiStartUserThread, ThreadStartup.PspUserThreadStartup, CsrSrv.CsrCreateProcess,
                Ntdll.LdrInitializeThunk, Ntdll.LdrpInitializeProcess, Ntdll.RtlUserThreadStart, Ntdll.BaseThreadInitThunk,
                Win32Api.RtlCreateUserProcessEntry, SystemInitialization.Phase1Initialization,
                ThreadCreation.NtResumeThread, KernelBase.NtResumeThreadStub,
                Win32Api.CloseHandle, Win32Api.TerminateProcess, Win32Api.ResumeThread, Win32Api.SuspendThread,
                Win32Api.OpenProcess, Win32Api.WaitForSingleObject, Win32Api.GetExitCodeProcess, Win32Api.CreateEventW,
                Win32Api.ExitProcess, Win32Api.ExitThread, Win32Api.GetLastError, Ntdll.KiUserExceptionDispatcher,
                Win32Api.NtOpenProcessStub, Win32Api.NtQueryInformationProcessStub, Win32Api.NtSuspendThreadStub));
        List<Routine> classic = new ArrayList<>(List.of(
                SystemInitialization.Phase1InitializationClassic,
                Kernel32.CreateProcessW, Kernel32.CreateProcessInternalW, Kernel32.CreateProcessA, Kernel32.CreateProcessInternalA,
                Kernel32.CreateProcessAsUserW, Kernel32.BaseProcessStartThunk, Kernel32.BaseProcessStart,
                ClassicNtdll.NtOpenFileStub, ClassicNtdll.NtCreateSectionStub, ClassicNtdll.NtQuerySectionStub,
                ClassicNtdll.NtCreateProcessExStub, ClassicNtdll.NtSetInformationProcessStub, ClassicNtdll.NtCreateThreadStub,
                ClassicNtdll.NtResumeThreadStub, ClassicNtdll.NtTerminateProcessStub, ClassicNtdll.CsrClientCallServer,
                ClassicNtdll.RtlCreateUserThread, ClassicNtdll.RtlCreateUserProcess, ClassicNtdll.SmpExecuteImage,
                ClassicNtdll.LdrInitializeThunk, ClassicNtdll.KiUserApcDispatcher,
                ImageFileServices.NtOpenFile, ImageFileServices.NtCreateSection, ImageFileServices.NtQuerySection,
                ClassicProcessCreation.NtCreateProcessEx, ClassicProcessCreation.PspCreateProcess,
                ClassicProcessCreation.PspInitializeProcessSecurity, ClassicProcessCreation.MmInitializeProcessAddressSpace,
                ClassicThreadCreation.NtCreateThread, ClassicThreadCreation.PspCreateThread,
                ClassicThreadStartup.KiThreadStartup, ProcessInformation.NtSetInformationProcess,
                CsrSrv.CsrCreateProcessClassic, ThreadCreation.NtResumeThreadClassic, ThreadStartup.PspUserThreadStartupClassic,
                Ntdll.LdrpInitializeProcessClassic,
                Kernel32Api.CloseHandle, Kernel32Api.TerminateProcess, Kernel32Api.ResumeThread, Kernel32Api.SuspendThread,
                Kernel32Api.OpenProcess, Kernel32Api.WaitForSingleObject, Kernel32Api.GetExitCodeProcess, Kernel32Api.CreateEventW,
                Kernel32Api.GetLastError, Kernel32Api.ExitProcess, Kernel32Api.ExitThread,
                Kernel32Api.NtCloseStub, Kernel32Api.NtOpenProcessStub, Kernel32Api.NtWaitForSingleObjectStub,
                Kernel32Api.NtQueryInformationProcessStub, Kernel32Api.NtCreateEventStub, Kernel32Api.NtSuspendThreadStub,
                Kernel32Api.NtTerminateThreadStub, Kernel32Api.KiUserExceptionDispatcher));
        modern.addAll(shared);
        classic.addAll(shared);
        for (VolumeFile file : DefaultVolume.create().files()) {
            if (file.isImage() && !file.image().dll()) {
                MODULE_BASES.put(file.name().substring(0, file.name().lastIndexOf('.')), file.image().imageBase());
                modern.add(GuestPrograms.entryForFile(file, Profile.MODERN));
                classic.add(GuestPrograms.entryForFile(file, Profile.CLASSIC));
            }
        }
        // the modern machine's layout comes first, so adding the classic kernel moved none of its addresses
        TreeMap<String, TreeSet<String>> byModule = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        collect(modern, byModule, VISIBLE.get(Profile.MODERN));
        TreeMap<String, Long> ends = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        layOut(byModule, ends);
        TreeMap<String, TreeSet<String>> classicOnly = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        collect(classic, classicOnly, VISIBLE.get(Profile.CLASSIC));
        for (TreeSet<String> symbols : classicOnly.values()) {
            symbols.removeIf(ADDRESSES::containsKey);
        }
        layOut(classicOnly, ends);
    }

    private static void layOut(TreeMap<String, TreeSet<String>> byModule, TreeMap<String, Long> ends) {
        for (Map.Entry<String, TreeSet<String>> module : byModule.entrySet()) {
            long base = MODULE_BASES.getOrDefault(module.getKey(), 0x00007ff8c0000000L);
            long offset = ends.getOrDefault(module.getKey(), 0x1000L);
            for (String symbol : module.getValue()) {
                ADDRESSES.put(symbol, base + offset);
                Routine routine = ROUTINES.get(symbol);
                offset += routine == null ? 0x80 : (routine.size() + 0x3f) & ~0x3fL;
            }
            ends.put(module.getKey(), offset);
        }
    }

    private static void collect(List<Routine> routines, TreeMap<String, TreeSet<String>> byModule, TreeSet<String> visible) {
        for (Routine routine : routines) {
            ROUTINES.putIfAbsent(routine.symbol(), routine);
            add(byModule, routine.symbol());
            visible.add(routine.symbol());
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

    /** All symbols of both kernels, sorted, with their addresses. */
    public static Map<String, Long> all() {
        return Collections.unmodifiableMap(ADDRESSES);
    }

    /** The symbols a machine of {@code profile} has, sorted, with their addresses. */
    public static Map<String, Long> all(Profile profile) {
        TreeMap<String, Long> result = new TreeMap<>();
        for (String symbol : VISIBLE.get(profile)) {
            result.put(symbol, ADDRESSES.get(symbol));
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

    public static Map<String, Long> modules() {
        return Collections.unmodifiableMap(MODULE_BASES);
    }
}
