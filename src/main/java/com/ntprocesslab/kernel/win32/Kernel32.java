package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.cm.KeyServices;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Peb;
import com.ntprocesslab.kernel.mm.VirtualMemory;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.mm.StartupParameters;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.DuplicateArgs;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.HardErrors;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ProcessInformation;
import com.ntprocesslab.kernel.se.Privilege;
import java.util.Locale;

/**
 * Windows XP SP3's kernel32 CreateProcessW (there is no KERNELBASE): user mode drives the
 * whole creation with separate system calls, in six phases, in the order of seed 004's source
 * (Windows 2000's CreateProcessW) where SP3's disassembly (seed 003) agrees, and SP3's where
 * they differ (SP3 calls NtCreateProcessEx with a debug object; it loads advapi32; it builds a
 * side-by-side message for csrss). 1: flags (0x57), priority class, VDM flags, the copy of
 * STARTUPINFO and an ANSI environment made Unicode, NtOpenFile,
 * NtCreateSection, NtQuerySection, the DLL refusal, IFEO, image checks, the debug object;
 * 2: NtCreateProcessEx, the priority class only when one was asked for, the section handle
 * closed, hard-error mode only for CREATE_DEFAULT_ERROR_MODE, base priority for
 * DETACHED_PROCESS, the PEB's address, parameters; 3: stack, context, NtCreateThread;
 * 4: csrss; 5: NtResumeThread (phases 5 and 6 continue in the new thread). One cleanup path
 * terminates and closes whatever the call created.
 */
public final class Kernel32 {
    private Kernel32() {
    }

    /** ProcessBasicInformation: the class NtQueryInformationProcess answers with PROCESS_BASIC_INFORMATION. */
    static final long ProcessBasicInformation = 0;
    /** SEM_FAILCRITICALERRORS: the mode CREATE_DEFAULT_ERROR_MODE gives the new process. */
    static final long SEM_FAILCRITICALERRORS = 1;
    /** NORMAL_BASE_PRIORITY, what a DETACHED_PROCESS's base priority is set to. */
    static final long NORMAL_BASE_PRIORITY = 8;
    /** MAXUSHORT: the most bytes an ANSI_STRING holds. */
    static final long MAXUSHORT = 0xFFFF;

    /**
     * GetProcAddress(hModule, lpProcName): LdrGetProcedureAddress finds the module among the
     * caller's loaded ones (PEB_LDR_DATA) and the name among its exports, the module's
     * functions in the symbol table; otherwise NULL, with the status as the thread's last
     * error (STATUS_DLL_NOT_FOUND, STATUS_PROCEDURE_NOT_FOUND). {@code a.handle} is hModule,
     * {@code a.name} the name; the address comes back in {@code a.out}.
     */
    static final Routine GetProcAddress = Subsystems.win32Routine("kernel32!GetProcAddress").stage(1)
            .step("ntdll!LdrGetProcedureAddress", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                LdrEntry module = loadedModule(t.process, a.handle);
                a.out = module == null ? 0 : exportAddress(k, module, a.name);
                if (a.out != 0) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                a.information = module == null ? NtStatus.STATUS_DLL_NOT_FOUND : NtStatus.STATUS_PROCEDURE_NOT_FOUND;
                return next();
            })
            .step("kernel32!BaseSetLastNTError", (k, t, f) -> {
                long status = f.args(NtArgs.class).information;
                t.teb.lastStatusValue = status;
                t.teb.lastErrorValue = NtStatus.toDosError(status);
                return ret(status);
            })
            .build();

    /** An export's address: the module's function of that name, under either spelling the symbol table gives modules (kernel32, ADVAPI32). */
    private static long exportAddress(Subsystems k, LdrEntry module, String name) {
        String dll = module.baseDllName();
        String stem = dll.lastIndexOf('.') < 0 ? dll : dll.substring(0, dll.lastIndexOf('.'));
        long address = k.symbolAddress(stem.toLowerCase(Locale.ROOT) + "!" + name);
        return address != 0 ? address : k.symbolAddress(stem.toUpperCase(Locale.ROOT) + "!" + name);
    }

    /** The caller's loaded module whose base is {@code handle} (an HMODULE is its DllBase), or null. */
    static LdrEntry loadedModule(EProcess caller, long handle) {
        if (caller.peb == null || caller.peb.ldr == null || handle == 0) {
            return null;
        }
        for (LdrEntry e : caller.peb.ldr.inLoadOrderModuleList) {
            if (e.dllBase() == handle) {
                return e;
            }
        }
        return null;
    }

    static final Routine NtOpenKeyStub = Syscalls.classicStub(KeyServices.NtOpenKey, 1);

    /**
     * BasepIsProcessAllowed: opens the image's Image File Execution Options key with NtOpenKey
     * (seed 003 step 7; GENERIC_READ, as ReactOS's LdrOpenImageFileOptionsKey asks), notes
     * whether there is one, and closes the handle before it returns; a missing key is no error.
     * (What else SP3 checks there, the AppCert list, neither the seed nor the machine models.)
     */
    static final Routine BasepIsProcessAllowed = Subsystems.win32Routine("kernel32!BasepIsProcessAllowed").stage(1)
            .call(NtOpenKeyStub, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.query = NtArgs.of(0, 0);
                c.query.name = Registry.IFEO + "\\" + c.imageName();
                c.query.access = KeyServices.KEY_READ;
                return StepResult.call(NtOpenKeyStub, c.query);
            })
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.ifeoKeyPresent = NtStatus.success(f.calleeStatus);
                if (!c.ifeoKeyPresent) {
                    c.query = null;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return next();
            })
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.query.out);
                c.query = null;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    static final Routine NtReadVirtualMemoryStub = Syscalls.classicStub(VirtualMemory.NtReadVirtualMemory, 2);
    static final Routine NtWriteVirtualMemoryStub = Syscalls.classicStub(VirtualMemory.NtWriteVirtualMemory, 2);
    static final Routine NtRaiseHardErrorStub = Syscalls.classicStub(HardErrors.NtRaiseHardError, 1);

    /**
     * BasepSxsGetProcessImageBaseAddress(Process, &ImageBase) (seed 003 section 4): the new
     * process's PEB from NtQueryInformationProcess(ProcessBasicInformation), then the PEB's
     * ImageBaseAddress (+0x008) read across with NtReadVirtualMemory, 4 bytes.
     */
    static final Routine BasepSxsGetProcessImageBaseAddress = Subsystems.win32Routine("kernel32!BasepSxsGetProcessImageBaseAddress").stage(2)
            .call(Kernel32Api.NtQueryInformationProcessStub, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.query = NtArgs.of(c.processHandle, ProcessBasicInformation);
                return StepResult.call(Kernel32Api.NtQueryInformationProcessStub, c.query);
            })
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : ret(f.calleeStatus))
            .call(NtReadVirtualMemoryStub, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                NtArgs read = NtArgs.of(c.processHandle, c.query.information + Peb.IMAGE_BASE_ADDRESS_X86);
                read.information = 4;
                c.query = read;
                return StepResult.call(NtReadVirtualMemoryStub, read);
            })
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.sxsImageBase = NtStatus.success(f.calleeStatus) ? c.query.out : 0;
                c.query = null;
                return ret(f.calleeStatus);
            })
            .build();

    /**
     * StuffStdHandle(ProcessHandle, StandardHandle, Address) (seed 004 lines 1383-1400 call it;
     * ReactOS kernel32 client/proc.c has its body): the caller's std handle is duplicated into the
     * new process with DUPLICATE_SAME_ACCESS | DUPLICATE_SAME_ATTRIBUTES and the copy's value
     * written over the new RTL_USER_PROCESS_PARAMETERS field with NtWriteVirtualMemory. A failed
     * duplicate (a NULL or stale handle: STATUS_INVALID_HANDLE) is ignored and nothing is written.
     * (Later ReactOS returns before duplicating a NULL handle; the machine state is the same.)
     */
    static final Routine StuffStdHandle = Subsystems.win32Routine("kernel32!StuffStdHandle").stage(2)
            .call(HandleApis.CLASSIC.duplicateObjectStub(), (k, t, f) -> {
                StdHandleArgs s = f.args(StdHandleArgs.class);
                DuplicateArgs a = new DuplicateArgs();
                a.sourceProcessHandle = ObjectManager.CURRENT_PROCESS;
                a.sourceHandle = s.standardHandle;
                a.targetProcessHandle = s.processHandle;
                a.options = ObjectManager.DUPLICATE_SAME_ACCESS | ObjectManager.DUPLICATE_SAME_ATTRIBUTES;
                s.duplicate = a;
                return StepResult.call(HandleApis.CLASSIC.duplicateObjectStub(), a);
            })
            .inline((k, t, f) -> {
                StdHandleArgs s = f.args(StdHandleArgs.class);
                if (!NtStatus.success(f.calleeStatus)) {
                    s.duplicate = null;
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return next();
            })
            .call(NtWriteVirtualMemoryStub, (k, t, f) -> {
                StdHandleArgs s = f.args(StdHandleArgs.class);
                NtArgs write = NtArgs.of(s.processHandle, s.address);
                write.information = 4;
                write.out = s.duplicate.targetHandle;
                s.duplicate = null;
                return StepResult.call(NtWriteVirtualMemoryStub, write);
            })
            .stage(0)
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** CONSOLE_HANDLE(h): a console handle has its low two bits set (seed 004's CONSOLE_HANDLE_SIGNATURE 3). */
    static boolean consoleHandle(long handle) {
        return (handle & 3) == 3;
    }

    /**
     * Whether the child gets copies of the caller's std handles (seed 004 lines 1368-1373): no VDM
     * image, bInheritHandles FALSE, no STARTF_USESTDHANDLES, neither DETACHED_PROCESS nor
     * CREATE_NEW_CONSOLE, and a console image. The test names CREATE_NO_WINDOW as well, but
     * CreateProcessW masked that flag off its dwCreationFlags at the start (seed 004 line 88,
     * seed 003: and eax, 0F7FFFFFFh), so it never turns the copies off.
     */
    static boolean stuffsStdHandles(CreateProcessContext c) {
        long flags = c.flags & ~CreationFlags.CREATE_NO_WINDOW;
        return !c.inheritObjectTable
                && (c.startup == null || (c.startup.flags & StartupParameters.STARTF_USESTDHANDLES) == 0)
                && (flags & (CreationFlags.DETACHED_PROCESS | CreationFlags.CREATE_NEW_CONSOLE | CreationFlags.CREATE_NO_WINDOW)) == 0
                && c.imageInformation.subsystem() == ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI;
    }

    /** One of the three: StuffStdHandle unless the caller's handle is a console handle, then on to {@code then}. */
    private static java.util.function.UnaryOperator<Routine.Builder<Subsystems, EThread>> stuff(
            java.util.function.ToLongFunction<Peb> parent, long field, String then) {
        return b -> b
                .inline((k, t, f) -> consoleHandle(parent.applyAsLong(t.process.peb)) ? jump(then) : next())
                .call(StuffStdHandle, (k, t, f) -> {
                    CreateProcessContext c = ctx(f);
                    return StepResult.call(StuffStdHandle, new StdHandleArgs(c.processHandle, parent.applyAsLong(t.process.peb),
                            c.parametersInNewProcess + field));
                })
                .label(then);
    }

    /** BasepSxsCreateProcessCsrMessage: the side-by-side part of csrss's message begins with the new image's base. */
    static final Routine BasepSxsCreateProcessCsrMessage = Subsystems.win32Routine("kernel32!BasepSxsCreateProcessCsrMessage").stage(2)
            .call(BasepSxsGetProcessImageBaseAddress)
            .returnCalleeStatus()
            .build();

    private static CreateProcessContext ctx(Frame f) {
        return f.args(CreateProcessContext.class);
    }

    static final Routine CreateProcessInternalW = Subsystems.win32Routine("kernel32!CreateProcessInternalW").stage(1)
            .label("restart")
            // CREATE_NO_WINDOW is masked off; DETACHED_PROCESS with CREATE_NEW_CONSOLE is 0x57 (seed 003: and ecx, 18h)
            .inline((k, t, f) -> {
                String failure = KernelBase.validateFlagsAndToken(k, t, ctx(f));
                return failure != null ? jump(failure) : next();
            })
            // the lowest class asked for: seed 004 (lines 114-139) and seed 003's SP3 code test IDLE (40h), BELOW_NORMAL
            // (4000h), NORMAL (20h), ABOVE_NORMAL (8000h), HIGH (80h), REALTIME (100h) in turn; none asked: unknown
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                PriorityClass asked = lowestPriorityClassAsked(c.flags);
                c.priorityClassGiven = asked != null;
                // none asked: no NtSetInformationProcess follows, so the kernel's choice (NORMAL, or the creator's IDLE) stands
                c.priorityClass = asked != null ? asked : PriorityClass.NORMAL;
                return asked == PriorityClass.REALTIME ? next() : jump("vdmFlags");
            })
            // only for REALTIME: BasepIsRealtimeAllowed(FALSE) tries to acquire SeIncreaseBasePriorityPrivilege
            // (seed 003: token opened, privilege adjusted); without it the class is HIGH
            .step("kernel32!BasepIsRealtimeAllowed", (k, t, f) -> {
                if (!t.process.token.has(Privilege.SeIncreaseBasePriorityPrivilege)) {
                    ctx(f).priorityClass = PriorityClass.HIGH;
                }
                return next();
            })
            .label("vdmFlags")
            // the VDM options (seed 003: test 800h / test 1000h): separate and shared WOW together is 0x57
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if ((c.flags & CreationFlags.CREATE_SEPARATE_WOW_VDM) != 0 && (c.flags & CreationFlags.CREATE_SHARED_WOW_VDM) != 0) {
                    LastError.set(t, c.call, Win32Error.ERROR_INVALID_PARAMETER);
                    return jump("failWin32");
                }
                return next();
            })
            // kernel32 works on its own copy of the caller's startup record (seed 004 line 253, ReactOS proc.c
            // CreateProcessInternalW). STARTF_USEHOTKEY puts the hotkey in hStdInput, STARTF_SHELLPRIVATE (seed 004's
            // STARTF_HASSHELLDATA) shell data in the std handle fields: with either, STARTF_USESTDHANDLES is dropped
            // (seed 004 lines 255-267, ReactOS). A restart after IFEO or a batch file comes back after this part, as
            // ReactOS's AppNameRetry and Windows 2000's VdmRetry lie after it. (Both sources convert the environment
            // first; the two are independent, and the conversion is the visible step.)
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (c.restarts > 0) {
                    return jump("findImage");
                }
                StartupParameters s = StartupParameters.copyOf(c.call.startup);
                if (s != null && (s.flags & StartupParameters.STARTF_USESTDHANDLES) != 0
                        && (s.flags & (StartupParameters.STARTF_USEHOTKEY | StartupParameters.STARTF_SHELLPRIVATE)) != 0) {
                    s.flags &= ~StartupParameters.STARTF_USESTDHANDLES;
                }
                c.startup = s;
                return ansiEnvironment(c) ? next() : jump("findImage");
            })
            // an ANSI block (no CREATE_UNICODE_ENVIRONMENT, whether CreateProcessA or W was called): ReactOS refuses one
            // longer than MAXUSHORT bytes, the ANSI_STRING's USHORT Length, with ERROR_INVALID_PARAMETER
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (ansiEnvironmentLength(c.startup.environment) > MAXUSHORT) {
                    LastError.set(t, c.call, Win32Error.ERROR_INVALID_PARAMETER);
                    return jump("failWin32");
                }
                return next();
            })
            // seed 003 step 6, seed 004 lines 185-228, ReactOS: the block becomes Unicode before the image is looked for, and
            // BasePushProcessParameters gets the Unicode copy (the machine does not model the NtAllocateVirtualMemory buffer
            // kernel32 converts into and frees at the end)
            .step("ntdll!RtlAnsiStringToUnicodeString", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.startup.environment = new java.util.ArrayList<>(c.startup.environment);
                return next();
            })
            .label("findImage")
            .step("ntdll!RtlDosPathNameToNtPathName_U", (k, t, f) -> KernelBase.resolveArguments(k, t, ctx(f)))
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
            .call(BasepIsProcessAllowed)
            .call(ClassicNtdll.NtQuerySectionStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("closeSection");
            })
            // SectionImageInformation.ImageCharacteristics & IMAGE_FILE_DLL: a DLL maps as a section, but is no program
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (c.imageInformation.dll()) {
                    LastError.set(t, c.call, Win32Error.ERROR_BAD_EXE_FORMAT);
                    return jump("refuse");
                }
                // DEBUG_PROCESS / DEBUG_ONLY_THIS_PROCESS: the Debugger value is not asked for unless the caller's PEB has
                // ReadImageFileExecOptions (seed 003 after NtQuerySection; seed 004 lines 983-994), so a debugger that IFEO
                // started creates its target itself instead of being started again
                return queriesImageFileExecutionOptions(t, c) ? next() : jump("imageMachine");
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
            .label("imageMachine")
            // XP SP3 (seed 003: cmp ax, ds:7FFE002Ch / jb, cmp ax, ds:7FFE002Eh / ja, before the subsystem version) and
            // seed 004 (lines 998-999): the image's Machine within SharedUserData's ImageNumberLow..ImageNumberHigh
            .inline((k, t, f) -> machineSupported(k, ctx(f).imageInformation) ? jump("imageSubsystem") : next())
            // another machine's image: a hard error names the file (ErrorParameters[0] = &PathName, the NT path; one
            // parameter, a UNICODE_STRING; OptionOk), seed 004 lines 1033-1045
            .call(NtRaiseHardErrorStub, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.query = NtArgs.of(0, NtStatus.STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE);
                c.query.name = c.ntPath;
                c.query.information = HardErrors.OPTION_OK;
                return StepResult.call(NtRaiseHardErrorStub, c.query);
            })
            // the error depends on the caller's own image (seed 004 lines 1046-1051): a subsystem 3.x caller gets
            // ERROR_BAD_EXE_FORMAT, a later one ERROR_EXE_MACHINE_TYPE_MISMATCH; the section is closed on the way out
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.call.hardError = new HardErrorReport(c.query.value, c.query.name, f.calleeStatus, c.query.out);
                c.query = null;
                boolean oldCaller = imageSubsystemMajorVersion(t.process) <= 3;
                LastError.set(t, c.call, oldCaller ? Win32Error.ERROR_BAD_EXE_FORMAT : Win32Error.ERROR_EXE_MACHINE_TYPE_MISMATCH);
                return jump("refuse");
            })
            .label("imageSubsystem")
            // neither GUI nor console (POSIX is not modelled): NT base/client/process.c and ReactOS client/proc.c
            // set ERROR_CHILD_NOT_COMPLETE ("cannot be run in Win32 mode"), close the section and return FALSE
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (!KernelBase.windowsSubsystem(c.imageInformation)) {
                    LastError.set(t, c.call, Win32Error.ERROR_CHILD_NOT_COMPLETE);
                    return jump("refuse");
                }
                return next();
            })
            // only a Windows GUI or console image of a supported subsystem version
            .step("kernel32!BasepIsImageVersionOk", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                if (!imageAcceptable(c.imageInformation)) {
                    c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
                    return jump("closeSection");
                }
                return next();
            })
            // XP SP3 (seed 003) loads advapi32 and looks up CreateProcessAsUserSecure, which it then never calls
            .step("kernel32!LoadLibraryA", (k, t, f) -> {
                ctx(f).advapi32 = loadLibrary(t.process, k.volume.find(Ntdll.SYSTEM32 + "advapi32.dll"));
                return next();
            })
            .call(GetProcAddress, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.query = NtArgs.of(c.advapi32, 0);
                c.query.name = "CreateProcessAsUserSecure";
                return StepResult.call(GetProcAddress, c.query);
            })
            // the address is kept, unused
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.createProcessAsUserSecure = c.query.out;
                c.query = null;
                return next();
            })
            // lpProcessAttributes -> OBJECT_ATTRIBUTES: .call passes no SECURITY_ATTRIBUTES, so the process object is unnamed
            .step("kernel32!BaseFormatObjectAttributes", (k, t, f) -> next())
            // DEBUG_PROCESS / DEBUG_ONLY_THIS_PROCESS: the caller becomes the debugger; its debug object goes to the kernel
            .inline((k, t, f) -> DbgUi.debugFlags(ctx(f).flags) ? next() : jump("createProcess"))
            .call(DbgUi.DbgUiConnectToDbgClassic, (k, t, f) -> DbgUi.callConnectToDbg(DbgUi.DbgUiConnectToDbgClassic))
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("closeSection");
            })
            .step("ntdll!DbgUiGetThreadDebugObject", DbgUi::DbgUiGetThreadDebugObject)
            .stage(2)
            .label("createProcess")
            // SP3 calls NtCreateProcessEx itself (seed 003); Windows 2000's kernel32 (seed 004) called NtCreateProcess
            .call(ClassicNtdll.NtCreateProcessExStub, (k, t, f) -> {
                ClassicNtdll.prepareProcessCall(ctx(f));
                return StepResult.call(ClassicNtdll.NtCreateProcessExStub, f.args);
            })
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    return jump("closeSection");
                }
                // the kernel chose NORMAL, or the parent's IDLE/BELOW_NORMAL: only a class asked for overrides it
                return c.priorityClassGiven ? next() : jump("closeSectionHandle");
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
            .label("closeSectionHandle")
            // the process holds the section now: kernel32's handle goes before any thread exists
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return (c.flags & CreationFlags.CREATE_DEFAULT_ERROR_MODE) != 0 ? next() : jump("detached");
            })
            // CREATE_DEFAULT_ERROR_MODE: SEM_FAILCRITICALERRORS; without it the child kept the parent's mode
            .call(ClassicNtdll.NtSetInformationProcessStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ctx(f).processHandle, ProcessInformation.ProcessDefaultHardErrorMode);
                a.information = SEM_FAILCRITICALERRORS;
                return StepResult.call(ClassicNtdll.NtSetInformationProcessStub, a);
            })
            .label("detached")
            .inline((k, t, f) -> (ctx(f).flags & CreationFlags.DETACHED_PROCESS) != 0 ? next() : jump("basicInformation"))
            // a detached process has no focus: it is not created with a boosted priority
            .call(ClassicNtdll.NtSetInformationProcessStub, (k, t, f) ->
                    StepResult.call(ClassicNtdll.NtSetInformationProcessStub, nativeBasePriority(ctx(f).processHandle)))
            .label("basicInformation")
            // where the new PEB is: PROCESS_BASIC_INFORMATION.PebBaseAddress
            .call(Kernel32Api.NtQueryInformationProcessStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ctx(f).processHandle, ProcessBasicInformation);
                ctx(f).query = a;
                return StepResult.call(Kernel32Api.NtQueryInformationProcessStub, a);
            })
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    return jump("cleanup");
                }
                c.pebBaseAddress = c.query.information;
                c.query = null;
                return next();
            })
            // XP SP3 (seed 003): the side-by-side message for csrss starts from the image base read out of the new PEB
            .call(BasepSxsCreateProcessCsrMessage)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("cleanup");
            })
            // RTL_USER_PROCESS_PARAMETERS are written into the new process
            .step("kernel32!BasePushProcessParameters", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.pushParameters(ClassicNtdll.processOf(t, c.processHandle), c);
                return stuffsStdHandles(c) ? next() : jump("createStack");
            })
            // a console child without inherited or given std handles gets copies of the caller's (seed 004 lines
            // 1365-1402): the new PEB's ProcessParameters pointer is read across first
            .call(NtReadVirtualMemoryStub, (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.query = NtArgs.of(c.processHandle, c.pebBaseAddress + Peb.PROCESS_PARAMETERS_X86);
                c.query.information = 4;
                return StepResult.call(NtReadVirtualMemoryStub, c.query);
            })
            .inline((k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.parametersInNewProcess = NtStatus.success(f.calleeStatus) ? c.query.out : 0;
                c.query = null;
                return NtStatus.success(f.calleeStatus) ? next() : jump("createStack");
            })
            .with(stuff(p -> p.standardInput, Peb.STANDARD_INPUT_X86, "stdOutput"))
            .with(stuff(p -> p.standardOutput, Peb.STANDARD_OUTPUT_X86, "stdError"))
            .with(stuff(p -> p.standardError, Peb.STANDARD_ERROR_X86, "createStack"))
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
            // lpThreadAttributes -> OBJECT_ATTRIBUTES for the thread (none given: unnamed)
            .step("kernel32!BaseFormatObjectAttributes", (k, t, f) -> next())
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
            .inline((k, t, f) -> KernelBase.returnTrue(k, ctx(f)))
            .stage(1)
            .label("ifeo")
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return KernelBase.restartUnderDebugger(c);
            })
            .label("batch")
            // a batch file is no image: it runs as cmd.exe /c <file>, again from phase 1
            .inline((k, t, f) -> KernelBase.restartAsBatch(ctx(f)))
            .label("refuse")
            // a Win32 refusal after the section exists: close it, keep the error already set
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                ClassicNtdll.close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return jump("failWin32");
            })
            .stage(0)
            .label("cleanup")
            // the process exists: terminate it, then close the caller's handles (the last ones delete it)
            .call(ClassicNtdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtTerminateProcessStub,
                    NtArgs.of(ctx(f).processHandle, ctx(f).status)))
            .step("ntdll!NtClose", (k, t, f) -> {
                ctx(f).closeProcessAndThread(k, t);
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

    /** lpEnvironment is given and CREATE_UNICODE_ENVIRONMENT is not: kernel32 reads the block as ANSI and converts it. */
    static boolean ansiEnvironment(CreateProcessContext c) {
        return c.startup != null && c.startup.environment != null && (c.flags & CreationFlags.CREATE_UNICODE_ENVIRONMENT) == 0;
    }

    /**
     * The ANSI block's length as ReactOS measures it: up to the first of its two closing NULs, plus
     * one (NAME=value\0 for each string, then the block's last \0; an empty block is its two NULs).
     */
    static long ansiEnvironmentLength(java.util.List<String> environment) {
        long length = 0;
        for (String e : environment) {
            length += e.length() + 1;
        }
        return environment.isEmpty() ? 1 : length;
    }

    private static NtArgs nativeBasePriority(long processHandle) {
        NtArgs a = NtArgs.of(processHandle, ProcessInformation.ProcessBasePriority);
        a.information = NORMAL_BASE_PRIORITY;
        return a;
    }

    /**
     * The lowest *_PRIORITY_CLASS flag in {@code flags}, tested in kernel32's order, or null when
     * none is there (WRK's PROCESS_PRIORITY_CLASS_UNKNOWN: no class is set).
     */
    static PriorityClass lowestPriorityClassAsked(long flags) {
        for (PriorityClass pc : new PriorityClass[] {PriorityClass.IDLE, PriorityClass.BELOW_NORMAL, PriorityClass.NORMAL,
                PriorityClass.ABOVE_NORMAL, PriorityClass.HIGH, PriorityClass.REALTIME}) {
            if ((flags & pc.creationFlag) != 0) {
                return pc;
            }
        }
        return null;
    }

    /**
     * LoadLibraryA of a DLL into the calling process: its module handle (the image base). One
     * already in the loader list is only referenced again (the machine keeps no load count); one
     * not loaded yet is mapped and listed, as the loader would.
     */
    static long loadLibrary(EProcess caller, VolumeFile dll) {
        if (dll == null || caller.peb == null || caller.peb.ldr == null) {
            return 0;
        }
        for (LdrEntry e : caller.peb.ldr.inLoadOrderModuleList) {
            if (e.baseDllName().equalsIgnoreCase(dll.name())) {
                return e.dllBase();
            }
        }
        if (!NtStatus.success(MemoryManager.mapImage(caller, dll.path(), dll.image()))) {
            return 0;
        }
        Ntdll.addLoaded(caller.peb.ldr, dll);
        caller.peb.ldr.inInitializationOrderModuleList.add(caller.peb.ldr.inLoadOrderModuleList.getLast());
        return dll.image().imageBase();
    }

    /**
     * Whether CreateProcessInternalW reads the image's IFEO Debugger value: always, except for a
     * creation with DEBUG_PROCESS or DEBUG_ONLY_THIS_PROCESS by a caller whose PEB has
     * ReadImageFileExecOptions clear (seed 004 lines 983-994, seed 003).
     */
    static boolean queriesImageFileExecutionOptions(EThread t, CreateProcessContext c) {
        return !DbgUi.debugFlags(c.flags) || t.process.peb != null && t.process.peb.readImageFileExecOptions;
    }

    /** BasepIsImageVersionOk: a Windows GUI or console image of subsystem version 3 or later. */
    static boolean imageAcceptable(ImageDescriptor image) {
        boolean windows = image.subsystem() == ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_GUI
                || image.subsystem() == ImageDescriptor.IMAGE_SUBSYSTEM_WINDOWS_CUI;
        return windows && majorVersion(image.subsystemVersion()) >= 3;
    }

    /** SECTION_IMAGE_INFORMATION.Machine between SharedUserData's ImageNumberLow and ImageNumberHigh (0x7FFE002C/E). */
    static boolean machineSupported(Subsystems k, ImageDescriptor image) {
        int low = k.platform.imageNumber();
        int high = k.platform.imageNumber();
        return image.machine() >= low && image.machine() <= high;
    }

    /**
     * NtCurrentPeb()->ImageSubsystemMajorVersion: the major subsystem version of the process's own
     * image header, which MmCreatePeb copies into its PEB (0 for a process without an image).
     */
    static int imageSubsystemMajorVersion(EProcess process) {
        return process.sectionObject == null || process.sectionObject.image == null ? 0
                : majorVersion(process.sectionObject.image.subsystemVersion());
    }

    private static int majorVersion(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.') < 0 ? version.length() : version.indexOf('.')));
    }


    static final Routine CreateProcessW = Subsystems.win32Routine("kernel32!CreateProcessW").stage(1)
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    static final Routine CreateProcessInternalA = Subsystems.win32Routine("kernel32!CreateProcessInternalA").stage(1)
            // the ANSI strings become Unicode, then the W path does the work
            .step("ntdll!RtlAnsiStringToUnicodeString", (k, t, f) -> next())
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    static final Routine CreateProcessA = Subsystems.win32Routine("kernel32!CreateProcessA").stage(1)
            .tailCall(CreateProcessInternalA)
            .build();

    /** XP's CreateProcessAsUserW lives in advapi32 and passes the token to kernel32. */
    static final Routine CreateProcessAsUserW = Subsystems.win32Routine("advapi32!CreateProcessAsUserW").stage(1)
            .tailCall(CreateProcessInternalW, (k, t, f) -> StepResult.call(CreateProcessInternalW, KernelBase.creation(f.args(ApiCall.class))))
            .build();

    /** Where NtContinue lands a Win32 process's first thread: the start routine, then ExitThread. */
    /**
     * XP SP3's BaseProcessStart (seed 003's disassembly at 7C817054): under its SEH frame it
     * records the entry point as the thread's Win32 start address,
     * NtSetInformationThread(NtCurrentThread(), ThreadQuerySetWin32StartAddress, &entry, 4),
     * calls the entry point and exits the thread with its return value.
     */
    static final Routine BaseProcessStart = Subsystems.win32Routine("kernel32!BaseProcessStart").stage(6)
            .call(ClassicNtdll.NtSetInformationThreadStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ObjectManager.CURRENT_THREAD, ProcessInformation.ThreadQuerySetWin32StartAddress);
                a.information = t.win32StartAddress;
                return StepResult.call(ClassicNtdll.NtSetInformationThreadStub, a);
            })
            .inline((k, t, f) -> StepResult.call(GuestPrograms.entryFor(t.process, k.profile), new GuestLocals()))
            .stage(0)
            .call(Kernel32Api.ExitThread, (k, t, f) -> StepResult.call(Kernel32Api.ExitThread, NtArgs.of(0, f.calleeStatus)))
            .build();

    static final Routine BaseProcessStartThunk = Subsystems.win32Routine("kernel32!BaseProcessStartThunk").stage(6)
            .call(BaseProcessStart, (k, t, f) -> StepResult.call(BaseProcessStart, null))
            .build();
}
