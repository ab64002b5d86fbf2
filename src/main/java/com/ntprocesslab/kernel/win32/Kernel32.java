package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;

import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ProcessInformation;
import java.util.Locale;

/**
 * Windows XP's kernel32 CreateProcessW (there is no KERNELBASE): user mode drives the whole
 * creation with separate system calls, in six phases. 1: open the image (NtOpenFile,
 * NtCreateSection, NtQuerySection, IFEO, image checks); 2: NtCreateProcessEx, then priority
 * class, hard-error mode and parameters; 3: stack, context, NtCreateThread; 4: csrss;
 * 5: NtResumeThread (phases 5 and 6 continue in the new thread). One cleanup path
 * terminates and closes whatever the call created.
 */
public final class Kernel32 {
    private Kernel32() {
    }

    private static CreateProcessContext ctx(Frame f) {
        return f.args(CreateProcessContext.class);
    }

    public static final Routine CreateProcessInternalW = Subsystems.win32Routine("kernel32!CreateProcessInternalW").stage(1)
            .label("restart")
            .inline((k, t, f) -> {
                String failure = KernelBase.validateFlagsAndToken(k, t, ctx(f));
                return failure != null ? jump(failure) : next();
            })
            .step("kernel32!BasepIsRealtimeAllowed", (k, t, f) -> {
                KernelBase.selectPriorityClass(t, ctx(f));
                return next();
            })
            .step("ntdll!RtlDosPathNameToNtPathName_U", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.dosPath = KernelBase.resolveImage(k.volume, c.commandLine);
                if (c.dosPath == null) {
                    c.status = NtStatus.STATUS_OBJECT_NAME_INVALID;
                    return jump("failNt");
                }
                c.ntPath = "\\??\\" + c.dosPath;
                return next();
            })
            .call(ClassicNtdll.NtOpenFileStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("failNt");
            })
            .call(ClassicNtdll.NtCreateSectionStub)
            // the file handle is closed at once: the section keeps the file
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                ClassicNtdll.close(k, t, c.fileHandle);
                c.fileHandle = 0;
                if (NtStatus.success(c.status)) {
                    return next();
                }
                String lower = c.dosPath.toLowerCase(Locale.ROOT);
                boolean batch = c.status == NtStatus.STATUS_INVALID_IMAGE_NOT_MZ && (lower.endsWith(".cmd") || lower.endsWith(".bat"));
                return jump(batch ? "batch" : "failNt");
            })
            // opens the image's Image File Execution Options key, if there is one
            .step("kernel32!BasepIsProcessAllowed", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.ifeoKeyPresent = k.registry.openKey(Registry.IFEO + "\\" + c.imageName()) != null;
                return next();
            })
            .call(ClassicNtdll.NtQuerySectionStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("closeSection");
            })
            // IFEO Debugger: run the debugger with the original command line, from phase 1 again
            .step("ntdll!LdrQueryImageFileExecutionOptions", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                String debugger = c.ifeoKeyPresent && !c.skipImageFileExecutionOptions
                        ? k.registry.imageFileExecutionOption(c.imageName(), "Debugger") : null;
                if (debugger != null && !debugger.isBlank()) {
                    c.ifeoDebugger = debugger;
                    return jump("ifeo");
                }
                return next();
            })
            // only a Windows GUI or console image of a supported machine and subsystem version
            .step("kernel32!BasepIsImageVersionOk", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (!imageAcceptable(c.imageInformation)) {
                    c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
                    return jump("closeSection");
                }
                return next();
            })
            .stage(2)
            .call(ClassicNtdll.NtCreateProcessExStub, (k, t, f) -> {
                ClassicNtdll.prepareProcessCall(ctx(f));
                return StepResult.call(ClassicNtdll.NtCreateProcessExStub, f.args);
            })
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("closeSection");
            })
            .call(ClassicNtdll.NtSetInformationProcessStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ctx(f).processHandle, ProcessInformation.ProcessPriorityClass);
                a.information = ProcessInformation.priorityClassCode(ctx(f).priorityClass);
                return StepResult.call(ClassicNtdll.NtSetInformationProcessStub, a);
            })
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("cleanup");
            })
            // CREATE_DEFAULT_ERROR_MODE gives the default mode; otherwise the caller's own mode
            .call(ClassicNtdll.NtSetInformationProcessStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ctx(f).processHandle, ProcessInformation.ProcessDefaultHardErrorMode);
                a.information = (ctx(f).flags & CreationFlags.CREATE_DEFAULT_ERROR_MODE) != 0 ? 1 : t.process.defaultHardErrorProcessing;
                return StepResult.call(ClassicNtdll.NtSetInformationProcessStub, a);
            })
            // RTL_USER_PROCESS_PARAMETERS are written into the new process
            .step("kernel32!BasePushProcessParameters", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    return jump("cleanup");
                }
                ClassicNtdll.pushParameters(ClassicNtdll.processOf(t, c.processHandle), c);
                return next();
            })
            .stage(3)
            // the initial thread's stack, reserved in the new process from the image's SizeOfStackReserve
            .step("kernel32!BaseCreateStack", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                EProcess p = ClassicNtdll.processOf(t, c.processHandle);
                long limit = MemoryManager.reserveStack(k, p, c.imageInformation.sizeOfStackReserve());
                if (limit == 0) {
                    c.status = NtStatus.STATUS_NO_MEMORY;
                    return jump("cleanup");
                }
                c.stackLimit = limit;
                c.stackBase = limit + Math.max(c.imageInformation.sizeOfStackReserve(), 0x100000L);
                return next();
            })
            // the user-mode context: Eip = BaseProcessStartThunk, Eax = the image entry point
            .step("kernel32!BaseInitializeContext", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.contextStartAddress = k.symbolAddress("kernel32!BaseProcessStartThunk");
                c.contextEntryPoint = c.imageInformation.imageBase() + c.imageInformation.addressOfEntryPoint();
                c.createSuspended = true;
                c.desiredAccess = AccessMask.THREAD_ALL_ACCESS_XP;
                return next();
            })
            .call(ClassicNtdll.NtCreateThreadStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("cleanup");
            })
            .stage(4)
            .call(ClassicNtdll.CsrClientCallServer)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("cleanup");
            })
            .stage(5)
            .inline((k, t, f) -> (ctx(f).flags & CreationFlags.CREATE_SUSPENDED) != 0 ? jump("done") : next())
            .call(ClassicNtdll.NtResumeThreadStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtResumeThreadStub, NtArgs.of(ctx(f).threadHandle, 0)))
            .stage(0)
            .label("done")
            // the section handle is closed last: the process holds the section now
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return KernelBase.returnTrue(k, c);
            })
            .stage(1)
            .label("ifeo")
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                c.commandLine = c.ifeoDebugger + " " + KernelBase.quoted(c.dosPath);
                c.ifeoDebugger = null;
                c.skipImageFileExecutionOptions = true;
                c.restarts++;
                return jump("restart");
            })
            .label("batch")
            // a batch file is no image: it runs as cmd.exe /c <file>, again from phase 1
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (c.restarts > 4) {
                    c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
                    return jump("failNt");
                }
                c.commandLine = "C:\\Windows\\System32\\cmd.exe /c " + KernelBase.quoted(c.dosPath);
                c.restarts++;
                return jump("restart");
            })
            .stage(0)
            .label("cleanup")
            // the process exists: terminate it, then close the caller's handles (the last ones delete it)
            .call(ClassicNtdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtTerminateProcessStub,
                    NtArgs.of(ctx(f).processHandle, ctx(f).status)))
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.threadHandle);
                ClassicNtdll.close(k, t, c.processHandle);
                c.threadHandle = 0;
                c.processHandle = 0;
                c.call.processId = 0;
                c.call.threadId = 0;
                return next();
            })
            .label("closeSection")
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return next();
            })
            .label("failNt")
            .step("kernel32!BaseSetLastNTError", KernelBase::setLastNtError)
            .label("failWin32")
            .inline(KernelBase::returnFalse)
            .build();

    /** BasepIsImageVersionOk and the machine check before it: what CreateProcessW accepts. */
    static boolean imageAcceptable(ImageDescriptor image) {
        boolean windows = image.subsystem() == ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI
                || image.subsystem() == ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI;
        // the image's Machine against SharedUserData's ImageNumberLow/High (0x7FFE002C/E): 0x14c on x86 XP
        boolean machine = image.machine() == ImageDescriptor.IMAGE_FILE_MACHINE_I386;
        String version = image.subsystemVersion();
        int major = Integer.parseInt(version.substring(0, version.indexOf('.') < 0 ? version.length() : version.indexOf('.')));
        return windows && machine && major >= 3;
    }


    public static final Routine CreateProcessW = Subsystems.win32Routine("kernel32!CreateProcessW").stage(1)
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    public static final Routine CreateProcessInternalA = Subsystems.win32Routine("kernel32!CreateProcessInternalA").stage(1)
            // the ANSI strings become Unicode, then the W path does the work
            .step("ntdll!RtlAnsiStringToUnicodeString", (k, t, f) -> next())
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    public static final Routine CreateProcessA = Subsystems.win32Routine("kernel32!CreateProcessA").stage(1)
            .tailCall(CreateProcessInternalA)
            .build();

    /** XP's CreateProcessAsUserW lives in advapi32 and passes the token to kernel32. */
    public static final Routine CreateProcessAsUserW = Subsystems.win32Routine("advapi32!CreateProcessAsUserW").stage(1)
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    /** Where NtContinue lands a Win32 process's first thread: the start routine, then ExitThread. */
    public static final Routine BaseProcessStart = Subsystems.win32Routine("kernel32!BaseProcessStart").stage(6)
            .inline((k, t, f) -> StepResult.call(GuestPrograms.entryFor(t.process, k.profile), new GuestLocals()))
            .stage(0)
            .call(Kernel32Api.ExitThread, (k, t, f) -> StepResult.call(Kernel32Api.ExitThread, NtArgs.of(0, f.calleeStatus)))
            .build();

    public static final Routine BaseProcessStartThunk = Subsystems.win32Routine("kernel32!BaseProcessStartThunk").stage(6)
            .call(BaseProcessStart, (k, t, f) -> StepResult.call(BaseProcessStart, null))
            .build();
}
