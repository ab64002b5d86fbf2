package com.ntprocesslab.kernel.io;

import static com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_FILE_MACHINE_AMD64;
import static com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_FILE_MACHINE_I386;
import static com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_SUBSYSTEM_NATIVE;
import static com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI;
import static com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI;

import com.ntprocesslab.kernel.Profile;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files every machine boots with. Guest programs carry their code as a script of API
 * calls: one call per line, {@code name = Api args}, {@code $name} or {@code $name.field}
 * reusing an earlier result.
 */
public final class DefaultVolume {
    public static final String SYSTEM32 = "C:\\Windows\\System32\\";
    private DefaultVolume() {
    }

    public static Volume create() {
        return TEMPLATE.copy();
    }

    /** The files a machine of {@code profile} boots with: the classic machine's are Windows XP SP3's. */
    public static Volume create(Profile profile) {
        return profile == Profile.CLASSIC ? XP_TEMPLATE.copy() : TEMPLATE.copy();
    }

    /**
     * Where the programs idle: an alertable wait for an event nothing sets, in a loop that waits
     * again after each user APC (WAIT_IO_COMPLETION), as a program's message loop does with
     * MsgWaitForMultipleObjectsEx(MWMO_ALERTABLE). A .call runs there as a user APC.
     */
    private static final List<String> WAIT_FOR_INPUT = List.of(
            "input = CreateEventW",
            "WaitForSingleObjectEx $input INFINITE TRUE");
    /**
     * A multi-threaded program: main starts two worker threads (CreateThread Worker), then
     * waits for input like the others; each worker waits on an event of its own. Terminating
     * the process must end all three, each on its own thread.
     */
    private static final List<String> THREADS = List.of(
            "w1 = CreateThread Worker",
            "w2 = CreateThread Worker",
            "input = CreateEventW",
            "WaitForSingleObjectEx $input INFINITE TRUE",
            ":Worker",
            "work = CreateEventW",
            "WaitForSingleObject $work");
    /** winlogon's part on both systems: log the user on, run userinit as them, then wait. */
    private static final List<String> LOGON = concat(List.of(
            "token = LogonUserW student",
            "userinit = CreateProcessAsUserW $token C:\\Windows\\System32\\userinit.exe",
            "CloseHandle $userinit.hThread",
            "WaitForSingleObject $userinit.hProcess",
            "CloseHandle $userinit.hProcess",
            "CloseHandle $token"), WAIT_FOR_INPUT);
    /** What a GUI program imports: Windows 10's user32 stands on kernel32; XP's programs take advapi32 too. */
    private static final List<String> GUI = List.of("kernel32.dll", "user32.dll");
    private static final List<String> XP_GUI = List.of("kernel32.dll", "advapi32.dll", "user32.dll");
    private static final List<String> KERNEL32_ONLY = List.of("kernel32.dll");

    /**
     * The system DLLs: each system's base, size and imports, null imports where the system has no
     * such DLL (XP has no KernelBase.dll; the Windows 10 volume carries no advapi32.dll image).
     */
    private record Dll(String name, long base, long size, List<String> imports, long xpBase, long xpSize, List<String> xpImports) {
    }

    private static final List<Dll> DLLS = List.of(
            new Dll("ntdll.dll", 0x7ff8cfb80000L, 0x1f5000, List.of(), 0x7c900000L, 0xaf000, List.of()),
            new Dll("KernelBase.dll", 0x7ff8cd7e0000L, 0x2c6000, List.of("ntdll.dll"), 0, 0, null),
            new Dll("kernel32.dll", 0x7ff8ced30000L, 0xbe000, List.of("KernelBase.dll", "ntdll.dll"),
                    0x7c800000L, 0xf6000, List.of("ntdll.dll")),
            new Dll("advapi32.dll", 0, 0, null, 0x77dd0000L, 0x9b000, List.of("kernel32.dll", "ntdll.dll")),
            new Dll("user32.dll", 0x7ff8ce9a0000L, 0x1a0000, List.of("kernel32.dll", "ntdll.dll"),
                    0x7e410000L, 0x91000, List.of("kernel32.dll", "ntdll.dll")),
            new Dll("csrsrv.dll", 0x7ff8cc800000L, 0x19000, List.of("ntdll.dll"), 0x75b40000L, 0xb000, List.of("ntdll.dll")),
            new Dll("basesrv.dll", 0x7ff8cc7d0000L, 0x14000, List.of("csrsrv.dll", "ntdll.dll"),
                    0x75b50000L, 0x11000, List.of("csrsrv.dll", "ntdll.dll")));

    /**
     * A program both systems ship with the same code: its subsystem and imports, where the
     * Windows 10 linker put it (every x64 executable here is 0x40000 long) and where the XP one
     * put it, and how long the XP image is.
     */
    private record Program(String path, int subsystem, List<String> imports, List<String> xpImports, long base, long xpBase,
            long xpSize, List<String> script) {
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program(SYSTEM32 + "csrss.exe", IMAGE_SUBSYSTEM_NATIVE, List.of("ntdll.dll", "csrsrv.dll", "basesrv.dll"),
                    List.of("ntdll.dll", "csrsrv.dll", "basesrv.dll"), 0x7ff6a3d20000L, 0x4a680000L, 0x5000, List.of(
                            "CsrssMain")),
            new Program(SYSTEM32 + "userinit.exe", IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, XP_GUI, 0x7ff6a8270000L, 0x01000000L, 0x9000,
                    List.of(
                            "shell = CreateProcessW C:\\Windows\\explorer.exe",
                            "CloseHandle $shell.hThread",
                            "CloseHandle $shell.hProcess",
                            "ExitProcess 0")),
            new Program("C:\\Windows\\explorer.exe", IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, XP_GUI, 0x7ff6b0380000L, 0x01000000L, 0xff000,
                    WAIT_FOR_INPUT),
            new Program(SYSTEM32 + "notepad.exe", IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, XP_GUI, 0x7ff6b1490000L, 0x01000000L, 0x14000,
                    WAIT_FOR_INPUT),
            new Program(SYSTEM32 + "calc.exe", IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, XP_GUI, 0x7ff6b25a0000L, 0x01000000L, 0x1f000,
                    WAIT_FOR_INPUT),
            new Program(SYSTEM32 + "cmd.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6b36b0000L, 0x4ad00000L, 0x5e000, List.of(
                    "code = CmdRunBatch",
                    "ExitProcess $code")),
            new Program("C:\\Tools\\launcher.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6c0010000L, 0x00400000L, 0x6000, List.of(
                    "child = CreateProcessW C:\\Tools\\worker.exe",
                    "CloseHandle $child.hThread",
                    "WaitForSingleObject $child.hProcess",
                    "code = GetExitCodeProcess $child.hProcess",
                    "CloseHandle $child.hProcess",
                    "ExitProcess $code.ExitCode")),
            new Program("C:\\Tools\\worker.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6c1120000L, 0x00400000L, 0x6000, List.of(
                    "ExitProcess 3")),
            new Program("C:\\Tools\\crasher.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6c2230000L, 0x00400000L, 0x6000, List.of(
                    "WriteNullPointer")),
            new Program("C:\\Tools\\spinner.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6c3340000L, 0x00400000L, 0x6000, List.of(
                    "Spin")),
            new Program("C:\\Tools\\threads.exe", IMAGE_SUBSYSTEM_WINDOWS_CUI, KERNEL32_ONLY, KERNEL32_ONLY, 0x7ff6c4450000L, 0x00400000L, 0x6000,
                    THREADS));

    private static final Volume TEMPLATE = build();
    private static final Volume XP_TEMPLATE = buildXp();

    /** Windows 10 on x64: its DLLs, its boot tree in two sessions, the shared programs and a kernel driver. */
    private static Volume build() {
        Volume v = new Volume();
        for (Dll d : DLLS) {
            if (d.imports() != null) {
                dll(v, SYSTEM32 + d.name(), d.base(), d.size(), d.imports());
            }
        }

        exe(v, SYSTEM32 + "smss.exe", 0x7ff6a2c10000L, IMAGE_SUBSYSTEM_NATIVE, List.of("ntdll.dll"), List.of(
                "csrss0 = RtlCreateUserProcess C:\\Windows\\System32\\csrss.exe HIGH_PRIORITY_CLASS",
                "wininit = RtlCreateUserProcess C:\\Windows\\System32\\wininit.exe HIGH_PRIORITY_CLASS",
                "csrss1 = RtlCreateUserProcess C:\\Windows\\System32\\csrss.exe HIGH_PRIORITY_CLASS SESSION=1",
                "winlogon = RtlCreateUserProcess C:\\Windows\\System32\\winlogon.exe HIGH_PRIORITY_CLASS SESSION=1",
                "NtClose $wininit.hThread",
                "NtClose $winlogon.hThread",
                "NtWaitForSingleObject $csrss0.hProcess"));
        exe(v, SYSTEM32 + "wininit.exe", 0x7ff6a4e30000L, IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, List.of(
                "services = CreateProcessW C:\\Windows\\System32\\services.exe",
                "lsass = CreateProcessW C:\\Windows\\System32\\lsass.exe",
                "CloseHandle $services.hThread",
                "CloseHandle $lsass.hThread",
                "WaitForSingleObject $lsass.hProcess"));
        // services stands in for the SysMain service it starts on Windows 10, which has the store manager create
        // its first store at boot (Windows Internals 7th ed., part 1, ch. 5): that makes Memory Compression; then
        // its thread serves the service control manager's RPC endpoint (StartService of a demand-start service)
        exe(v, SYSTEM32 + "services.exe", 0x7ff6a5f40000L, IMAGE_SUBSYSTEM_WINDOWS_GUI, KERNEL32_ONLY,
                List.of("NtSetSystemInformation SystemStoreInformation", "SvcctrlMain"));
        // the host of the demand-start Secondary Logon service: the SCM starts it as svchost -k netsvcs -p -s seclogon
        exe(v, SYSTEM32 + "svchost.exe", 0x7ff6a9380000L, IMAGE_SUBSYSTEM_WINDOWS_GUI, KERNEL32_ONLY, List.of("SvcEntry_Seclogon"));
        exe(v, SYSTEM32 + "lsass.exe", 0x7ff6a6050000L, IMAGE_SUBSYSTEM_WINDOWS_GUI, KERNEL32_ONLY, WAIT_FOR_INPUT);
        exe(v, SYSTEM32 + "winlogon.exe", 0x7ff6a7160000L, IMAGE_SUBSYSTEM_WINDOWS_GUI, GUI, LOGON);
        for (Program p : PROGRAMS) {
            exe(v, p.path(), p.base(), p.subsystem(), p.imports(), p.script());
        }
        // the desktop shortcut seed 000 opens: a .lnk whose target the shell resolves (ShellLaunch)
        v.add(new VolumeFile("C:\\Users\\student\\Desktop\\Notepad.lnk", null, "C:\\Windows\\System32\\notepad.exe"));
        // a kernel driver: a native DLL mapped into system space (its code is the machine's GuestDrivers)
        v.add(new VolumeFile("C:\\Windows\\System32\\drivers\\procmon.sys", new ImageDescriptor(IMAGE_FILE_MACHINE_AMD64,
                IMAGE_SUBSYSTEM_NATIVE, "10.0", 0xfffff8025b2e0000L, 0x12000, 0x5010, 0, 0, true, List.of("ntoskrnl.exe"), null), null));
        addFiles(v);
        return v;
    }

    /**
     * Windows XP SP3 on x86: i386 images at XP's bases (ntdll 0x7C900000, kernel32 0x7C800000,
     * user32 0x7E410000, advapi32 0x77DD0000, csrsrv 0x75B40000, basesrv 0x75B50000, smss
     * 0x48580000, csrss 0x4A680000, cmd 0x4AD00000; the other executables at the linker's
     * default 0x01000000, or 0x00400000 for the tools), no KernelBase.dll, and XP's boot tree
     * in one session: smss starts csrss and winlogon; winlogon starts services and lsass, then
     * userinit, which starts explorer; services starts svchost. One tool, C:\\Tools\\x64tool.exe, is
     * an AMD64 image the x86 machine cannot run.
     */
    private static Volume buildXp() {
        Volume v = new Volume();
        for (Dll d : DLLS) {
            if (d.xpImports() != null) {
                xpDll(v, SYSTEM32 + d.name(), d.xpBase(), d.xpSize(), d.xpImports());
            }
        }
        List<String> service = List.of("kernel32.dll", "advapi32.dll");
        xpExe(v, SYSTEM32 + "smss.exe", 0x48580000L, 0xf000, IMAGE_SUBSYSTEM_NATIVE, List.of("ntdll.dll"), List.of(
                "csrss = RtlCreateUserProcess C:\\Windows\\System32\\csrss.exe HIGH_PRIORITY_CLASS",
                "winlogon = RtlCreateUserProcess C:\\Windows\\System32\\winlogon.exe HIGH_PRIORITY_CLASS",
                "NtClose $winlogon.hThread",
                "NtWaitForSingleObject $csrss.hProcess"));
        xpExe(v, SYSTEM32 + "winlogon.exe", 0x01000000L, 0x81000, IMAGE_SUBSYSTEM_WINDOWS_GUI, XP_GUI, concat(List.of(
                "services = CreateProcessW C:\\Windows\\System32\\services.exe",
                "lsass = CreateProcessW C:\\Windows\\System32\\lsass.exe",
                "CloseHandle $services.hThread",
                "CloseHandle $lsass.hThread"), LOGON));
        xpExe(v, SYSTEM32 + "services.exe", 0x01000000L, 0x1c000, IMAGE_SUBSYSTEM_WINDOWS_GUI, service, List.of(
                "svchost = CreateProcessW C:\\Windows\\System32\\svchost.exe",
                "CloseHandle $svchost.hThread",
                "input = CreateEventW",
                "WaitForSingleObjectEx $input INFINITE TRUE"));
        xpExe(v, SYSTEM32 + "lsass.exe", 0x01000000L, 0x6000, IMAGE_SUBSYSTEM_WINDOWS_GUI, service, WAIT_FOR_INPUT);
        xpExe(v, SYSTEM32 + "svchost.exe", 0x01000000L, 0x6000, IMAGE_SUBSYSTEM_WINDOWS_GUI, service, WAIT_FOR_INPUT);
        for (Program p : PROGRAMS) {
            xpExe(v, p.path(), p.xpBase(), p.xpSize(), p.subsystem(), p.xpImports(), p.script());
        }
        // a console tool built for x64 (Machine 0x8664, subsystem 5.2, linked at /BASE:0x400000 like the other tools):
        // XP x86's CreateProcess refuses it after NtQuerySection, with a machine-type hard error (seed 003, seed 004)
        v.add(new VolumeFile("C:\\Tools\\x64tool.exe", new ImageDescriptor(IMAGE_FILE_MACHINE_AMD64, IMAGE_SUBSYSTEM_WINDOWS_CUI, "5.2",
                0x00400000L, 0x6000, 0x1b30, 0x100000, 0x1000, false, KERNEL32_ONLY, List.of("ExitProcess 0")), null));
        addFiles(v);
        return v;
    }

    private static List<String> concat(List<String> first, List<String> then) {
        return Stream.concat(first.stream(), then.stream()).toList();
    }

    /** The files that are no image, the same on both systems. */
    private static void addFiles(Volume v) {
        v.add(new VolumeFile("C:\\Tools\\run-worker.cmd", null, "C:\\Tools\\worker.exe"));
        v.add(new VolumeFile("C:\\Users\\student\\readme.txt", null, "Welcome to NT Process Lab."));
    }

    private static void xpDll(Volume v, String path, long base, long size, List<String> imports) {
        v.add(new VolumeFile(path, new ImageDescriptor(IMAGE_FILE_MACHINE_I386, IMAGE_SUBSYSTEM_WINDOWS_CUI, "5.1",
                base, size, 0x1000 + (size / 4 & ~0xfffL), 0, 0, true, imports, null), null));
    }

    private static void xpExe(Volume v, String path, long base, long size, int subsystem, List<String> imports, List<String> script) {
        v.add(new VolumeFile(path, new ImageDescriptor(IMAGE_FILE_MACHINE_I386, subsystem, "5.1",
                base, size, 0x1b30, 0x100000, 0x1000, false, imports, script), null));
    }

    private static void dll(Volume v, String path, long base, long size, List<String> imports) {
        v.add(new VolumeFile(path, new ImageDescriptor(IMAGE_FILE_MACHINE_AMD64, IMAGE_SUBSYSTEM_WINDOWS_CUI, "10.0",
                base, size, 0x1000 + (size / 4 & ~0xfffL), 0, 0, true, imports, null), null));
    }

    private static void exe(Volume v, String path, long base, int subsystem, List<String> imports, List<String> script) {
        v.add(new VolumeFile(path, new ImageDescriptor(IMAGE_FILE_MACHINE_AMD64, subsystem, "10.0",
                base, 0x40000, 0x1b30, 0x100000, 0x1000, false, imports, script), null));
    }
}
