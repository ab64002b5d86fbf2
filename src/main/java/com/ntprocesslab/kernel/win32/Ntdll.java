package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.CsrServerThreads;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Peb;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.Termination;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * User-mode start and end of a process in ntdll: the loader (stage 7), RtlUserThreadStart,
 * RtlExitUserProcess with DLL_PROCESS_DETACH, and the last-chance exception path.
 */
public final class Ntdll {
    public static final String SYSTEM32 = "C:\\Windows\\System32\\";
    public static final long STATUS_DLL_NOT_FOUND = 0xC0000135L;

    private Ntdll() {
    }

    static final Routine NtTerminateProcessStub = Syscalls.stub(Termination.NtTerminateProcess, 0);
    static final Routine NtTerminateThreadStub = Syscalls.stub(Termination.NtTerminateThread, 0);

    /**
     * The DLL initialisation routine that connects a process to csrss: XP's
     * kernel32!BaseDllInitialize; on Windows 10 the Win32 base moved into KernelBase, whose
     * initialisation makes the connection.
     */
    static final Routine BaseDllInitialize = Subsystems.win32Routine("kernel32!BaseDllInitialize")
            .call(CsrApiRequests.CsrClientConnectToServer)
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();
    static final Routine KernelBaseDllInitialize = Subsystems.win32Routine("KERNELBASE!KernelBaseDllInitialize")
            .call(CsrApiRequests.CsrClientConnectToServer)
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** LdrpCallInitRoutine: the DLL joins the initialisation-order list and its entry point runs (only the base DLL's does something here). */
    static final Routine LdrpCallInitRoutine = Subsystems.win32Routine("ntdll!LdrpCallInitRoutine")
            .inline((k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                if (t.process.peb.ldr.shutdownInProgress) {
                    // DLL_PROCESS_DETACH: nothing of the base DLL's detach is modelled
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                VolumeFile dll = k.volume.find(s.initOrder.get(s.initIndex));
                t.process.peb.ldr.inInitializationOrderModuleList.add(entry(dll));
                String base = k.profile == Profile.CLASSIC ? "kernel32.dll" : "KernelBase.dll";
                if (!dll.name().equalsIgnoreCase(base)) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return StepResult.call(k.profile == Profile.CLASSIC ? BaseDllInitialize : KernelBaseDllInitialize, null);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine LdrShutdownProcess = Subsystems.win32Routine("ntdll!LdrShutdownProcess")
            .inline((k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                Peb peb = t.process.peb;
                if (peb == null || peb.ldr == null) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                peb.ldr.shutdownInProgress = true;
                s.index = peb.ldr.inInitializationOrderModuleList.size() - 1;
                return next();
            })
            .label("loop")
            .inline((k, t, f) -> f.args(LoaderState.class).index >= 0 ? next() : jump("done"))
            // DllMain(DLL_PROCESS_DETACH), in reverse initialisation order
            .call(LdrpCallInitRoutine, (k, t, f) -> StepResult.call(LdrpCallInitRoutine, f.args))
            .inline((k, t, f) -> {
                f.args(LoaderState.class).index--;
                return jump("loop");
            })
            .label("done")
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine RtlExitUserProcess = Subsystems.win32Routine("ntdll!RtlExitUserProcess")
            // first every other thread of the process ...
            .call(NtTerminateProcessStub, (k, t, f) -> StepResult.call(NtTerminateProcessStub, NtArgs.of(0, f.args(NtArgs.class).value)))
            .call(LdrShutdownProcess, (k, t, f) -> StepResult.call(LdrShutdownProcess, new LoaderState()))
            // ... then this one, which does not come back
            .call(NtTerminateProcessStub, (k, t, f) -> StepResult.call(NtTerminateProcessStub, NtArgs.of(-1, f.args(NtArgs.class).value)))
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine RtlExitUserThread = Subsystems.win32Routine("ntdll!RtlExitUserThread")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                return t.process.activeThreads <= 1
                        ? StepResult.call(RtlExitUserProcess, NtArgs.of(0, a.value))
                        : StepResult.call(NtTerminateThreadStub, NtArgs.of(0, a.value));
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine KiUserExceptionDispatcher = kiUserExceptionDispatcher("KERNELBASE!UnhandledExceptionFilter", NtTerminateProcessStub);

    /** The last-chance path; XP's filter lives in kernel32 and its system call enters through KiFastCallEntry. */
    static Routine kiUserExceptionDispatcher(String unhandledExceptionFilter, Routine terminateStub) {
        return Subsystems.win32Routine("ntdll!KiUserExceptionDispatcher")
                // no frame-based handler claims the exception ...
                .step("ntdll!RtlDispatchException", (k, t, f) -> next())
                // ... and the unhandled-exception filter ends the process with the exception code
                .step(unhandledExceptionFilter, (k, t, f) -> next())
                .call(terminateStub, (k, t, f) -> StepResult.call(terminateStub, NtArgs.of(-1, f.args(NtArgs.class).value)))
                .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
                .build();
    }

    /** The image's entry point for a process's first thread; a CreateThread thread's own start routine (ThreadApi). */
    static final Routine BaseThreadInitThunk = Subsystems.win32Routine("KERNEL32!BaseThreadInitThunk")
            .inline((k, t, f) -> t.startRoutine != null && ShellLaunch.startRoutine(t.startRoutine) != null
                    ? StepResult.call(ShellLaunch.startRoutine(t.startRoutine), null)
                    : StepResult.call(t.startRoutine != null ? GuestPrograms.procedureFor(t.process, t.startRoutine, k.profile)
                    : GuestPrograms.entryFor(t.process), new GuestLocals()))
            // seed 000: KERNEL32!BaseThreadInitThunk+0x14
            .returnAt(0x14)
            .call(RtlExitUserThread, (k, t, f) -> StepResult.call(RtlExitUserThread, NtArgs.of(0, f.calleeStatus)))
            .build();

    static final Routine RtlUserThreadStart = Subsystems.win32Routine("ntdll!RtlUserThreadStart").stage(7)
            .inline((k, t, f) -> {
                // a thread csrss made with RtlCreateUserThread: no kernel32 in csrss, so the start routine is called directly
                Routine csr = CsrServerThreads.startRoutineAt(k, t.win32StartAddress);
                if (csr != null) {
                    return StepResult.call(csr, new CsrApiRequests.ServerState());
                }
                ImageDescriptor image = t.process.sectionObject == null ? null : t.process.sectionObject.image;
                boolean win32 = image != null && image.imports().stream().anyMatch(i -> i.equalsIgnoreCase("kernel32.dll"));
                return win32 ? StepResult.call(BaseThreadInitThunk, null) : StepResult.call(GuestPrograms.entryFor(t.process), new GuestLocals());
            })
            // seed 000: ntdll!RtlUserThreadStart+0x21
            .returnAt(0x21)
            .stage(0)
            .call(RtlExitUserThread, (k, t, f) -> StepResult.call(RtlExitUserThread, NtArgs.of(0, f.calleeStatus)))
            .build();

    static final Routine LdrpInitializeProcess = ldrpInitializeProcess(7);

    /** The same loader tagged for the classic pipeline, where user-mode initialisation is phase 6. */
    static final Routine LdrpInitializeProcessClassic = ldrpInitializeProcess(6);

    /** The image header's default SizeOfHeapReserve (1 MB), which the process heap reserves. */
    static final long HEAP_RESERVE = 0x100000L;

    private static Routine ldrpInitializeProcess(int stage) {
        var routine = Subsystems.win32Routine("ntdll!LdrpInitializeProcess").stage(stage);
        if (stage == 6) {
            // XP: the process heap first (PEB_LDR_DATA is allocated from it); ReactOS dll/ntdll/ldr/ldrinit.c, WRK's RtlCreateHeap
            routine.step("ntdll!RtlCreateHeap", (k, t, f) -> {
                Peb peb = t.process.peb;
                long heap = MemoryManager.reserveHeap(t.process, HEAP_RESERVE);
                if (heap == 0) {
                    return ret(NtStatus.STATUS_NO_MEMORY);
                }
                // RtlpAddHeapToProcessList: the first entry of PEB.ProcessHeaps
                peb.processHeap = heap;
                peb.numberOfHeaps = 1;
                return next();
            });
        }
        return routine
            // PEB_LDR_DATA with the image and ntdll, both mapped by the kernel already
            .inline((k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                EProcess p = t.process;
                Peb.PebLdrData ldr = new Peb.PebLdrData();
                p.peb.ldr = ldr;
                VolumeFile exe = p.sectionObject.fileObject.file;
                addLoaded(ldr, exe);
                VolumeFile ntdll = k.volume.find(SYSTEM32 + "ntdll.dll");
                addLoaded(ldr, ntdll);
                Set<String> seen = new LinkedHashSet<>();
                seen.add("ntdll.dll");
                for (String dll : exe.image().imports()) {
                    order(k, dll, seen, s);
                }
                s.initOrder.add(0, SYSTEM32 + "ntdll.dll");
                s.index = 0;
                return next();
            })
            .label("map")
            .inline((k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                return s.index < s.mapOrder.size() ? next() : jump("init");
            })
            // NtMapViewOfSection of the next import, and its entry in the load-order lists
            .step("ntdll!LdrpMapDll", (k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                VolumeFile dll = k.volume.find(s.mapOrder.get(s.index));
                if (dll == null || !dll.isImage()) {
                    s.status = STATUS_DLL_NOT_FOUND;
                    return ret(STATUS_DLL_NOT_FOUND);
                }
                MemoryManager.mapImage(t.process, dll.path(), dll.image());
                addLoaded(t.process.peb.ldr, dll);
                s.index++;
                return jump("map");
            })
            .label("init")
            .inline((k, t, f) -> {
                LoaderState s = f.args(LoaderState.class);
                return s.initIndex < s.initOrder.size() ? next() : jump("done");
            })
            // DllMain(DLL_PROCESS_ATTACH) of the next DLL in initialisation order
            .call(LdrpCallInitRoutine, (k, t, f) -> StepResult.call(LdrpCallInitRoutine, f.args))
            .inline((k, t, f) -> {
                f.args(LoaderState.class).initIndex++;
                return jump("init");
            })
            .label("done")
            .inline((k, t, f) -> {
                t.process.peb.ldr.initialized = true;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
    }

    static final Routine LdrInitializeThunk = Subsystems.win32Routine("ntdll!LdrInitializeThunk").stage(7)
            .call(LdrpInitializeProcess, (k, t, f) -> t.process.peb.ldr == null
                    ? StepResult.call(LdrpInitializeProcess, new LoaderState()) : next())
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next()
                    : StepResult.call(RtlExitUserProcess, NtArgs.of(0, f.calleeStatus)))
            // resume the thread's real context: RtlUserThreadStart
            .step("ntdll!NtContinue", (k, t, f) -> new StepResult.Transfer(RtlUserThreadStart, null))
            .build();

    private static void order(Subsystems k, String dll, Set<String> seen, LoaderState s) {
        String key = dll.toLowerCase(java.util.Locale.ROOT);
        if (!seen.add(key)) {
            return;
        }
        String path = SYSTEM32 + dll;
        VolumeFile file = k.volume.find(path);
        s.mapOrder.add(file != null ? file.path() : path);
        if (file != null && file.isImage()) {
            for (String dependency : file.image().imports()) {
                order(k, dependency, seen, s);
            }
        }
        s.initOrder.add(file != null ? file.path() : path);
    }

    static void addLoaded(Peb.PebLdrData ldr, VolumeFile file) {
        LdrEntry entry = entry(file);
        ldr.inLoadOrderModuleList.add(entry);
        ldr.inMemoryOrderModuleList.add(entry);
    }

    private static LdrEntry entry(VolumeFile file) {
        ImageDescriptor image = file.image();
        return new LdrEntry(file.name(), file.path(), image.imageBase(), image.sizeOfImage(), image.imageBase() + image.addressOfEntryPoint());
    }

}
