package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrReturn;
import static com.ntprocesslab.kernel.ps.CreationSteps.returnFailure;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.FileObject;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.se.Token;

/**
 * NtCreateUserProcess and the process half of it (ReactOS ps/process.c): open the image
 * (stage 2), build the executive process object (stage 3), then the initial thread
 * (stage 4, in {@link ThreadCreation}). One cleanup path undoes whatever was built.
 */
public final class ProcessCreation {
    private ProcessCreation() {
    }

    static final Routine PspAllocateProcess = Executive.routine("nt!PspAllocateProcess").stage(3)
            // the executive process object, holding the creator's reference
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.PROCESS)) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                // NtCreateUserProcess's parent is its caller; PspCreateProcess and PsCreateMinimalProcess name one
                EProcess parent = c.parent != null ? c.parent : t.process;
                EProcess p = ObjectManager.ObCreateObject(k, new EProcess(), null);
                // a minimal process has no image to take a name from (PspSetMinimalProcessName gives it one)
                String image = c.minimal() ? "" : c.imageName();
                p.imageFileName = image.length() > 14 ? image.substring(0, 14) : image;
                p.imagePathName = c.ntPath;
                p.inheritedFromUniqueProcessId = parent.uniqueProcessId;
                p.sessionId = c.sessionOverride != null ? c.sessionOverride
                        : parent == k.systemProcess ? -1 : Math.max(parent.sessionId, 0);
                p.createTime = k.clock();
                p.priorityClass = c.priorityClass.name();
                p.quotaBlock = parent.quotaBlock;
                p.deviceMap = parent.deviceMap;
                p.defaultHardErrorProcessing = parent.defaultHardErrorProcessing;
                PerfOptions.apply(p, parent, parent.token, c);
                p.sectionObject = c.section;
                if (c.section != null) {
                    ObjectManager.ObReferenceObject(c.section);
                }
                c.process = p;
                return next();
            })
            // primary token: a copy of the parent's (or of the CreateProcessAsUser token)
            .step("nt!PspInitializeProcessSecurity", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.TOKEN)) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                Token source = c.explicitToken != null ? c.explicitToken : (c.parent != null ? c.parent : t.process).token;
                Token token = ObjectManager.ObCreateObject(k, new Token(), null);
                token.copyFrom(source);
                token.tokenId = token.address & 0xffffffL;
                token.sessionId = Math.max(c.process.sessionId, 0);
                c.process.token = token;
                return next();
            })
            .step("nt!MmCreateProcessAddressSpace", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmCreateProcessAddressSpace(k, c.process);
                return NtStatus.success(status) ? next() : returnFailure(c, status);
            })
            // seed 000: nt!PspAllocateProcess+0x13ec
            .returnAt(0x13ec)
            .step("nt!KeInitializeProcess", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.process.pcb.directoryTableBase = c.process.addressSpace.directoryTableBase;
                c.process.pcb.basePriority = c.priorityClass.basePriority;
                c.process.pcb.initialized = true;
                return next();
            })
            // the handle table; with bInheritHandles, ExDupHandleTable copies each OBJ_INHERIT handle at the
            // same value with the same access (ReactOS ob/obhandle.c ObInitProcess, ObpDuplicateHandleCallback)
            .step("nt!ObInitProcess", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLETABLE)) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.process.objectTable = k.newHandleTable();
                if (c.inheritObjectTable && t.process.objectTable != null) {
                    ObjectManager.ExDupHandleTable(k, t.process.objectTable, c.process.objectTable);
                }
                // a minimal process gets no image, no ntdll and no PEB (Windows Internals 7th ed., part 1, ch. 3)
                return c.minimal() ? jump("cid") : next();
            })
            .step("nt!MmInitializeProcessAddressSpace", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmInitializeProcessAddressSpace(k, c.process, c.section);
                return NtStatus.success(status) ? next() : returnFailure(c, status);
            })
            .step("nt!PspMapSystemDll", (k, t, f) -> nextOrReturn(creation(f), CreationSupport.PspMapSystemDll(k, creation(f).process)))
            // the process ID: a handle in PspCidTable
            .label("cid")
            .step("nt!ExCreateHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = CreationSupport.createProcessId(k, c.process);
                return NtStatus.success(status) && c.minimal() ? ret(status) : nextOrReturn(c, status);
            })
            .step("nt!MmCreatePeb", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmCreatePeb(k, c.process);
                if (NtStatus.success(status)) {
                    // InitialPeb.ImageUsesLargePages (WRK ps/create.c PspCreateProcess)
                    c.process.peb.imageUsesLargePages = c.imageUsesLargePages;
                }
                return nextOrReturn(c, status);
            })
            // RTL_USER_PROCESS_PARAMETERS are copied into the new process
            .step("nt!PspSetupUserProcessAddressSpace", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                com.ntprocesslab.kernel.mm.StartupParameters.write(c.process.peb, c.dosPath, c.commandLine, c.startup,
                        t.process.peb, c.process.sessionId);
                return next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine PspInsertProcess = Executive.routine("nt!PspInsertProcess").stage(3)
            // InsertTailList(&PsActiveProcessHead, &Process->ActiveProcessLinks)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                k.psActiveProcessHead.insertTail(c.process.activeProcessLinks);
                // a minimal process inherits no debug port (PsCreateMinimalProcess reports it through DbgkCreateMinimalProcess)
                return !c.minimal() && (c.debugPortHandle != 0 || t.process.debugPort != null && !t.process.noDebugInherit) ? next() : jump("handle");
            })
            // the debugger's object (DEBUG_PROCESS_ASSIGN), or the creator's own port unless it said NoDebugInherit
            .step("nt!DbgkCopyProcessDebugPort", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = CreationSupport.assignDebugPort(k, t, c);
                return NtStatus.success(status) ? next() : returnFailure(c, status);
            })
            .label("handle")
            // the caller's handle to the new process
            .step("nt!ObInsertObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLE)) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.processHandle = ObjectManager.ObInsertObject(k, MinimalProcesses.handleTable(k, t, c), c.process, AccessMask.PROCESS_ALL_ACCESS, false);
                return next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    public static final Routine NtCreateUserProcess = Executive.routine("nt!NtCreateUserProcess").stage(2)
            // capture and check what user mode passed
            .step("nt!PspBuildCreateProcessContext", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.createState = "PsCreateInitialState";
                c.status = NtStatus.STATUS_SUCCESS;
                // PS_ATTRIBUTE_PARENT_PROCESS (PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, Vista on): the process the new one
                // inherits from instead of its caller; the handle must grant PROCESS_CREATE_PROCESS (Microsoft Learn,
                // UpdateProcThreadAttribute). The secondary logon service creates a caller's process this way.
                if (c.parentHandle != 0 && c.parent == null) {
                    com.ntprocesslab.kernel.ob.ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.parentHandle,
                            com.ntprocesslab.kernel.ob.ObjectType.Process, AccessMask.PROCESS_CREATE_PROCESS);
                    if (!ref.ok()) {
                        c.status = ref.status();
                        return ret(c.status);
                    }
                    c.parent = (EProcess) ref.object();
                }
                return next();
            })
            // open the image file
            .step("nt!IoCreateFileEx", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                VolumeFile file = k.volume.find(c.dosPath);
                if (file == null) {
                    c.createState = "PsCreateFailOnFileOpen";
                    String dir = c.dosPath.substring(0, Math.max(c.dosPath.lastIndexOf('\\'), 0));
                    c.status = k.volume.directoryExists(dir) ? NtStatus.STATUS_OBJECT_NAME_NOT_FOUND : NtStatus.STATUS_OBJECT_PATH_NOT_FOUND;
                    return jump("cleanup");
                }
                if (k.failAllocation(AllocationKind.FILE)) {
                    c.status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    return jump("cleanup");
                }
                c.file = ObjectManager.ObCreateObject(k, new FileObject(), c.ntPath);
                c.file.file = file;
                return next();
            })
            // an image section: only a PE file can back one
            .step("nt!MmCreateSection", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                VolumeFile file = c.file.file;
                if (!file.isImage()) {
                    c.createState = "PsCreateFailOnSectionCreate";
                    c.status = NtStatus.STATUS_INVALID_IMAGE_NOT_MZ;
                    return jump("cleanup");
                }
                if (file.image().dll()) {
                    c.createState = "PsCreateFailOnSectionCreate";
                    c.status = NtStatus.STATUS_INVALID_IMAGE_FORMAT;
                    return jump("cleanup");
                }
                if (k.failAllocation(AllocationKind.SECTION)) {
                    c.status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
                    return jump("cleanup");
                }
                SectionObject section = ObjectManager.ObCreateObject(k, new SectionObject(), null);
                section.fileObject = c.file;
                ObjectManager.ObReferenceObject(c.file);
                section.image = file.image();
                c.section = section;
                return next();
            })
            // Image File Execution Options: a Debugger value sends user mode back to stage 1
            .step("nt!RtlQueryImageFileKeyOption", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                String debugger = c.skipImageFileExecutionOptions || c.ifeoSkipDebugger ? null : k.registry.imageFileExecutionOption(c.imageName(), "Debugger");
                if (debugger != null && !debugger.isBlank()) {
                    c.ifeoDebugger = debugger;
                    c.createState = "PsCreateFailExeName";
                    c.status = NtStatus.STATUS_OBJECT_NAME_NOT_FOUND;
                    return jump("cleanup");
                }
                PriorityClass perfOptions = c.skipImageFileExecutionOptions ? null : cpuPriorityClass(k, c.imageName());
                if (perfOptions != null) {
                    c.priorityClass = perfOptions;
                }
                if (!c.skipImageFileExecutionOptions) {
                    PerfOptions.read(k, c);
                }
                return next();
            })
            .stage(3)
            // seed 000: nt!NtCreateUserProcess+0xa1a
            .call(PspAllocateProcess)
            .returnAt(0xa1a)
            .orGoto("cleanup")
            .call(PspInsertProcess)
            .orGoto("cleanup")
            .stage(4)
            .call(ThreadCreation.PspAllocateThread)
            .orGoto("cleanup")
            .call(ThreadCreation.PspInsertThread)
            .orGoto("cleanup")
            // success: the handles and the thread now keep the objects alive
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.createState = "PsCreateSuccess";
                c.returnClientId(c.process.uniqueProcessId, c.thread.uniqueThread);
                releaseCreatorReferences(k, c);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .stage(0)
            .label("cleanup")
            // undo in reverse order: handles first, then the creator's references
            .step("nt!ObCloseHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                HandleTable table = t.process.objectTable;
                if (c.threadHandle != 0) {
                    ObjectManager.NtClose(k, table, c.threadHandle);
                    c.threadHandle = 0;
                }
                if (c.processHandle != 0) {
                    ObjectManager.NtClose(k, table, c.processHandle);
                    c.processHandle = 0;
                }
                return next();
            })
            .step("nt!PspDeleteCreateProcessContext", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = c.thread;
                if (thread != null) {
                    thread.creationFailed = true;
                }
                if (thread != null && thread.holdsRunReference) {
                    Termination.abandonUnstartedThread(k, thread);
                }
                releaseCreatorReferences(k, c);
                return ret(c.status);
            })
            .build();

    /**
     * IFEO\\<image>\\PerfOptions\\CpuPriorityClass, which Windows reads at creation since Vista:
     * 1 idle, 3 high, 5 below normal, 6 above normal; anything else leaves the class alone
     * (measured on Vista with Process Monitor, windowsvistaplace.com "Set the Priority of a
     * Process By Name Automatically"; 2 is normal).
     */
    static PriorityClass cpuPriorityClass(Executive k, String imageName) {
        var key = k.registry.openKey(com.ntprocesslab.kernel.cm.Registry.IFEO + "\\" + imageName + "\\PerfOptions");
        String value = key == null ? null : key.values.get("CpuPriorityClass");
        Long number = value == null ? null : parse(value.trim());
        if (number == null) {
            return null;
        }
        return switch (number.intValue()) {
            case 1 -> PriorityClass.IDLE;
            case 2 -> PriorityClass.NORMAL;
            case 3 -> PriorityClass.HIGH;
            case 5 -> PriorityClass.BELOW_NORMAL;
            case 6 -> PriorityClass.ABOVE_NORMAL;
            default -> null;
        };
    }

    private static Long parse(String text) {
        try {
            return text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void releaseCreatorReferences(Executive k, PspCreateParameters c) {
        CreationSupport.releaseThread(k, c);
        CreationSupport.releaseProcess(k, c);
        CreationSupport.releaseSection(k, c);
        CreationSupport.releaseFile(k, c);
        CreationSupport.releaseParent(k, c);
    }
}
