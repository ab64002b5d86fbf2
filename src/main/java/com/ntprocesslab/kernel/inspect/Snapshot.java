package com.ntprocesslab.kernel.inspect;

import com.ntprocesslab.kernel.cm.RegistryKey;
import com.ntprocesslab.kernel.csr.CsrProcess;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.csr.CsrThread;
import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.mm.Peb;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.se.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical state tree of a machine, with NT field names. {@link #json} renders it; the
 * tree itself lets tests and graders compare projections.
 */
public final class Snapshot {
    /** Fields that differ between two machines that did the same thing at different times. */
    public static final List<String> CLOCK_FIELDS = List.of("Position", "InterruptTime", "LastCall");

    private Snapshot() {
    }

    public static String json(Kernel k) {
        return Json.write(tree(k));
    }

    public static Map<String, Object> tree(Kernel k) {
        Map<String, Object> root = new TreeMap<>();
        root.put("KernelVersion", Kernel.VERSION);
        root.put("Profile", k.profile.name());
        root.put("Position", k.position);
        root.put("InterruptTime", k.clock());
        List<Object> processes = new ArrayList<>();
        for (EProcess p : k.processes()) {
            processes.add(process(k, p));
        }
        root.put("PsActiveProcessHead", processes);
        root.put("PsIdleProcess", idle(k, k.idleProcess));
        List<Object> cids = new ArrayList<>();
        for (Map.Entry<Long, KernelObject> e : k.pspCidTable.entries().entrySet()) {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("Cid", hex(e.getKey()));
            entry.put("Object", k.platform.pointer(e.getValue().address));
            entry.put("Type", e.getValue().type.name());
            cids.add(entry);
        }
        root.put("PspCidTable", cids);
        List<Object> free = new ArrayList<>();
        k.pspCidTable.freeList().forEach(cid -> free.add(hex(cid)));
        root.put("PspCidTableFreeList", free);
        root.put("PspCidTableNextCid", hex(k.pspCidTable.peekNext()));
        List<Object> objects = new ArrayList<>();
        List<EProcess> listed = k.processes();
        for (KernelObject o : k.objects.values()) {
            // a process PspAllocateProcess is still building is on no list yet: its fields are shown here, so a student
            // stepping through the allocation watches them fill (PspInsertProcess links it into PsActiveProcessHead later)
            objects.add(o instanceof EProcess p && !listed.contains(p) ? process(k, p) : header(k, o));
        }
        root.put("ObjectDirectory", objects);
        List<Object> servers = new ArrayList<>();
        for (CsrServer server : k.csrServers.values()) {
            servers.add(csr(server));
        }
        root.put("CsrServers", servers);
        Map<String, Object> pfn = new TreeMap<>();
        pfn.put("FreeFrames", k.pfnDatabase.freeFrames());
        Map<String, Object> used = new TreeMap<>();
        for (Map.Entry<Long, String> e : k.pfnDatabase.used().entrySet()) {
            used.put(String.format("%05x", e.getKey()), e.getValue());
        }
        pfn.put("InUse", used);
        root.put("MmPfnDatabase", pfn);
        root.put("Registry", key(k.registry.root));
        List<Object> files = new ArrayList<>();
        for (VolumeFile file : k.volume.files()) {
            Map<String, Object> f = new TreeMap<>();
            f.put("Path", file.path());
            if (file.isImage()) {
                f.put("ImageBase", hex(file.image().imageBase()));
                f.put("Subsystem", file.image().subsystemName());
                f.put("Imports", file.image().imports());
            } else {
                f.put("Content", file.content());
            }
            files.add(f);
        }
        root.put("Volume", files);
        List<Object> ready = new ArrayList<>();
        for (EThread t : k.scheduler.readyQueue) {
            ready.add(hex(t.uniqueThread));
        }
        root.put("ReadyQueue", ready);
        root.put("RunningThread", k.scheduler.running == null ? null : hex(k.scheduler.running.uniqueThread));
        List<Object> armed = new ArrayList<>();
        k.faults.armed().forEach(a -> armed.add(a.label()));
        root.put("ArmedFailures", armed);
        root.put("PspCreateProcessNotifyRoutine", new ArrayList<>(k.processNotifyRoutines));
        root.put("PspCreateProcessNotifyRoutineEx", new ArrayList<>(k.extendedProcessNotifyRoutines));
        root.put("PspCreateThreadNotifyRoutine", new ArrayList<>(k.threadNotifyRoutines));
        root.put("PspLoadImageNotifyRoutine", new ArrayList<>(k.loadImageNotifyRoutines));
        root.put("PsLoadedModuleList", new ArrayList<>(k.loadedDrivers));
        List<Object> pending = new ArrayList<>();
        for (PendingCall p : k.pendingCalls) {
            Map<String, Object> call = new TreeMap<>();
            call.put("Thread", hex(p.thread().uniqueThread));
            call.put("Api", p.call().api());
            call.put("Arguments", p.call().argumentText);
            pending.add(call);
        }
        root.put("PendingCalls", pending);
        if (k.lastCall != null) {
            Map<String, Object> call = new TreeMap<>();
            call.put("Caller", hex(k.lastCall.callerPid()));
            call.put("Api", k.lastCall.api());
            call.put("Arguments", k.lastCall.arguments());
            call.put("Completed", k.lastCall.completed());
            call.put("Result", k.lastCall.result());
            root.put("LastCall", call);
        } else {
            root.put("LastCall", null);
        }
        return root;
    }

    private static Map<String, Object> idle(Kernel k, EProcess idle) {
        Map<String, Object> m = new TreeMap<>();
        m.put("Address", k.platform.pointer(idle.address));
        m.put("UniqueProcessId", hex(0));
        m.put("ImageFileName", idle.imageFileName);
        m.put("DirectoryTableBase", hex(idle.pcb.directoryTableBase));
        return m;
    }

    private static Map<String, Object> header(Kernel k, KernelObject o) {
        Map<String, Object> m = new TreeMap<>();
        m.put("Address", k.platform.pointer(o.address));
        m.put("Type", o.type.name());
        m.put("PointerCount", o.pointerCount);
        m.put("HandleCount", o.handleCount);
        m.put("Name", o.name);
        m.put("SignalState", o.signaled);
        return m;
    }

    private static Map<String, Object> process(Kernel k, EProcess p) {
        Map<String, Object> m = header(k, p);
        m.put("UniqueProcessId", hex(p.uniqueProcessId));
        m.put("InheritedFromUniqueProcessId", hex(p.inheritedFromUniqueProcessId));
        m.put("ImageFileName", p.imageFileName);
        m.put("ImagePathName", p.imagePathName);
        m.put("SessionId", p.sessionId < 0 ? null : p.sessionId);
        m.put("ActiveThreads", p.activeThreads);
        m.put("ExitStatus", hex(p.exitStatus));
        m.put("CreateTime", p.createTime);
        m.put("ExitTime", p.exitTime);
        m.put("ProcessExiting", p.processExiting);
        m.put("PriorityClass", p.priorityClass);
        m.put("QuotaBlock", p.quotaBlock);
        m.put("DeviceMap", p.deviceMap);
        m.put("DefaultHardErrorProcessing", p.defaultHardErrorProcessing);
        Map<String, Object> pcb = new TreeMap<>();
        pcb.put("DirectoryTableBase", hex(p.pcb.directoryTableBase));
        pcb.put("BasePriority", p.pcb.basePriority);
        m.put("Pcb", pcb);
        m.put("SectionObject", p.sectionObject == null ? null : k.platform.pointer(p.sectionObject.address));
        m.put("SectionBaseAddress", hex(p.sectionBaseAddress));
        m.put("Token", p.token == null ? null : token(k, p.token));
        if (p.objectTable != null) {
            Map<String, Object> table = new TreeMap<>();
            table.put("Address", k.platform.pointer(p.objectTable.address));
            table.put("HandleCount", p.objectTable.handleCount());
            List<Object> handles = new ArrayList<>();
            for (long h : p.objectTable.handles()) {
                HandleEntry e = p.objectTable.lookup(h);
                Map<String, Object> entry = new TreeMap<>();
                entry.put("Handle", hex(h));
                entry.put("Object", k.platform.pointer(e.object().address));
                entry.put("Type", e.object().type.name());
                entry.put("GrantedAccess", hex(e.grantedAccess()));
                entry.put("Inherit", e.inherit());
                entry.put("Target", target(e.object()));
                handles.add(entry);
            }
            table.put("Handles", handles);
            m.put("ObjectTable", table);
        } else {
            m.put("ObjectTable", null);
        }
        if (p.addressSpace != null) {
            List<Object> vads = new ArrayList<>();
            for (Vad vad : p.addressSpace.vadRoot.values()) {
                Map<String, Object> v = new TreeMap<>();
                v.put("StartingVpn", hex(vad.startingVpn()));
                v.put("EndingVpn", hex(vad.endingVpn()));
                v.put("Type", vad.kind());
                v.put("Mapped", vad.mapped());
                v.put("Protection", vad.protection());
                v.put("PrivateMemory", vad.privateMemory());
                vads.add(v);
            }
            m.put("VadRoot", vads);
        } else {
            m.put("VadRoot", null);
        }
        m.put("Peb", peb(p.peb));
        List<Object> threads = new ArrayList<>();
        for (EThread t : p.threadListHead.owners()) {
            threads.add(thread(k, t));
        }
        m.put("ThreadListHead", threads);
        return m;
    }

    private static String target(KernelObject o) {
        if (o instanceof EProcess p) {
            return p.imageFileName + " " + hex(p.uniqueProcessId);
        }
        if (o instanceof EThread t) {
            return "thread " + hex(t.uniqueThread);
        }
        return o.name;
    }

    private static Map<String, Object> token(Kernel k, Token t) {
        Map<String, Object> m = new TreeMap<>();
        m.put("Address", k.platform.pointer(t.address));
        m.put("User", t.user);
        m.put("IntegrityLevel", t.integrityLevel);
        m.put("SessionId", t.sessionId);
        List<Object> privileges = new ArrayList<>();
        t.privileges.forEach(pr -> privileges.add(pr.name()));
        m.put("Privileges", privileges);
        return m;
    }

    private static Map<String, Object> peb(Peb peb) {
        if (peb == null) {
            return null;
        }
        Map<String, Object> m = new TreeMap<>();
        m.put("Address", hex(peb.address));
        m.put("ImageBaseAddress", hex(peb.imageBaseAddress));
        m.put("BeingDebugged", peb.beingDebugged);
        m.put("SessionId", peb.sessionId);
        Map<String, Object> params = new TreeMap<>();
        params.put("ImagePathName", peb.imagePathName);
        params.put("CommandLine", peb.commandLine);
        params.put("CurrentDirectory", peb.currentDirectory);
        params.put("DesktopInfo", peb.desktopInfo);
        m.put("ProcessParameters", params);
        if (peb.ldr == null) {
            m.put("Ldr", null);
        } else {
            Map<String, Object> ldr = new TreeMap<>();
            ldr.put("Initialized", peb.ldr.initialized);
            ldr.put("ShutdownInProgress", peb.ldr.shutdownInProgress);
            ldr.put("InLoadOrderModuleList", modules(peb.ldr.inLoadOrderModuleList));
            ldr.put("InMemoryOrderModuleList", modules(peb.ldr.inMemoryOrderModuleList));
            ldr.put("InInitializationOrderModuleList", modules(peb.ldr.inInitializationOrderModuleList));
            m.put("Ldr", ldr);
        }
        return m;
    }

    private static List<Object> modules(List<LdrEntry> entries) {
        List<Object> result = new ArrayList<>();
        for (LdrEntry e : entries) {
            Map<String, Object> m = new TreeMap<>();
            m.put("BaseDllName", e.baseDllName());
            m.put("FullDllName", e.fullDllName());
            m.put("DllBase", hex(e.dllBase()));
            m.put("SizeOfImage", hex(e.sizeOfImage()));
            m.put("EntryPoint", hex(e.entryPoint()));
            result.add(m);
        }
        return result;
    }

    private static Map<String, Object> thread(Kernel k, EThread t) {
        Map<String, Object> m = header(k, t);
        Map<String, Object> cid = new TreeMap<>();
        cid.put("UniqueProcess", hex(t.process == null ? 0 : t.process.uniqueProcessId));
        cid.put("UniqueThread", hex(t.uniqueThread));
        m.put("Cid", cid);
        Map<String, Object> tcb = new TreeMap<>();
        tcb.put("State", t.tcb.state.name());
        tcb.put("Priority", t.tcb.priority);
        tcb.put("BasePriority", t.tcb.basePriority);
        tcb.put("SuspendCount", t.tcb.suspendCount);
        if (k.platform.x86) {
            tcb.put("Irql", t.tcb.irql);
        }
        tcb.put("WaitReason", t.tcb.waitReason == null ? null : t.tcb.waitReason.name());
        tcb.put("Alertable", t.tcb.alertable);
        tcb.put("WaitObject", t.tcb.waitObject == null ? null : k.platform.pointer(((KernelObject) t.tcb.waitObject).address));
        List<Object> kernelApcs = new ArrayList<>();
        for (Apc apc : t.tcb.kernelApcQueue) {
            kernelApcs.add(apc.routine());
        }
        List<Object> userApcs = new ArrayList<>();
        for (Apc apc : t.tcb.userApcQueue) {
            userApcs.add(apc.routine());
        }
        Map<String, Object> apcState = new TreeMap<>();
        apcState.put("KernelApcListHead", kernelApcs);
        apcState.put("UserApcListHead", userApcs);
        apcState.put("UserApcPending", t.tcb.userApcPending);
        tcb.put("ApcState", apcState);
        m.put("Tcb", tcb);
        m.put("StartAddress", hex(t.startAddress));
        m.put("Win32StartAddress", hex(t.win32StartAddress));
        m.put("ExitStatus", hex(t.exitStatus));
        m.put("CreateTime", t.createTime);
        m.put("StackBase", hex(t.stackBase));
        m.put("StackLimit", hex(t.stackLimit));
        if (t.teb != null) {
            Map<String, Object> teb = new TreeMap<>();
            teb.put("Address", hex(t.teb.address));
            teb.put("LastErrorValue", t.teb.lastErrorValue);
            teb.put("LastStatusValue", hex(t.teb.lastStatusValue));
            m.put("Teb", teb);
        } else {
            m.put("Teb", null);
        }
        m.put("Frames", k.engine.stackTrace(t));
        Location here = k.engine.location(t);
        m.put("Stage", here == null ? null : here.stage());
        return m;
    }

    private static Map<String, Object> csr(CsrServer server) {
        Map<String, Object> m = new TreeMap<>();
        m.put("SessionId", server.sessionId);
        m.put("Csrss", hex(server.csrss.uniqueProcessId));
        m.put("SessionProcessCount", server.sessionProcessCount);
        List<Object> processes = new ArrayList<>();
        for (CsrProcess p : server.processes) {
            Map<String, Object> cp = new TreeMap<>();
            cp.put("ClientId", hex(p.uniqueProcess));
            cp.put("ImageName", p.imageName);
            cp.put("ProcessHandle", hex(p.processHandle));
            cp.put("ShutdownLevel", hex(p.shutdownLevel));
            cp.put("SequenceNumber", p.sequenceNumber);
            List<Object> threads = new ArrayList<>();
            for (CsrThread t : p.threadList) {
                Map<String, Object> ct = new TreeMap<>();
                ct.put("ClientId", hex(t.uniqueThread));
                ct.put("ThreadHandle", hex(t.threadHandle));
                ct.put("Flags", hex(t.flags));
                threads.add(ct);
            }
            cp.put("ThreadList", threads);
            processes.add(cp);
        }
        m.put("ProcessList", processes);
        return m;
    }

    private static Map<String, Object> key(RegistryKey key) {
        Map<String, Object> m = new TreeMap<>();
        Map<String, Object> values = new TreeMap<>();
        key.values.forEach(values::put);
        m.put("Values", values);
        Map<String, Object> subkeys = new TreeMap<>();
        for (RegistryKey sub : key.subkeys.values()) {
            subkeys.put(sub.name, key(sub));
        }
        m.put("Subkeys", subkeys);
        return m;
    }

    private static String hex(long v) {
        return Format.hex(v);
    }

}
