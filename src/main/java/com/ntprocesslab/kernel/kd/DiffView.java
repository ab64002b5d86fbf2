package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.mm.LdrEntry;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * !diff: what the machine changed between the previous stop and this one, in structure terms
 * (no debugger has it). Both sides are read from real machines: the present one, and the one
 * time travel rebuilds at the previous stop. Each side is a {@link #view} — every structure the
 * machine models, with the fields {@code dt} prints for it — and the two views are compared
 * structure by structure, field by field, in address order, so the answer is deterministic.
 */
final class DiffView {
    /** More lines than this are cut (a whole boot changes thousands of fields). */
    static final int MAX_LINES = 200;

    private DiffView() {
    }

    /** !diff at the debugger's current stop. */
    static CommandResult diff(Debugger d) {
        long before = d.previousStop;
        long now = d.kernel.position;
        if (before < 0 || before < d.timeline.origin) {
            return Debugger.accept("No earlier stop is recorded on this machine yet: run t, p, g or a .call, then !diff lists what it changed.");
        }
        Kernel then = TimeTravel.kernelAt(d, before);
        return Debugger.accept(render(view(then), view(d.kernel), before, now));
    }

    /**
     * The machine as its structures: name ("EPROCESS ffffa08f`1c2db040") to its fields in dt
     * order. Covers every object's header counts, EPROCESS/KPROCESS, ETHREAD/KTHREAD, PEB and TEB,
     * each handle table's entries and free-list head, the loader list, the VADs and PspCidTable's
     * entries and free list (rollback and snapshots carry the free lists, so !diff shows them too,
     * by WRK's _HANDLE_TABLE field names FirstFree, LastFree and NextHandleNeedingPool).
     */
    static Map<String, Map<String, String>> view(Kernel k) {
        Platform pl = k.platform;
        Map<String, Map<String, String>> view = new LinkedHashMap<>();
        for (KernelObject o : k.objects.values()) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (o instanceof EProcess p) {
                put(fields, "", TypeView.eprocess(k, p));
                // dt shows only "_EX_FAST_REF" for the embedded Token; the diff shows its Value
                fields.put("Token", fastRefValue(pl, p.token));
                put(fields, "Pcb.", TypeView.kprocess(k, p));
            } else if (o instanceof EThread t) {
                put(fields, "", TypeView.ethread(k, t));
                put(fields, "Tcb.", TypeView.kthread(k, t));
            }
            put(fields, "ObjectHeader.", TypeView.objectHeader(k, o));
            view.put(name(pl, o), fields);
            if (o instanceof EProcess p) {
                process(view, pl, p);
            } else if (o instanceof EThread t && t.teb != null) {
                put(view.computeIfAbsent("TEB " + pl.pointer(t.teb.address) + " (thread 0x" + Long.toHexString(t.uniqueThread) + ")",
                        key -> new LinkedHashMap<>()), "", TypeView.teb(pl, t));
            }
        }
        view.put("PspCidTable", cidTable(k));
        return view;
    }

    /** PspCidTable's list heads, then its entries in ID order, the freed ones waiting on the free list as "free". */
    private static Map<String, String> cidTable(Kernel k) {
        Map<String, String> cids = new LinkedHashMap<>();
        cids.put("FirstFree", hex(k.pspCidTable.firstFree()));
        cids.put("LastFree", hex(k.pspCidTable.lastFree()));
        TreeMap<Long, String> entries = new TreeMap<>();
        k.pspCidTable.freeList().forEach(cid -> entries.put(cid, FREE));
        k.pspCidTable.entries().forEach((cid, o) -> entries.put(cid, name(k.platform, o)));
        entries.forEach((cid, value) -> cids.put("entry " + hex(cid), value));
        return cids;
    }

    /** A CID entry on the free list. */
    private static final String FREE = "free";

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    private static void process(Map<String, Map<String, String>> view, Platform pl, EProcess p) {
        String of = " (" + p.imageFileName + ")";
        if (p.objectTable != null) {
            Map<String, String> table = new LinkedHashMap<>();
            table.put("HandleCount", "0n" + p.objectTable.handleCount());
            table.put("NextHandleNeedingPool", hex(p.objectTable.nextHandleNeedingPool()));
            table.put("FirstFree", hex(p.objectTable.firstFree()));
            for (long h : p.objectTable.handles()) {
                HandleEntry e = p.objectTable.lookup(h);
                table.put("entry 0x" + Long.toHexString(h), name(pl, e.object()) + " access 0x" + Long.toHexString(e.grantedAccess())
                        + (e.inherit() ? " inherit" : ""));
            }
            view.put("HANDLE_TABLE " + pl.pointer(p.objectTable.address) + of, table);
        }
        if (p.peb != null) {
            Map<String, String> peb = new LinkedHashMap<>();
            put(peb, "", TypeView.peb(pl, p));
            if (p.peb.ldr != null) {
                List<LdrEntry> modules = p.peb.ldr.inLoadOrderModuleList;
                for (int i = 0; i < modules.size(); i++) {
                    LdrEntry m = modules.get(i);
                    peb.put("Ldr.InLoadOrderModuleList[" + i + "]", m.baseDllName() + " at 0x" + pl.pointer(m.dllBase()));
                }
            }
            view.put("PEB " + pl.pointer(p.peb.address) + of, peb);
        }
        if (p.addressSpace != null) {
            Map<String, String> vads = new LinkedHashMap<>();
            for (Vad v : p.addressSpace.vadRoot.values()) {
                vads.put("VAD 0x" + Long.toHexString(v.startingVpn()), "0x" + Long.toHexString(v.startingVpn()) + "-0x"
                        + Long.toHexString(v.endingVpn()) + " " + v.kind() + " " + v.protection() + (v.mapped() == null ? "" : " " + v.mapped()));
            }
            view.put("VadRoot" + of, vads);
        }
    }

    /**
     * An EX_FAST_REF's Value as dt nt!_EX_FAST_REF prints it: 0 when empty, else the object's
     * address with the cached reference count in the low bits. ObInitializeFastReference biases
     * the object by MAX_FAST_REFS references and stores Object | MAX_FAST_REFS (WRK base/ntos/ob/fastref.c,
     * ExFastRefInitialize): 15 in the 4 RefCnt bits on x64, 7 in the 3 bits on x86. The machine
     * does not take fast references afterwards, so the count stays full.
     */
    static String fastRefValue(Platform pl, KernelObject o) {
        return o == null ? "0" : "0x" + pl.pointer(o.address | (pl.x86 ? 7 : 15));
    }

    /** How a structure is named in the answer: its dt type and address, as WinDbg spells it. */
    static String name(Platform pl, KernelObject o) {
        String type = switch (o.type.name()) {
            case "Process" -> "EPROCESS";
            case "Thread" -> "ETHREAD";
            default -> o.type.name();
        };
        return type + " " + pl.pointer(o.address);
    }

    /** The name and value of each dt line ("   +0x440 UniqueProcessId   : 0x00000000`00000044 Void"). */
    private static void put(Map<String, String> fields, String prefix, List<String> dtLines) {
        for (String line : dtLines) {
            int colon = line.indexOf(": ");
            String head = line.substring(0, colon).trim();
            String name = head.substring(head.indexOf(' ') + 1).trim();
            String value = line.substring(colon + 2);
            fields.put(prefix + name, value.endsWith(" Void") ? value.substring(0, value.length() - 5) : value);
        }
    }

    static String render(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after, long from, long to) {
        List<String> lines = changes(before, after);
        StringBuilder out = new StringBuilder("Changes from position " + from + " to " + to + ":");
        if (lines.isEmpty()) {
            return out.append(" none").toString();
        }
        int shown = Math.min(lines.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            out.append('\n').append(lines.get(i));
        }
        if (shown < lines.size()) {
            out.append("\n... and ").append(lines.size() - shown).append(" more changes (step in smaller moves, t or p, to see them all)");
        }
        return out.toString();
    }

    /** One line per added or removed structure and per added, removed or changed field; structures in address order. */
    static List<String> changes(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : after.entrySet()) {
            Map<String, String> old = before.get(e.getKey());
            if (old == null) {
                lines.add(e.getKey() + ": added");
                // a new table or list shows what it starts with; a new object fills in field by field at the next steps
                e.getValue().forEach((field, value) -> {
                    if (isEntry(field)) {
                        lines.add(e.getKey() + ": " + field + " added (" + value + ")");
                    }
                });
                continue;
            }
            fieldChanges(e.getKey(), old, e.getValue(), lines);
        }
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                lines.add(gone + ": deleted");
            }
        }
        return lines;
    }

    private static void fieldChanges(String structure, Map<String, String> old, Map<String, String> now, List<String> lines) {
        for (Map.Entry<String, String> f : now.entrySet()) {
            String was = old.get(f.getKey());
            if (was == null) {
                lines.add(structure + ": " + f.getKey() + (isEntry(f.getKey()) ? " added (" + f.getValue() + ")" : " = " + f.getValue()));
            } else if (!was.equals(f.getValue())) {
                lines.add(structure + ": " + f.getKey() + " " + change(was, f.getValue(), f.getKey().equals("entry " + now.get("LastFree"))));
            }
        }
        for (Map.Entry<String, String> f : old.entrySet()) {
            if (!now.containsKey(f.getKey())) {
                lines.add(structure + ": " + f.getKey() + (!isEntry(f.getKey()) ? " gone (was " + f.getValue() + ")"
                        : (structure.startsWith("HANDLE_TABLE") ? " closed (was " : " removed (was ") + f.getValue() + ")"));
            }
        }
    }

    /** A changed value; a CID entry that goes onto or comes off the free list says so. */
    private static String change(String was, String now, boolean tail) {
        if (now.equals(FREE)) {
            return "freed (was " + was + (tail ? "; free list tail)" : ")");
        }
        if (was.equals(FREE)) {
            return "reused from the free list (" + now + ")";
        }
        return was + " -> " + now;
    }

    /** An entry of a table or list (a handle, a CID, a VAD, a loader entry) rather than a field. */
    private static boolean isEntry(String field) {
        return field.startsWith("entry ") || field.startsWith("VAD ") || field.startsWith("Ldr.InLoadOrderModuleList[");
    }
}
