package com.ntprocesslab.kernel.exec;

import com.ntprocesslab.kernel.csr.CsrSrv;
import com.ntprocesslab.kernel.io.DefaultVolume;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ob.ObServices;
import com.ntprocesslab.kernel.ps.ProcessCreation;
import com.ntprocesslab.kernel.ps.SystemInitialization;
import com.ntprocesslab.kernel.ps.Termination;
import com.ntprocesslab.kernel.ps.ThreadCreation;
import com.ntprocesslab.kernel.ps.ThreadStartup;
import com.ntprocesslab.kernel.win32.GuestPrograms;
import com.ntprocesslab.kernel.win32.KernelBase;
import com.ntprocesslab.kernel.win32.Ntdll;
import com.ntprocesslab.kernel.win32.Win32Api;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The symbol table for x, bp and k: every routine and step symbol with a deterministic
 * address. Functions of a module are laid out alphabetically from the module's base.
 */
public final class Symbols {
    private static final Map<String, Long> MODULE_BASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private static final TreeMap<String, Long> ADDRESSES = new TreeMap<>();
    private static final Map<String, Routine> ROUTINES = new TreeMap<>();

    static {
        MODULE_BASES.put("nt", 0xfffff80255a00000L);
        MODULE_BASES.put("ntdll", 0x00007ff8cfb80000L);
        MODULE_BASES.put("KERNELBASE", 0x00007ff8cd7e0000L);
        MODULE_BASES.put("KERNEL32", 0x00007ff8ced30000L);
        MODULE_BASES.put("ADVAPI32", 0x00007ff8ce000000L);
        MODULE_BASES.put("CSRSRV", 0x00007ff8cc800000L);
        List<Routine> all = new ArrayList<>(List.of(
                KernelBase.CreateProcessWStub, KernelBase.CreateProcessW, KernelBase.CreateProcessInternalW,
                KernelBase.CreateProcessA, KernelBase.CreateProcessInternalA, KernelBase.CreateProcessAsUserW,
                KernelBase.RtlCreateUserProcess, KernelBase.NtCreateUserProcessStub, KernelBase.NtResumeThreadStub,
                KernelBase.CsrClientCallServer,
                ProcessCreation.NtCreateUserProcess, ProcessCreation.PspAllocateProcess, ProcessCreation.PspInsertProcess,
                ThreadCreation.PspAllocateThread, ThreadCreation.PspInsertThread, ThreadCreation.NtResumeThread,
                ThreadCreation.NtSuspendThread, ThreadStartup.KiStartUserThread, ThreadStartup.PspUserThreadStartup,
                Termination.NtTerminateProcess, Termination.NtTerminateThread, Termination.PspTerminateThreadByPointer,
                Termination.PspExitThread, Termination.PspExitProcess,
                ObServices.NtClose, ObServices.NtOpenProcess, ObServices.NtWaitForSingleObject,
                ObServices.NtQueryInformationProcess, ObServices.NtCreateEvent, ObServices.NtCreateToken,
                CsrSrv.CsrCreateProcess, CsrSrv.CsrServerInitialization,
                Ntdll.LdrInitializeThunk, Ntdll.LdrpInitializeProcess, Ntdll.RtlUserThreadStart, Ntdll.BaseThreadInitThunk,
                Ntdll.RtlExitUserThread, Ntdll.RtlExitUserProcess, Ntdll.LdrShutdownProcess, Ntdll.KiUserExceptionDispatcher,
                Ntdll.NtTerminateProcessStub, Ntdll.NtTerminateThreadStub,
                Win32Api.CloseHandle, Win32Api.TerminateProcess, Win32Api.ResumeThread, Win32Api.SuspendThread,
                Win32Api.OpenProcess, Win32Api.WaitForSingleObject, Win32Api.GetExitCodeProcess, Win32Api.CreateEventW,
                Win32Api.LogonUserW, Win32Api.ExitProcess, Win32Api.ExitThread, Win32Api.GetLastError,
                Win32Api.NtCloseNative, Win32Api.NtWaitNative, Win32Api.NtCreateEventNative, Win32Api.RtlCreateUserProcessEntry,
                Win32Api.NtCloseStub, Win32Api.NtOpenProcessStub, Win32Api.NtWaitForSingleObjectStub,
                Win32Api.NtQueryInformationProcessStub, Win32Api.NtCreateEventStub, Win32Api.NtCreateTokenStub,
                Win32Api.NtSuspendThreadStub, GuestPrograms.CmdRunBatch,
                SystemInitialization.Phase1Initialization));
        for (VolumeFile file : DefaultVolume.create().files()) {
            if (file.isImage() && !file.image().dll()) {
                MODULE_BASES.put(file.name().substring(0, file.name().lastIndexOf('.')), file.image().imageBase());
                all.add(GuestPrograms.entryForFile(file));
            }
        }
        TreeMap<String, TreeSet<String>> byModule = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Routine routine : all) {
            ROUTINES.putIfAbsent(routine.symbol(), routine);
            add(byModule, routine.symbol());
            for (Step step : routine.steps()) {
                if (step.symbol() != null) {
                    add(byModule, step.symbol());
                }
            }
        }
        for (Map.Entry<String, TreeSet<String>> module : byModule.entrySet()) {
            long base = MODULE_BASES.getOrDefault(module.getKey(), 0x00007ff8c0000000L);
            long offset = 0x1000;
            for (String symbol : module.getValue()) {
                ADDRESSES.put(symbol, base + offset);
                Routine routine = ROUTINES.get(symbol);
                offset += routine == null ? 0x80 : (routine.size() + 0x3f) & ~0x3fL;
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

    /** All symbols, sorted, with their addresses. */
    public static Map<String, Long> all() {
        return Collections.unmodifiableMap(ADDRESSES);
    }

    /** Symbols matching a WinDbg pattern such as {@code nt!*CreateProcess*} (case-insensitive). */
    public static List<String> match(String pattern) {
        // quote everything but the wildcards: symbols such as CInvokeCreateProcessVerb::Launch hold regex characters
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("((?<=[*?])|(?=[*?]))")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        List<String> result = new ArrayList<>();
        for (String symbol : ADDRESSES.keySet()) {
            if (compiled.matcher(symbol).matches()) {
                result.add(symbol);
            }
        }
        return result;
    }

    public static Routine routine(String symbol) {
        return ROUTINES.get(symbol);
    }

    public static Map<String, Long> modules() {
        return Collections.unmodifiableMap(MODULE_BASES);
    }
}
