package com.ntprocesslab.kernel.io;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.cm.RegistryKey;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.EventObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NotifyRoutines;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.se.Privilege;
import java.util.Locale;

/**
 * Loading a kernel driver (ReactOS io/iomgr/driver.c): NtLoadDriver checks
 * SeLoadDriverPrivilege and queues the load to a system worker thread (IopLoadUnloadDriver),
 * so DriverEntry runs in the System process whoever asked; the caller waits for it. IopLoadDriver
 * reads the service key's ImagePath, maps the image into system space (MmLoadSystemImage, which
 * tells the load-image routines with process ID 0) and calls DriverEntry.
 */
public final class DriverLoading {
    static final String SERVICES_KEY = "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";

    private DriverLoading() {
    }

    private static DriverLoad load(Frame f) {
        return f.args(DriverLoad.class);
    }

    static final Routine IopLoadDriver = Executive.routine("nt!IopLoadDriver")
            // the service key and its ImagePath (\SystemRoot\System32\drivers\<service>.sys when absent)
            .step("nt!IopOpenRegistryKeyEx", (k, t, f) -> {
                DriverLoad d = load(f);
                RegistryKey key = k.registry.openKey("HKLM\\SYSTEM\\CurrentControlSet\\Services\\" + d.serviceName);
                if (key == null) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
                }
                d.imagePath = key.values.getOrDefault("ImagePath", "\\SystemRoot\\System32\\drivers\\" + d.serviceName + ".sys");
                d.imageFile = dosPath(d.imagePath);
                return next();
            })
            .step("nt!MmLoadSystemImage", (k, t, f) -> {
                DriverLoad d = load(f);
                if (k.loadedDrivers.contains(d.serviceName)) {
                    return ret(NtStatus.STATUS_IMAGE_ALREADY_LOADED);
                }
                VolumeFile file = d.imageFile == null ? null : k.volume.find(d.imageFile);
                if (file == null) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
                }
                if (!file.isImage() || file.image().subsystem() != ImageDescriptor.IMAGE_SUBSYSTEM_NATIVE || !file.image().dll()) {
                    return ret(NtStatus.STATUS_INVALID_IMAGE_FORMAT);
                }
                d.imageBase = file.image().imageBase();
                k.loadedDrivers.add(d.serviceName);
                return next();
            })
            .inline((k, t, f) -> NotifyRoutines.imageNotifyEnabled(k) ? next() : jump("entry"))
            .call(NotifyRoutines.PsCallImageNotifyRoutines, (k, t, f) -> {
                DriverLoad d = load(f);
                VolumeFile file = k.volume.find(d.imageFile);
                return StepResult.call(NotifyRoutines.PsCallImageNotifyRoutines,
                        NotifyRoutines.imageMapped(null, d.imagePath, d.imageBase, file.image().sizeOfImage()));
            })
            .label("entry")
            // DriverEntry(DriverObject, RegistryPath): the driver registers what it needs
            .inline((k, t, f) -> {
                DriverLoad d = load(f);
                Routine entry = k.routineNamed(moduleOf(d) + "!DriverEntry");
                if (entry == null) {
                    // it imports what this kernel does not export (MiResolveImageReferences): procmon needs Vista's Ex routine
                    k.loadedDrivers.remove(d.serviceName);
                    return ret(NtStatus.STATUS_PROCEDURE_NOT_FOUND);
                }
                return StepResult.call(entry, d);
            })
            // a failing DriverEntry unloads the image again (MmUnloadSystemImage)
            .inline((k, t, f) -> {
                if (!NtStatus.success(f.calleeStatus)) {
                    k.loadedDrivers.remove(load(f).serviceName);
                }
                return ret(f.calleeStatus);
            })
            .build();

    /** The work item on the system worker thread: load, report the status, wake the caller. */
    static final Routine IopLoadUnloadDriver = Executive.routine("nt!IopLoadUnloadDriver")
            .call(IopLoadDriver)
            .step("nt!KeSetEvent", (k, t, f) -> {
                DriverLoad d = load(f);
                d.status = f.calleeStatus;
                k.scheduler.signal(d.event, k.threads());
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine NtLoadDriver = Executive.routine("nt!NtLoadDriver")
            .step("nt!SeSinglePrivilegeCheck", (k, t, f) -> t.process.token != null
                    && t.process.token.privileges.contains(Privilege.SeLoadDriverPrivilege) ? next() : ret(NtStatus.STATUS_PRIVILEGE_NOT_HELD))
            // the name must be a key under Services; the work goes to the System process's worker thread
            .step("nt!ExQueueWorkItem", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                String path = a.name == null ? "" : a.name;
                if (!path.toLowerCase(Locale.ROOT).startsWith(SERVICES_KEY.toLowerCase(Locale.ROOT))
                        || path.length() == SERVICES_KEY.length() || path.indexOf('\\', SERVICES_KEY.length()) >= 0) {
                    return ret(NtStatus.STATUS_OBJECT_NAME_INVALID);
                }
                DriverLoad d = new DriverLoad();
                d.registryPath = path;
                d.serviceName = path.substring(SERVICES_KEY.length());
                d.event = ObjectManager.ObCreateObject(k, new EventObject(), null);
                a.referenced = d.event;
                a.load = d;
                EThread worker = k.systemProcess.threadListHead.owners().get(0);
                Frame item = new Frame(IopLoadUnloadDriver, d);
                item.injected = true;
                worker.frames.add(item);
                k.scheduler.ready(worker);
                return next();
            })
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (!a.referenced.signaled) {
                    k.scheduler.waitOn(t, a.referenced, KWaitReason.Executive);
                    return StepResult.BLOCK;
                }
                DriverLoad d = (DriverLoad) a.load;
                EventObject event = d.event;
                a.referenced = null;
                a.load = null;
                ObjectManager.ObDereferenceObject(k, event);
                return ret(d.status);
            })
            .build();

    /** \SystemRoot\System32\drivers\x.sys (or \??\C:\...) as a path on the volume. */
    static String dosPath(String imagePath) {
        if (imagePath.regionMatches(true, 0, "\\SystemRoot\\", 0, 12)) {
            return "C:\\Windows\\" + imagePath.substring(12);
        }
        if (imagePath.regionMatches(true, 0, "System32\\", 0, 9)) {
            return "C:\\Windows\\" + imagePath;
        }
        if (imagePath.startsWith("\\??\\")) {
            return imagePath.substring(4);
        }
        return null;
    }

    private static String moduleOf(DriverLoad d) {
        String file = d.imageFile.substring(d.imageFile.lastIndexOf('\\') + 1);
        return file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    }
}
