package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.Profile;
import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.CsrSrv;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.StartupParameters;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.ClassicProcessCreation;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ProcessCreation;
import com.ntprocesslab.kernel.ps.ThreadCreation;
import com.ntprocesslab.kernel.se.Privilege;
import com.ntprocesslab.kernel.se.Token;
import java.util.Locale;

/**
 * CreateProcessW and friends (KERNELBASE / KERNEL32): stage 1 (flags, priority, path,
 * parameters), the redirects that restart stage 1 (IFEO Debugger, .bat/.cmd), stage 5
 * (registration with csrss) and stage 6 (resume).
 */
public final class KernelBase {
    private KernelBase() {
    }

    static final Routine NtCreateUserProcessStub = Syscalls.stub(ProcessCreation.NtCreateUserProcess, 2);
    static final Routine NtResumeThreadStub = Syscalls.stub(ThreadCreation.NtResumeThread, 6);

    private static CreateProcessContext ctx(Frame f) {
        return f.args(CreateProcessContext.class);
    }

    /** UNICODE_STRING's 0xFFFE bytes, less the terminating null: 32,766 characters. */
    private static final int MAX_COMMAND_LINE = 32_766;

    private static final long PRIORITY_MASK = 0x40 | 0x4000 | 0x20 | 0x8000 | 0x80 | 0x100;

    static final Routine CsrClientCallServer = CsrApiRequests.csrClientCallServer(Profile.MODERN, 5);

    static final Routine CreateProcessInternalW = Subsystems.win32Routine("KERNELBASE!CreateProcessInternalW").stage(1)
            .label("restart")
            // flag validation: a console cannot be both new and detached
            .inline((k, t, f) -> {
                String failure = validateFlagsAndToken(k, t, ctx(f));
                return failure != null ? jump(failure) : next();
            })
            // the priority class: the lowest one asked for, else NORMAL or the creator's IDLE/BELOW_NORMAL
            .inline((k, t, f) -> {
                selectPriorityClass(t, ctx(f));
                return ctx(f).priorityClass == PriorityClass.REALTIME ? next() : jump("ntPath");
            })
            // only for REALTIME (ReactOS kernel32 proc.c CreateProcessInternalW; seeds 003 and 004): without
            // SeIncreaseBasePriorityPrivilege the class is HIGH
            .step("KERNELBASE!BasepIsRealtimeAllowed", (k, t, f) -> {
                if (!t.process.token.has(Privilege.SeIncreaseBasePriorityPrivilege)) {
                    ctx(f).priorityClass = PriorityClass.HIGH;
                }
                return next();
            })
            .label("ntPath")
            // DOS path to NT path (\??\C:\...), searching System32 for a bare name
            .step("ntdll!RtlDosPathNameToNtPathName_U", (k, t, f) -> resolveArguments(k, t, ctx(f)))
            // DEBUG_PROCESS / DEBUG_ONLY_THIS_PROCESS: the caller becomes the debugger, its debug object goes in
            // NtCreateUserProcess's attribute list, and DEBUG_ONLY_THIS_PROCESS asks for PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT
            .step("KERNELBASE!BasepCreateProcessParameters", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                // PS_CREATE_INFO.InitState.IFEOSkipDebugger: a debugger's own creation of its target
                // runs the target, not the IFEO Debugger again (the XP rule of seed 003/004, carried
                // into the create-info flags NtCreateUserProcess reads; ntdiff Win8 _PS_CREATE_INFO.h)
                c.ifeoSkipDebugger = !Kernel32.queriesImageFileExecutionOptions(t, c);
                if (!DbgUi.debugFlags(c.flags)) {
                    return jump("createProcess");
                }
                c.createFlags |= (c.flags & CreationFlags.DEBUG_ONLY_THIS_PROCESS) != 0 ? ClassicProcessCreation.PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT : 0;
                return next();
            })
            .call(DbgUi.DbgUiConnectToDbg, (k, t, f) -> DbgUi.callConnectToDbg(DbgUi.DbgUiConnectToDbg))
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("failNt");
            })
            .step("ntdll!DbgUiGetThreadDebugObject", DbgUi::DbgUiGetThreadDebugObject)
            .label("createProcess")
            // seed 000: KERNELBASE!CreateProcessInternalW+0xfe3 is the return address of this system call
            .call(NtCreateUserProcessStub)
            .returnAt(0xfe3)
            .stage(0)
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (NtStatus.success(c.status)) {
                    // the image information NtCreateUserProcess returns (PS_ATTRIBUTE_IMAGE_INFO): a native image is no
                    // Win32 program (ReactOS kernel32 client/proc.c CreateProcessInternalW: ERROR_CHILD_NOT_COMPLETE)
                    if (!c.nativeCreation && !windowsSubsystem(createdImage(t, c))) {
                        LastError.set(t, c.call, Win32Error.ERROR_CHILD_NOT_COMPLETE);
                        c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
                        return jump("notWin32");
                    }
                    return jump(c.nativeCreation ? "done" : "csr");
                }
                if ("PsCreateFailExeName".equals(c.createState) && c.ifeoDebugger != null) {
                    return jump("ifeo");
                }
                String lower = c.dosPath.toLowerCase(Locale.ROOT);
                if ("PsCreateFailOnSectionCreate".equals(c.createState) && (lower.endsWith(".cmd") || lower.endsWith(".bat"))
                        && !c.nativeCreation) {
                    return jump("batch");
                }
                return jump("failNt");
            })
            .stage(2)
            .label("ifeo")
            // IFEO Debugger: run the debugger with the original command line, from stage 1
            .step("ntdll!LdrQueryImageFileKeyOption", (k, t, f) -> restartUnderDebugger(ctx(f)))
            .label("batch")
            // a batch file runs as cmd.exe /c <file>, again from stage 1
            .step("KERNELBASE!BasepProcessInvalidImage", (k, t, f) -> restartAsBatch(ctx(f)))
            .stage(5)
            .label("csr")
            .step("KERNELBASE!BasepConstructSxsCreateProcessMessage", (k, t, f) -> next())
            .call(CsrClientCallServer)
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                return NtStatus.success(c.status) ? jump("resume") : jump("csrFailed");
            })
            .stage(6)
            .label("resume")
            .inline((k, t, f) -> (ctx(f).flags & CreationFlags.CREATE_SUSPENDED) != 0 ? jump("done") : next())
            .call(NtResumeThreadStub, (k, t, f) -> StepResult.call(NtResumeThreadStub, NtArgs.of(ctx(f).threadHandle, 0)))
            .label("done")
            .inline((k, t, f) -> returnTrue(k, ctx(f)))
            .stage(0)
            .label("csrFailed")
            // csrss refused the process: terminate it and close our handles
            .call(Ntdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(Ntdll.NtTerminateProcessStub, NtArgs.of(ctx(f).processHandle, ctx(f).status)))
            .step("ntdll!NtClose", (k, t, f) -> {
                ctx(f).closeProcessAndThread(k, t);
                return next();
            })
            .label("failNt")
            .step("KERNELBASE!BaseSetLastNTError", KernelBase::setLastNtError)
            .label("failWin32")
            .inline(KernelBase::returnFalse)
            .label("notWin32")
            // the process exists but its thread never ran (created suspended): terminate it, close our handles
            .call(Ntdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(Ntdll.NtTerminateProcessStub, NtArgs.of(ctx(f).processHandle, ctx(f).status)))
            .step("ntdll!NtClose", (k, t, f) -> {
                ctx(f).closeProcessAndThread(k, t);
                return jump("failWin32");
            })
            .build();

    /** The image of the process NtCreateUserProcess just returned a handle to, or null. */
    private static com.ntprocesslab.kernel.io.ImageDescriptor createdImage(EThread t, CreateProcessContext c) {
        var entry = t.process.objectTable.lookup(c.processHandle);
        return entry != null && entry.object() instanceof com.ntprocesslab.kernel.ps.EProcess p && p.sectionObject != null
                ? p.sectionObject.image : null;
    }

    /** A Windows GUI or console image: what CreateProcess runs (POSIX images are not modelled); an unknown image passes. */
    static boolean windowsSubsystem(com.ntprocesslab.kernel.io.ImageDescriptor image) {
        return image == null || image.subsystem() == com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI
                || image.subsystem() == com.ntprocesslab.kernel.io.ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI;
    }

    /** The creation succeeded: an explicit token is released and the API returns TRUE with PROCESS_INFORMATION. */
    static StepResult returnTrue(Subsystems k, CreateProcessContext c) {
        releaseToken(k, c);
        c.call.processCreated(c.processHandle, c.threadHandle, 1);
        c.call.status = NtStatus.STATUS_SUCCESS;
        return ret(NtStatus.STATUS_SUCCESS);
    }

    /** BaseSetLastNTError: the failed creation's NTSTATUS becomes the caller's last error. */
    static StepResult setLastNtError(Subsystems k, EThread t, Frame f) {
        CreateProcessContext c = ctx(f);
        LastError.BaseSetLastNTError(t, c.call, c.status);
        return next();
    }

    /** The creation failed: an explicit token is released and the API returns FALSE with the failure's status. */
    static StepResult returnFalse(Subsystems k, EThread t, Frame f) {
        CreateProcessContext c = ctx(f);
        releaseToken(k, c);
        c.giveBackFreeLists(k, t);
        c.call.returnValue = 0;
        return ret(c.status == 0 ? NtStatus.STATUS_INVALID_PARAMETER : c.status);
    }

    /** A native creation's priority class: the last *_PRIORITY_CLASS flag given, else NORMAL. */
    static PriorityClass nativePriorityClass(long flags) {
        PriorityClass result = PriorityClass.NORMAL;
        for (PriorityClass pc : PriorityClass.values()) {
            if ((flags & pc.creationFlag) != 0) {
                result = pc;
            }
        }
        return result;
    }

    static void releaseToken(Subsystems k, CreateProcessContext c) {
        if (c.explicitToken != null) {
            Token token = c.explicitToken;
            c.explicitToken = null;
            ObjectManager.ObDereferenceObject(k, token);
        }
    }

    /**
     * dwCreationFlags checks shared by both kernels' CreateProcessInternalW, before any object
     * exists (0x57): a console cannot be both new and detached, nor a 16-bit program's VDM both
     * separate and shared (seed 004, Windows 2000's CreateProcessW; ReactOS
     * dll/win32/kernel32/client/proc.c does the same). Bits it has no use for are ignored, not
     * refused: seed 004 masks none off. Returns the label to fail through, or null; a
     * CreateProcessAsUser token is referenced.
     */
    static String validateFlagsAndToken(Subsystems k, EThread t, CreateProcessContext c) {
        c.markFreeLists(k, t);
        long both = CreationFlags.CREATE_NEW_CONSOLE | CreationFlags.DETACHED_PROCESS;
        long bothVdms = CreationFlags.CREATE_SEPARATE_WOW_VDM | CreationFlags.CREATE_SHARED_WOW_VDM;
        // XP tests the two VDM bits later, after BasepIsRealtimeAllowed (seed 003), in its own step
        boolean vdmsHere = k.profile != com.ntprocesslab.kernel.Profile.CLASSIC;
        if ((c.flags & both) == both || vdmsHere && (c.flags & bothVdms) == bothVdms) {
            LastError.set(t, c.call, Win32Error.ERROR_INVALID_PARAMETER);
            return "failWin32";
        }
        if (c.tokenHandle != 0 && c.explicitToken == null) {
            ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.tokenHandle, ObjectType.Token, 0);
            if (!ref.ok()) {
                c.status = ref.status();
                return "failNt";
            }
            c.explicitToken = (Token) ref.object();
        }
        return null;
    }

    /**
     * The priority class: the lowest one asked for (BasepIsRealtimeAllowed then checks REALTIME).
     * None asked for is normal, unless the creator is idle or below normal: then the child gets
     * the creator's class (Windows Internals 7th ed., part 1, ch. 3, stage 1).
     */
    static void selectPriorityClass(EThread t, CreateProcessContext c) {
        String creator = t.process.priorityClass;
        c.priorityClass = PriorityClass.IDLE.name().equals(creator) ? PriorityClass.IDLE
                : PriorityClass.BELOW_NORMAL.name().equals(creator) ? PriorityClass.BELOW_NORMAL : PriorityClass.NORMAL;
        for (PriorityClass pc : new PriorityClass[] {PriorityClass.IDLE, PriorityClass.BELOW_NORMAL, PriorityClass.NORMAL,
                PriorityClass.ABOVE_NORMAL, PriorityClass.HIGH, PriorityClass.REALTIME}) {
            if ((c.flags & PRIORITY_MASK & pc.creationFlag) != 0) {
                c.priorityClass = pc;
                break;
            }
        }
    }

    /** Seed 000's return offsets: KERNELBASE!CreateProcessW+0x66, KERNEL32!CreateProcessWStub+0x54. */
    static final Routine CreateProcessW = Subsystems.win32Routine("KERNELBASE!CreateProcessW").stage(1)
            .call(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, creation(f.args(ApiCall.class))))
            .returnAt(0x66)
            .stage(0)
            .returnCalleeStatus()
            .build();

    static final Routine CreateProcessWStub = Subsystems.win32Routine("KERNEL32!CreateProcessWStub").stage(1)
            .call(CreateProcessW)
            .returnAt(0x54)
            .stage(0)
            .returnCalleeStatus()
            .build();

    static final Routine CreateProcessInternalA = Subsystems.win32Routine("KERNELBASE!CreateProcessInternalA").stage(1)
            // the ANSI strings become Unicode, then the W path does the work
            .step("ntdll!RtlAnsiStringToUnicodeString", (k, t, f) -> next())
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, creation(f.args(ApiCall.class))))
            .build();

    static final Routine CreateProcessA = Subsystems.win32Routine("KERNEL32!CreateProcessA").stage(1)
            .tailCall(CreateProcessInternalA)
            .build();

    static final Routine CreateProcessAsUserW = Subsystems.win32Routine("KERNELBASE!CreateProcessAsUserW").stage(1)
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, creation(f.args(ApiCall.class))))
            .build();

    /** Native creation from smss (and the kernel for smss itself): no Win32 checks, no csrss. */
    static final Routine RtlCreateUserProcess = Subsystems.win32Routine("ntdll!RtlCreateUserProcess").stage(1)
            .step("ntdll!RtlCreateProcessParametersEx", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.priorityClass = nativePriorityClass(c.flags);
                c.dosPath = resolveImage(k.volume, c.commandLine);
                c.ntPath = c.dosPath == null ? null : "\\??\\" + c.dosPath;
                return c.dosPath == null ? ret(NtStatus.STATUS_OBJECT_NAME_INVALID) : next();
            })
            .call(NtCreateUserProcessStub)
            .stage(0)
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    c.call.status = c.status;
                    c.call.returnValue = c.status;
                    return ret(c.status);
                }
                return (c.flags & CreationFlags.CREATE_SUSPENDED) != 0 ? jump("done") : next();
            })
            .with(CreateProcessContext.resumeUnlessSuspended(6, NtResumeThreadStub))
            .inline((k, t, f) -> {
                ctx(f).reportCreated();
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** Builds the creation context for a CreateProcess* call. */
    public static CreateProcessContext creation(ApiCall call) {
        CreateProcessContext c = new CreateProcessContext(call);
        c.commandLine = call.path;
        c.applicationName = call.applicationName;
        c.startup = call.startup;
        c.inheritObjectTable = call.inherit;
        c.flags = call.flags;
        c.tokenHandle = call.tokenHandle;
        c.sessionOverride = call.session;
        c.parentHandle = call.parentProcess;
        call.creation = c;
        return c;
    }

    public static CreateProcessContext nativeCreation(ApiCall call) {
        CreateProcessContext c = creation(call);
        c.nativeCreation = true;
        return c;
    }

    /**
     * The current directory and the image, before any object exists (CreateProcessInternalW; the
     * rules of Microsoft Learn's CreateProcessW page, the error codes Wine's kernel32 process tests
     * expect): a lpCurrentDirectory that is no directory fails with ERROR_DIRECTORY; an empty
     * lpApplicationName with ERROR_PATH_NOT_FOUND; a NULL one with an empty command line with
     * ERROR_FILE_NOT_FOUND on XP and ERROR_INVALID_PARAMETER from Windows 7 on (test_CommandLine).
     * An image that does not exist fails later, when the kernel opens it.
     */
    static StepResult resolveArguments(Subsystems k, EThread t, CreateProcessContext c) {
        boolean xp = k.profile == Profile.CLASSIC;
        // the command line goes in a UNICODE_STRING: RtlInitUnicodeStringEx refuses more than 32,767
        // characters with the terminating null (Microsoft Learn, CreateProcessW: lpCommandLine), which
        // BaseSetLastNTError reports as ERROR_FILENAME_EXCED_RANGE ("The filename or extension is too long")
        if (!xp && c.commandLine != null && c.commandLine.length() > MAX_COMMAND_LINE) {
            c.status = NtStatus.STATUS_NAME_TOO_LONG;
            return jump("failNt");
        }
        String callerDir = t.process.peb != null && t.process.peb.currentDirectory != null ? t.process.peb.currentDirectory : "C:\\Windows\\System32\\";
        if (c.startup != null && c.startup.currentDirectory != null) {
            String dir = absolute(c.startup.currentDirectory, callerDir);
            if (dir == null || !k.volume.directoryExists(dir)) {
                LastError.set(t, c.call, Win32Error.ERROR_DIRECTORY);
                return jump("failWin32");
            }
            // the full path goes into the creation's own copy, which BasePushProcessParameters hands the child:
            // lpCurrentDirectory and STARTUPINFO are the caller's const input (Microsoft Learn, CreateProcessW)
            if (c.startup == c.call.startup) {
                c.startup = StartupParameters.copyOf(c.startup);
            }
            c.startup.currentDirectory = dir.endsWith("\\") ? dir : dir + "\\";
        }
        String curDir = c.startup != null && c.startup.currentDirectory != null ? c.startup.currentDirectory : callerDir;
        String dos;
        if (c.applicationName != null) {
            if (c.applicationName.isBlank()) {
                LastError.set(t, c.call, Win32Error.ERROR_PATH_NOT_FOUND);
                return jump("failWin32");
            }
            // lpApplicationName is used as given: no search, no default extension
            dos = absolute(c.applicationName.trim(), curDir);
            if (c.commandLine == null) {
                c.commandLine = c.applicationName;
            }
        } else {
            if (c.commandLine == null || c.commandLine.isBlank()) {
                LastError.set(t, c.call, xp ? Win32Error.ERROR_FILE_NOT_FOUND : Win32Error.ERROR_INVALID_PARAMETER);
                return jump("failWin32");
            }
            String imagePath = t.process.peb == null ? null : t.process.peb.imagePathName;
            String imageDir = imagePath == null || imagePath.lastIndexOf('\\') < 0 ? null : imagePath.substring(0, imagePath.lastIndexOf('\\') + 1);
            dos = searchCommandLine(k.volume, c.commandLine, imageDir, curDir);
        }
        if (dos == null) {
            c.status = NtStatus.STATUS_OBJECT_NAME_INVALID;
            return jump("failNt");
        }
        c.dosPath = dos;
        c.ntPath = "\\??\\" + dos;
        return next();
    }

    /** A DOS path made absolute against {@code dir} (".\\" and "..\\" resolved); null when it cannot be. */
    static String absolute(String path, String dir) {
        String p = path.replace('/', '\\');
        if (p.length() >= 3 && Character.isLetter(p.charAt(0)) && p.startsWith(":\\", 1)) {
            return normalize(p);
        }
        if (p.isEmpty() || p.contains(":")) {
            return null;
        }
        if (p.startsWith("\\")) {
            return normalize(dir.substring(0, 2) + p);
        }
        return normalize((dir.endsWith("\\") ? dir : dir + "\\") + p);
    }

    private static String normalize(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        String[] split = path.split("\\\\", -1);
        for (int i = 1; i < split.length; i++) {
            String part = split[i];
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.equals(".") && !(part.isEmpty() && i < split.length - 1)) {
                parts.addLast(part);
            }
        }
        return split[0] + "\\" + String.join("\\", parts);
    }

    /** The image a command line names (the old single-argument form: lpApplicationName NULL). */
    static String resolveImage(com.ntprocesslab.kernel.io.Volume volume, String commandLine) {
        return searchCommandLine(volume, commandLine, null, "C:\\Windows\\System32\\");
    }

    /**
     * lpApplicationName NULL: the image is the command line's first token. A quoted token is
     * taken whole; an unquoted one with spaces is tried a word at a time ("c:\\program files\\sub dir\\
     * program name" tries c:\\program.exe, then c:\\program files\\sub.exe ...: Microsoft Learn,
     * CreateProcessW, lpApplicationName), ".exe" added when there is no extension. A bare name is
     * searched in the directory the caller's image came from, the caller's current directory,
     * System32, the Windows directory, then PATH (C:\\Tools here). When no candidate exists the
     * first one is returned, so the kernel reports it missing.
     */
    static String searchCommandLine(com.ntprocesslab.kernel.io.Volume volume, String commandLine, String imageDir, String curDir) {
        String line = commandLine.trim();
        java.util.List<String> candidates = new java.util.ArrayList<>();
        if (line.startsWith("\"")) {
            int end = line.indexOf('"', 1);
            candidates.add(end < 0 ? line.substring(1) : line.substring(1, end));
        } else {
            int space = line.indexOf(' ');
            while (space > 0) {
                candidates.add(line.substring(0, space));
                space = line.indexOf(' ', space + 1);
            }
            candidates.add(line);
        }
        String first = null;
        for (String candidate : candidates) {
            String[] found = new String[1];
            String path = searchOne(volume, candidate, imageDir, curDir, found);
            if (found[0] != null) {
                return found[0];
            }
            if (first == null) {
                first = path;
            }
            if (path == null) {
                break;
            }
        }
        return first;
    }

    /** One candidate: its found path in {@code found[0]}, and the path to report when it is missing (null: not a valid name). */
    private static String searchOne(com.ntprocesslab.kernel.io.Volume volume, String image, String imageDir, String curDir, String[] found) {
        if (image.isEmpty()) {
            return null;
        }
        String name = image.substring(image.lastIndexOf('\\') + 1);
        if (!name.contains(".")) {
            image = image + ".exe";
        }
        if (image.contains("\\") || image.contains("/") || image.contains(":")) {
            String path = absolute(image, curDir);
            if (path != null && volume.find(path) != null) {
                found[0] = volume.find(path).path();
            }
            return path;
        }
        java.util.List<String> dirs = new java.util.ArrayList<>();
        if (imageDir != null) {
            dirs.add(imageDir);
        }
        dirs.add(curDir.endsWith("\\") ? curDir : curDir + "\\");
        dirs.addAll(java.util.List.of("C:\\Windows\\System32\\", "C:\\Windows\\", "C:\\Tools\\"));
        for (String dir : dirs) {
            VolumeFile file = volume.find(dir + image);
            if (file != null) {
                found[0] = file.path();
                return file.path();
            }
        }
        return "C:\\Windows\\System32\\" + image;
    }

    /**
     * IFEO Debugger: the debugger runs with the original command line, and the restarted
     * creation skips Image File Execution Options (else it would find the debugger again).
     */
    static StepResult restartUnderDebugger(CreateProcessContext c) {
        c.commandLine = c.ifeoDebugger + " " + quoted(c.dosPath);
        c.applicationName = null;
        c.ifeoDebugger = null;
        c.skipImageFileExecutionOptions = true;
        c.restarts++;
        return jump("restart");
    }

    /** A batch file is no image: it runs as cmd.exe /c <file>; after four restarts it gives up (STATUS_INVALID_IMAGE_FORMAT). */
    static StepResult restartAsBatch(CreateProcessContext c) {
        if (c.restarts > 4) {
            c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
            return jump("failNt");
        }
        c.commandLine = "C:\\Windows\\System32\\cmd.exe /c " + quoted(c.dosPath);
        c.applicationName = null;
        c.restarts++;
        return jump("restart");
    }

    static String quoted(String path) {
        return path.contains(" ") ? "\"" + path + "\"" : path;
    }
}
