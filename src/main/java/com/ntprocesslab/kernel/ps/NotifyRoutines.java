package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.DebugEvent;
import com.ntprocesslab.kernel.ob.DebugObject;
import java.util.List;

/**
 * The process manager's callbacks (ReactOS ps/psnotify.c, WRK ps/psquery.c): drivers register
 * process, thread and load-image notify routines in PspCreateProcessNotifyRoutine,
 * PspCreateThreadNotifyRoutine and PspLoadImageNotifyRoutine (64 slots each on x64,
 * PSP_MAX_CREATE_PROCESS_NOTIFY; 8 on x86), and the creating thread calls each one in slot
 * order: process routines when the first thread is inserted (PspInsertThread), thread routines
 * for every thread, image routines when an image is mapped.
 */
public final class NotifyRoutines {
    /** PSP_MAX_CREATE_PROCESS_NOTIFY, PSP_MAX_CREATE_THREAD_NOTIFY and PSP_MAX_LOAD_IMAGE_NOTIFY. */
    public static int slots(Executive k) {
        return k.profile == com.ntprocesslab.kernel.Profile.CLASSIC ? 8 : 64;
    }

    private NotifyRoutines() {
    }

    /** Where slot {@code slot}'s EX_CALLBACK_ROUTINE_BLOCK of callback table {@code table} (0 process, 1 thread, 2 image) lives. */
    public static long callbackBlock(int table, int slot) {
        return 0xffffa08f0a100000L + table * 0x1000L + slot * 0x20L;
    }

    private static NotifyInfo info(Frame f) {
        return f.args(NotifyInfo.class);
    }

    /**
     * Adds or removes a process notify routine. An Ex routine is counted apart
     * (PspCreateProcessNotifyRoutineExCount) and gets PS_CREATE_NOTIFY_INFO; a full table is
     * STATUS_INVALID_PARAMETER and removing an unknown routine STATUS_PROCEDURE_NOT_FOUND, as
     * the PsSetCreateProcessNotifyRoutine documentation states.
     */
    static final Routine PspSetCreateProcessNotifyRoutine = Executive.routine("nt!PspSetCreateProcessNotifyRoutine")
            .inline((k, t, f) -> info(f).remove ? jump("remove") : next())
            // the EX_CALLBACK_ROUTINE_BLOCK that the slot will point to
            .step("nt!ExAllocateCallBack", (k, t, f) -> k.processNotifyRoutines.size() >= slots(k)
                    ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next())
            .step("nt!ExCompareExchangeCallBack", (k, t, f) -> {
                NotifyInfo n = info(f);
                k.processNotifyRoutines.add(n.routine);
                if (n.extended) {
                    k.extendedProcessNotifyRoutines.add(n.routine);
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .label("remove")
            .step("nt!ExCompareExchangeCallBack", (k, t, f) -> {
                NotifyInfo n = info(f);
                boolean registeredAsAsked = k.processNotifyRoutines.contains(n.routine)
                        && k.extendedProcessNotifyRoutines.contains(n.routine) == n.extended;
                if (!registeredAsAsked) {
                    return ret(NtStatus.STATUS_PROCEDURE_NOT_FOUND);
                }
                k.processNotifyRoutines.remove(n.routine);
                k.extendedProcessNotifyRoutines.remove(n.routine);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    static final Routine PsSetCreateProcessNotifyRoutine = Executive.routine("nt!PsSetCreateProcessNotifyRoutine")
            .tailCall(PspSetCreateProcessNotifyRoutine, (k, t, f) -> {
                info(f).extended = false;
                return StepResult.call(PspSetCreateProcessNotifyRoutine, f.args);
            })
            .build();

    public static final Routine PsSetCreateProcessNotifyRoutineEx = Executive.routine("nt!PsSetCreateProcessNotifyRoutineEx")
            .tailCall(PspSetCreateProcessNotifyRoutine, (k, t, f) -> {
                info(f).extended = true;
                return StepResult.call(PspSetCreateProcessNotifyRoutine, f.args);
            })
            .build();

    /** PsSetCreateProcessNotifyRoutineEx2 with PsCreateProcessNotifySubsystems: the Ex routine's contract. */
    static final Routine PsSetCreateProcessNotifyRoutineEx2 = Executive.routine("nt!PsSetCreateProcessNotifyRoutineEx2")
            .tailCall(PspSetCreateProcessNotifyRoutine, (k, t, f) -> {
                info(f).extended = true;
                return StepResult.call(PspSetCreateProcessNotifyRoutine, f.args);
            })
            .build();

    /** A full table is STATUS_INSUFFICIENT_RESOURCES (PsSetCreateThreadNotifyRoutine documentation). */
    public static final Routine PsSetCreateThreadNotifyRoutine = register("nt!PsSetCreateThreadNotifyRoutine", false);

    /** Also turns PsImageNotifyEnabled on: from now on, mapping an image calls the routines. */
    public static final Routine PsSetLoadImageNotifyRoutine = register("nt!PsSetLoadImageNotifyRoutine", true);

    private static Routine register(String symbol, boolean image) {
        return Executive.routine(symbol)
                .step("nt!ExAllocateCallBack", (k, t, f) -> (image ? k.loadImageNotifyRoutines : k.threadNotifyRoutines).size() >= slots(k)
                        ? ret(NtStatus.STATUS_INSUFFICIENT_RESOURCES) : next())
                .step("nt!ExCompareExchangeCallBack", (k, t, f) -> {
                    (image ? k.loadImageNotifyRoutines : k.threadNotifyRoutines).add(info(f).routine);
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    /**
     * Calls every process notify routine for a process being created, on the creating thread.
     * An Ex routine that sets CreationStatus to an error stops the creation with that status
     * (PS_CREATE_NOTIFY_INFO documentation: "Drivers can change this value to an error code to
     * prevent the process from being created").
     */
    static final Routine PspCallProcessNotifyRoutines = Executive.routine("nt!PspCallProcessNotifyRoutines")
            .label("next")
            .inline((k, t, f) -> {
                NotifyInfo n = info(f);
                List<String> routines = k.processNotifyRoutines;
                if (n.index >= routines.size()) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                n.routine = routines.get(n.index);
                n.extended = k.extendedProcessNotifyRoutines.contains(n.routine);
                n.index++;
                return StepResult.call(k.routineNamed(n.routine), n);
            })
            .inline((k, t, f) -> {
                NotifyInfo n = info(f);
                return n.extended && !NtStatus.success(n.creationStatus) ? ret(n.creationStatus) : jump("next");
            })
            .build();

    static final Routine PspCallThreadNotifyRoutines = callEach("nt!PspCallThreadNotifyRoutines", false);

    /** PsCallImageNotifyRoutines: MmMapViewOfSection calls it for every image it maps while routines are registered. */
    public static final Routine PsCallImageNotifyRoutines = callEach("nt!PsCallImageNotifyRoutines", true);

    private static Routine callEach(String symbol, boolean image) {
        return Executive.routine(symbol)
                .label("next")
                .inline((k, t, f) -> {
                    NotifyInfo n = info(f);
                    List<String> routines = image ? k.loadImageNotifyRoutines : k.threadNotifyRoutines;
                    if (n.index >= routines.size()) {
                        return ret(NtStatus.STATUS_SUCCESS);
                    }
                    n.routine = routines.get(n.index);
                    n.index++;
                    return StepResult.call(k.routineNamed(n.routine), n);
                })
                .inline((k, t, f) -> jump("next"))
                .build();
    }

    /**
     * The new thread's first kernel code reports it (WRK dbgk/dbgkproc.c DbgkCreateThread):
     * for a process's first thread Windows 10 calls the load-image routines here for the
     * process's image and ntdll, now that they run in the new process with its ID
     * (DbgkCreateThread is PsCallImageNotifyRoutines' caller for them; later images are
     * reported by MiMapViewOfImageSection, drivers by MiDriverLoadSucceeded). Then, when the
     * process has a DebugPort, the debugger hears of it: the first thread sends the
     * create-process message and ntdll's load-dll message, any later thread a create-thread
     * message, each waiting in DbgkpSendApiMessage until the debugger continues.
     */
    static final Routine DbgkCreateThread = Executive.routine("nt!DbgkCreateThread")
            .inline((k, t, f) -> {
                t.process.announced = true;
                if (t.process.imagesReported || !imageNotifyEnabled(k) || t.process.sectionObject == null) {
                    return debugged(t) ? jump("debug") : ret(NtStatus.STATUS_SUCCESS);
                }
                t.process.imagesReported = true;
                EProcess p = t.process;
                return StepResult.call(PsCallImageNotifyRoutines,
                        imageMapped(p, p.imagePathName, p.sectionBaseAddress, p.sectionObject.image.sizeOfImage()));
            })
            .inline((k, t, f) -> {
                var ntdll = k.volume.find(CreationSupport.NTDLL);
                return StepResult.call(PsCallImageNotifyRoutines, imageMapped(t.process, "\\SystemRoot\\System32\\ntdll.dll",
                        ntdll.image().imageBase(), ntdll.image().sizeOfImage()));
            })
            .label("debug")
            // no DebugPort: nothing more to report (WRK: if (Process->DebugPort == NULL) return)
            .inline((k, t, f) -> {
                if (!debugged(t)) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                // the first thread reports the process (DbgKmCreateProcessApi), any later one itself (DbgKmCreateThreadApi)
                int code = firstThread(t) ? DebugEvent.CREATE_PROCESS_DEBUG_EVENT : DebugEvent.CREATE_THREAD_DEBUG_EVENT;
                return StepResult.call(DebugEvents.DbgkpSendApiMessage, new DebugEvent(code, t.process.uniqueProcessId, t.uniqueThread));
            })
            // then ntdll, mapped into every process (DbgKmLoadDllApi for the system DLL)
            .inline((k, t, f) -> firstThread(t) && debugged(t)
                    ? StepResult.call(DebugEvents.DbgkpSendApiMessage,
                            new DebugEvent(DebugEvent.LOAD_DLL_DEBUG_EVENT, t.process.uniqueProcessId, t.uniqueThread))
                    : ret(NtStatus.STATUS_SUCCESS))
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    private static boolean debugged(EThread t) {
        return t.process.debugPort instanceof DebugObject;
    }

    /** The process's first thread: the one its creation made, first on ThreadListHead. */
    private static boolean firstThread(EThread t) {
        var threads = t.process.threadListHead.owners();
        return !threads.isEmpty() && threads.get(0) == t;
    }

    /** PS_CREATE_NOTIFY_INFO for the process whose first thread is being inserted. */
    static NotifyInfo processCreated(EProcess process, EThread thread, String commandLine) {
        NotifyInfo n = new NotifyInfo();
        n.create = true;
        n.process = process;
        n.thread = thread;
        n.processId = process.uniqueProcessId;
        n.parentProcessId = process.inheritedFromUniqueProcessId;
        n.imageFileName = process.imagePathName;
        n.commandLine = commandLine;
        n.creationStatus = NtStatus.STATUS_SUCCESS;
        return n;
    }

    static NotifyInfo threadCreated(EThread thread) {
        NotifyInfo n = new NotifyInfo();
        n.create = true;
        n.thread = thread;
        n.process = thread.process;
        n.processId = thread.process.uniqueProcessId;
        n.threadId = thread.uniqueThread;
        return n;
    }

    /** The image just mapped into {@code process} (process ID 0 for a driver loaded into system space). */
    public static NotifyInfo imageMapped(EProcess process, String imageName, long base, long size) {
        NotifyInfo n = new NotifyInfo();
        n.process = process;
        n.processId = process == null ? 0 : process.uniqueProcessId;
        n.imageFileName = imageName;
        n.imageBase = base;
        n.imageSize = size;
        return n;
    }

    /** Whether a mapping must call PsCallImageNotifyRoutines (WRK's PsImageNotifyEnabled). */
    public static boolean imageNotifyEnabled(Executive k) {
        return !k.loadImageNotifyRoutines.isEmpty();
    }
}
