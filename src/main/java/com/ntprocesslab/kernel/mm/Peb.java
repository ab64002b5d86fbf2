package com.ntprocesslab.kernel.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * PEB with its PEB_LDR_DATA and RTL_USER_PROCESS_PARAMETERS. Ldr stays null until
 * LdrInitializeThunk runs in the new process (stage 7).
 */
public final class Peb {
    /** PEB.ImageBaseAddress's offset: +0x008 on x86, +0x010 on x64. */
    public static final long IMAGE_BASE_ADDRESS_X86 = 0x8;
    public static final long IMAGE_BASE_ADDRESS_X64 = 0x10;
    /** PEB.ProcessParameters's offset: +0x010 on x86, +0x020 on x64. */
    public static final long PROCESS_PARAMETERS_X86 = 0x10;
    public static final long PROCESS_PARAMETERS_X64 = 0x20;
    /**
     * Where XP's RTL_USER_PROCESS_PARAMETERS lie in a process: the second 64 KB region, above the
     * environment block at 0x10000 (BasePushProcessParameters and RtlCreateUserProcess allocate
     * both with NtAllocateVirtualMemory; the machine does not list them as VADs).
     */
    public static final long XP_PROCESS_PARAMETERS = 0x20000;
    /** RTL_USER_PROCESS_PARAMETERS StandardInput, StandardOutput, StandardError: +0x18/+0x1c/+0x20 on x86. */
    public static final long STANDARD_INPUT_X86 = 0x18;
    public static final long STANDARD_OUTPUT_X86 = 0x1c;
    public static final long STANDARD_ERROR_X86 = 0x20;

    public long address;
    public long imageBaseAddress;
    public boolean beingDebugged;
    /**
     * PEB.ReadImageFileExecOptions (+0x001): when set, this process's CreateProcess with
     * DEBUG_PROCESS or DEBUG_ONLY_THIS_PROCESS still reads the image's IFEO Debugger value (seed
     * 004's CreateProcessW, seed 003). Nothing in the machine sets it; clear by default.
     */
    public boolean readImageFileExecOptions;
    /** BitField bit 0: the image was mapped with large pages (IFEO UseLargePages granted at creation). */
    public boolean imageUsesLargePages;
    public int sessionId;
    public int osMajorVersion = 10;
    public int osMinorVersion = 0;
    public int osBuildNumber = 19045;
    /** PEB.ProcessParameters: the RTL_USER_PROCESS_PARAMETERS' address (XP; 0 where the machine does not model it). */
    public long processParameters;
    /** RTL_USER_PROCESS_PARAMETERS, copied in by the kernel in stage 3. */
    public String imagePathName;
    public String commandLine;
    public String currentDirectory;
    public String desktopInfo;
    public String windowTitle;
    /** The environment block's NAME=value strings; null: the process has none. */
    public List<String> environment;
    /** STARTUPINFO's dwFlags, wShowWindow and std handles as the parameters keep them. */
    public long windowFlags;
    public long showWindowFlags;
    public long standardInput;
    public long standardOutput;
    public long standardError;
    public PebLdrData ldr;
    /**
     * The heap list (XP): MmCreatePeb points ProcessHeaps at the page's rest after the PEB and
     * sizes it (MaximumNumberOfHeaps); LdrpInitializeProcess's RtlCreateHeap makes the process
     * heap, the list's first entry. 0 on the modern machine, which does not model heaps.
     */
    public long processHeap;
    public int numberOfHeaps;
    public int maximumNumberOfHeaps;
    public long processHeaps;
    /** ntdll's CsrPortHandle: the process's client port to csrss once CsrClientConnectToServer has connected (a global of ntdll's data, kept with the process's user-mode state). */
    public long csrPortHandle;

    /** PEB_LDR_DATA: the three module lists the loader maintains. */
    public static final class PebLdrData {
        public boolean initialized;
        /** Set by LdrShutdownProcess while DLL_PROCESS_DETACH notifications run. */
        public boolean shutdownInProgress;
        public final List<LdrEntry> inLoadOrderModuleList = new ArrayList<>();
        public final List<LdrEntry> inMemoryOrderModuleList = new ArrayList<>();
        public final List<LdrEntry> inInitializationOrderModuleList = new ArrayList<>();
    }
}
