package com.ntprocesslab.kernel.machine;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.RegistryKey;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.RoutinePublisher;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NotifyInfo;
import com.ntprocesslab.kernel.ps.NotifyRoutines;
import java.util.List;
import java.util.Locale;

/**
 * Kernel drivers of the machine, as guest programs are its user-mode images: the callbacks
 * Windows 10's boot drivers register (CNG and Defender's WdFilter, registered at boot), and
 * procmon.sys, a process monitor a student loads with NtLoadDriver. procmon registers a
 * process notify routine of the Ex kind and denies the creation of the image named by its
 * {@code Parameters\BlockImage} value, as security products do through PS_CREATE_NOTIFY_INFO.
 */
public final class GuestDrivers implements RoutinePublisher {
    public static final String PROCMON_PARAMETERS = "HKLM\\SYSTEM\\CurrentControlSet\\Services\\procmon\\Parameters";
    static final String PROCMON_PROCESS = "procmon!ProcmonCreateProcessNotifyRoutineEx";
    static final String PROCMON_THREAD = "procmon!ProcmonCreateThreadNotifyRoutine";
    static final String PROCMON_IMAGE = "procmon!ProcmonLoadImageNotifyRoutine";

    /** Each driver's image base, laid out in system space above nt. */
    static final java.util.Map<String, Long> BASES = java.util.Map.of(
            "cng", 0xfffff8025a8a0000L, "WdFilter", 0xfffff8025a6d0000L, "procmon", 0xfffff8025b2e0000L);

    private static NotifyInfo registering(String routine) {
        NotifyInfo n = new NotifyInfo();
        n.routine = routine;
        return n;
    }

    /** DriverEntry: the three callbacks, in the order a monitor needs them; the first failure is the driver's. */
    static final Routine ProcmonDriverEntry = Executive.routine("procmon!DriverEntry").kernelModule()
            .call(NotifyRoutines.PsSetCreateProcessNotifyRoutineEx, (k, t, f) ->
                    StepResult.call(NotifyRoutines.PsSetCreateProcessNotifyRoutineEx, registering(PROCMON_PROCESS)))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : ret(f.calleeStatus))
            .call(NotifyRoutines.PsSetCreateThreadNotifyRoutine, (k, t, f) ->
                    StepResult.call(NotifyRoutines.PsSetCreateThreadNotifyRoutine, registering(PROCMON_THREAD)))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : ret(f.calleeStatus))
            .call(NotifyRoutines.PsSetLoadImageNotifyRoutine, (k, t, f) ->
                    StepResult.call(NotifyRoutines.PsSetLoadImageNotifyRoutine, registering(PROCMON_IMAGE)))
            .returnCalleeStatus()
            .build();

    /** Denies the creation when the new image's file name is the one BlockImage names. */
    static final Routine ProcmonCreateProcessNotifyRoutineEx = Executive.routine(PROCMON_PROCESS).stage(4).kernelModule()
            .inline((k, t, f) -> {
                NotifyInfo n = f.args(NotifyInfo.class);
                RegistryKey parameters = k.registry.openKey(PROCMON_PARAMETERS);
                String blocked = parameters == null ? null : parameters.values.get("BlockImage");
                if (n.create && blocked != null && !blocked.isBlank() && fileName(n.imageFileName).equalsIgnoreCase(blocked.trim())) {
                    n.creationStatus = NtStatus.STATUS_ACCESS_DENIED;
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    static final Routine ProcmonCreateThreadNotifyRoutine = observer(PROCMON_THREAD);
    static final Routine ProcmonLoadImageNotifyRoutine = observer(PROCMON_IMAGE);
    static final Routine CngCreateProcessNotifyRoutine = observer("cng!CngCreateProcessNotifyRoutine");
    static final Routine MpCreateProcessNotifyRoutineEx = observer("WdFilter!MpCreateProcessNotifyRoutineEx");
    static final Routine MpCreateThreadNotifyRoutine = observer("WdFilter!MpCreateThreadNotifyRoutine");

    /** A callback that looks and lets the creation go on (what it records is the driver's business). */
    private static Routine observer(String symbol) {
        return Executive.routine(symbol).kernelModule()
                .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
                .build();
    }

    private static String fileName(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The callbacks boot-start drivers registered before smss ran (the machine does not run
     * their DriverEntry): CNG's process routine, WdFilter's Ex process routine and its thread routine.
     * Windows XP SP3 has neither driver (cng.sys and Defender's WdFilter.sys came with Vista,
     * PsSetCreateProcessNotifyRoutineEx with Vista SP1): the classic machine boots with empty tables.
     */
    static void registerBootDriverCallbacks(Executive k) {
        if (k.profile == Profile.CLASSIC) {
            return;
        }
        k.processNotifyRoutines.addAll(List.of(CngCreateProcessNotifyRoutine.symbol(), MpCreateProcessNotifyRoutineEx.symbol()));
        k.extendedProcessNotifyRoutines.add(MpCreateProcessNotifyRoutineEx.symbol());
        k.threadNotifyRoutines.add(MpCreateThreadNotifyRoutine.symbol());
    }

    @Override
    public List<Routine> shared() {
        return List.of(CngCreateProcessNotifyRoutine, MpCreateProcessNotifyRoutineEx, MpCreateThreadNotifyRoutine);
    }

    /** procmon.sys imports PsSetCreateProcessNotifyRoutineEx, which Windows XP's kernel does not export. */
    @Override
    public List<Routine> only(Profile profile) {
        return profile == Profile.MODERN
                ? List.of(ProcmonDriverEntry, ProcmonCreateProcessNotifyRoutineEx, ProcmonCreateThreadNotifyRoutine, ProcmonLoadImageNotifyRoutine)
                : List.of();
    }
}
