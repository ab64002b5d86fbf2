package com.ntprocesslab.kernel.inspect;

import com.ntprocesslab.kernel.csr.CsrProcess;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.mm.AddressSpace;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.PortMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the whole machine: reference and handle counts against the references that really
 * exist, the CID table, list links, thread counts, handles to dead objects, VAD bounds,
 * CSR bookkeeping. Every violation is one sentence.
 */
public final class InvariantChecker {
    private InvariantChecker() {
    }

    /** The first user-mode routine standing above a kernel-mode frame on {@code t}'s stack, or null. */
    private static String userFrameAboveKernel(EThread t) {
        boolean kernel = false;
        for (Frame f : t.frames) {
            if (f.routine.kernelMode()) {
                kernel = true;
            } else if (kernel) {
                return f.routine.symbol();
            }
        }
        return null;
    }

    public static List<String> check(Kernel k) {
        List<String> problems = new ArrayList<>();
        Map<Long, long[]> expected = new TreeMap<>();
        IdentityHashMap<Object, Boolean> countedArgs = new IdentityHashMap<>();
        Set<KernelObject> beingDeleted = beingDeleted(k);
        for (KernelObject o : k.objects.values()) {
            expected.put(o.address, new long[2]);
        }
        for (KernelObject o : k.objects.values()) {
            o.forEachReference(target -> count(k, expected, problems, o.describe(), target, 0));
        }
        if (k.systemProcess != null) {
            count(k, expected, problems, "PsInitialSystemProcess", k.systemProcess, 0);
        }
        checkLinks(k.psActiveProcessHead, "PsActiveProcessHead", problems);
        // every process object's table counts, listed or not: one being created already holds its inherited handles
        for (KernelObject o : k.objects.values()) {
            if (o instanceof EProcess p && p.objectTable != null) {
                HandleTable table = p.objectTable;
                int entries = 0;
                for (long h : table.handles()) {
                    HandleEntry e = table.lookup(h);
                    entries++;
                    if (e.object().deleted) {
                        problems.add("Handle 0x" + Long.toHexString(h) + " of " + p.describe() + " refers to deleted " + e.object().describe() + ".");
                    }
                    count(k, expected, problems, "handle of " + p.describe(), e.object(), 1);
                }
                if (entries != table.handleCount()) {
                    problems.add("HandleCount of " + p.describe() + " is " + table.handleCount() + " but the table holds " + entries + " handles.");
                }
            }
        }
        for (EProcess p : k.processes()) {
            if (p.deleted && !beingDeleted.contains(p)) {
                problems.add("PsActiveProcessHead holds deleted " + p.describe() + ".");
            }
            checkLinks(p.threadListHead, "ThreadListHead of " + p.describe(), problems);
            int active = 0;
            for (EThread t : p.threadListHead.owners()) {
                if (t.process != p) {
                    problems.add(t.describe() + " is on the thread list of " + p.describe() + " but points elsewhere.");
                }
                if (t.tcb.state != KThreadState.Terminated) {
                    active++;
                }
                // user-mode code always runs at PASSIVE_LEVEL; a raised IRQL belongs to kernel code
                if (t.top() != null && !t.top().routine.kernelMode() && t.tcb.irql != 0) {
                    problems.add(t.describe() + " runs user-mode code at IRQL " + t.tcb.irql + ".");
                }
                // a thread enters the kernel from user mode and leaves it the same way: its kernel frames are the top of its
                // stack (a system thread has no user mode: the Rtl routines it calls at boot are the kernel's own copies)
                String under = t.systemThread ? null : userFrameAboveKernel(t);
                if (under != null) {
                    problems.add(t.describe() + " runs user-mode " + under + " above kernel frames it could not have returned from.");
                }
                if (t.systemThread && t.teb != null) {
                    problems.add(t.describe() + " is a system thread with a TEB.");
                }
                countFrames(k, expected, problems, t, countedArgs);
            }
            if (active != p.activeThreads) {
                problems.add("ActiveThreads of " + p.describe() + " is " + p.activeThreads + " but " + active + " threads are not terminated.");
            }
            checkAddressSpace(k, p, problems);
        }
        for (Map.Entry<Long, KernelObject> e : k.pspCidTable.entries().entrySet()) {
            KernelObject o = e.getValue();
            if (o.deleted && !beingDeleted.contains(o) || !k.objects.containsKey(o.address)) {
                problems.add("CID 0x" + Long.toHexString(e.getKey()) + " points to a deleted " + o.type + ".");
            }
            long id = o instanceof EProcess p ? p.uniqueProcessId : o instanceof EThread t ? t.uniqueThread : -1;
            if (id != e.getKey()) {
                problems.add("CID 0x" + Long.toHexString(e.getKey()) + " points to " + o.describe() + " whose ID is 0x" + Long.toHexString(id) + ".");
            }
        }
        for (KernelObject o : k.objects.values()) {
            long[] counts = expected.get(o.address);
            if (o.handleCount != counts[1]) {
                problems.add(o.describe() + " has HandleCount " + o.handleCount + " but " + counts[1] + " handles refer to it.");
            }
            if (o.pointerCount != counts[0]) {
                problems.add(o.describe() + " has PointerCount " + o.pointerCount + " but " + counts[0] + " references exist.");
            }
            if (o.pointerCount == 0 && o.handleCount == 0 && !o.permanent && !o.deleted) {
                problems.add(o.describe() + " has no references left but was not deleted.");
            }
            if (o.deleted && !beingDeleted.contains(o)) {
                problems.add(o.describe() + " is deleted but still in the object table, and no thread runs its delete procedure.");
            }
            if (o instanceof EProcess p && !beingDeleted.contains(p) && p.uniqueProcessId != 0 && k.pspCidTable.lookup(p.uniqueProcessId) != p) {
                problems.add(p.describe() + " is missing from PspCidTable.");
            }
        }
        for (CsrServer server : k.csrServers.values()) {
            int counted = 0;
            for (CsrProcess cp : server.processes) {
                KernelObject o = k.pspCidTable.lookup(cp.uniqueProcess);
                // between a process's end and csrss taking its LPC_CLIENT_DIED message, the record rightly remains
                if ((!(o instanceof EProcess p) || !p.alive()) && !deathQueued(server, cp.uniqueProcess)) {
                    problems.add("CSR_PROCESS for 0x" + Long.toHexString(cp.uniqueProcess) + " in session " + server.sessionId + " has no live process.");
                }
                if (cp.uniqueProcess != server.csrss.uniqueProcessId) {
                    counted++;
                }
            }
            if (counted != server.sessionProcessCount) {
                problems.add("Session " + server.sessionId + " process count is " + server.sessionProcessCount + " but " + counted + " CSR_PROCESS records exist.");
            }
        }
        return problems;
    }

    /**
     * Objects whose delete procedure runs as steps (ObpRemoveObjectRoutine on some thread's
     * stack): their counts are zero and they stay in place, marked deleted, until ObpFreeObject.
     */
    private static Set<KernelObject> beingDeleted(Kernel k) {
        Set<KernelObject> deleting = Collections.newSetFromMap(new IdentityHashMap<>());
        for (KernelObject o : k.objects.values()) {
            if (o instanceof EThread t) {
                for (Frame f : t.frames) {
                    if (f.args instanceof NtArgs a && a.deleting != null) {
                        deleting.add(a.deleting);
                    }
                }
            }
        }
        return deleting;
    }

    private static boolean deathQueued(CsrServer server, long pid) {
        if (server.apiPort == null) {
            return false;
        }
        PortMessage taken = server.apiPort.inService;
        if (taken != null && taken.type == PortMessage.LPC_CLIENT_DIED && taken.clientProcess == pid) {
            return true;
        }
        for (PortMessage m : server.apiPort.queue) {
            if (m.type == PortMessage.LPC_CLIENT_DIED && m.clientProcess == pid) {
                return true;
            }
        }
        return false;
    }

    /** {@code seen} spans every thread: a message csrss reads on its stack is the creator's same block, one set of references. */
    private static void countFrames(Kernel k, Map<Long, long[]> expected, List<String> problems, EThread t, IdentityHashMap<Object, Boolean> seen) {
        for (Frame f : t.frames) {
            if (f.args instanceof HoldsReferences holder && seen.put(holder, Boolean.TRUE) == null) {
                holder.forEachReference(target -> count(k, expected, problems, "a frame of " + t.describe(), target, 0));
            }
        }
    }

    private static void count(Kernel k, Map<Long, long[]> expected, List<String> problems, String from, KernelObject target, int handle) {
        long[] counts = expected.get(target.address);
        if (counts == null || target.deleted) {
            problems.add(from + " refers to " + target.describe() + ", which is deleted.");
            return;
        }
        counts[0]++;
        counts[1] += handle;
    }

    private static <T> void checkLinks(ListEntry<T> head, String name, List<String> problems) {
        int guard = 0;
        for (ListEntry<T> e = head.flink; e != head; e = e.flink) {
            if (e.flink.blink != e || e.blink.flink != e) {
                problems.add(name + " has inconsistent Flink/Blink links.");
                return;
            }
            if (++guard > 100_000) {
                problems.add(name + " does not return to its head.");
                return;
            }
        }
    }

    private static void checkAddressSpace(Kernel k, EProcess p, List<String> problems) {
        AddressSpace space = p.addressSpace;
        if (space == null) {
            return;
        }
        long previousEnd = -1;
        for (Vad vad : space.vadRoot.values()) {
            if (vad.start() < AddressSpace.LOWEST_USER_ADDRESS || vad.end() > k.platform.highestUserAddress()) {
                problems.add("VAD " + Long.toHexString(vad.start()) + " (" + vad.mapped() + ") of " + p.describe() + " lies outside the user address space.");
            }
            if (vad.startingVpn() <= previousEnd) {
                problems.add("VAD " + Long.toHexString(vad.start()) + " of " + p.describe() + " overlaps the previous one.");
            }
            previousEnd = vad.endingVpn();
        }
        for (Map.Entry<Long, String> frame : space.frames.entrySet()) {
            String owner = k.pfnDatabase.used().get(frame.getKey());
            if (owner == null || !owner.startsWith(com.ntprocesslab.kernel.mm.MemoryManager.ownerTag(p))) {
                problems.add("PFN " + Long.toHexString(frame.getKey()) + " of " + p.describe() + " is not recorded as its page in the PFN database.");
            }
        }
        if (p.peb != null && space.find("Private", "PEB") == null) {
            problems.add(p.describe() + " has a PEB but no VAD maps it.");
        }
        for (EThread t : p.threadListHead.owners()) {
            if (t.teb != null && !space.overlaps(t.teb.address, 0x1000)) {
                problems.add(t.describe() + " has a TEB outside any VAD.");
            }
        }
    }
}
