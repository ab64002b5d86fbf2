package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.ProcessDump;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.nt.Platform;
import java.util.List;
import java.util.TreeMap;

/**
 * !handle [handle] [flags] [cid]: a process's handle table. Handle 0 (or none) lists every
 * handle; flag bit 1 (0x2) adds each object's header (type, counts, name), bit 2 (0x4) the free
 * entries ("!handle", learn.microsoft.com/windows-hardware/drivers/debuggercmds/-handle). Pointers
 * without the backtick, the object lines as kdexts prints them (Windows Internals 6th ed.,
 * "Viewing the Handle Table with the Kernel Debugger").
 */
final class HandleView {
    /** HANDLE_TABLE_ENTRY: 16 bytes on x64, 8 on x86 (Object and GrantedAccess, a pointer and a ULONG). */
    private static final long ENTRY_SIZE = 0x10;
    private static final long ENTRY_SIZE_X86 = 0x8;
    /** EX_ADDITIONAL_INFO_SIGNATURE (-2 as a ULONG): the NextFreeTableEntry of each table page's entry 0. */
    private static final long EX_ADDITIONAL_INFO_SIGNATURE = 0xfffffffeL;

    private HandleView() {
    }

    static CommandResult handle(Debugger d, KdCommand.Handle h) {
        EProcess p;
        if (h.cid() != null) {
            p = Lookup.process(d.kernel, h.cid());
            if (p == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(h.cid()) + "': no process has that client id (!process 0 0 lists them)");
            }
        } else {
            p = d.contextProcess();
            if (p == null) {
                return Debugger.accept("No process context; give a process id: !handle 0 3 <cid>.");
            }
        }
        if (p.objectTable == null) {
            return Debugger.accept("Process " + p.imageFileName + " has no handle table (it was swept at exit).");
        }
        boolean all = h.handle() == null || h.handle() == 0;
        List<Long> handles = all ? p.objectTable.handles() : List.of(h.handle());
        if (handles.size() == 1 && p.objectTable.lookup(handles.get(0)) == null) {
            return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(handles.get(0)) + "': " + p.imageFileName + " has no handle with that value");
        }
        Platform platform = d.kernel.platform;
        long entrySize = platform.x86 ? ENTRY_SIZE_X86 : ENTRY_SIZE;
        StringBuilder out = new StringBuilder();
        ProcessDump.entry(d.kernel, p, out);
        out.append("\nHandle table at ").append(platform.plainPointer(p.objectTable.address)).append(" with ")
                .append(p.objectTable.handleCount()).append(" entries in use\n");
        // bit 2 (0x4) adds the free entries among those in use: entry 0, which ExpAllocateHandleTableEntry
        // never hands out (its NextFreeTableEntry is EX_ADDITIONAL_INFO_SIGNATURE, -2), and each freed slot
        // with the next one on FirstFree's chain ("!handle"; WRK base/ntos/ex/handle.c)
        TreeMap<Long, Long> free = new TreeMap<>();
        if (all && (h.flags() & 4) != 0) {
            free.put(0L, EX_ADDITIONAL_INFO_SIGNATURE);
            List<Long> chain = p.objectTable.freeList();
            long highest = handles.isEmpty() ? 0 : handles.get(handles.size() - 1);
            for (int i = 0; i + 1 < chain.size(); i++) {
                if (chain.get(i) < highest) {
                    free.put(chain.get(i), chain.get(i + 1));
                }
            }
        }
        TreeMap<Long, HandleEntry> used = new TreeMap<>();
        for (long value : handles) {
            used.put(value, p.objectTable.lookup(value));
        }
        TreeMap<Long, Object> rows = new TreeMap<>(free);
        rows.putAll(used);
        for (var row : rows.entrySet()) {
            long value = row.getKey();
            String entry = platform.plainPointer(p.objectTable.address + value / 4 * entrySize);
            if (!(row.getValue() instanceof HandleEntry e)) {
                out.append(String.format("%n%04x: free handle, Entry address %s, Next Entry %s%n", value, entry, platform.plainPointer((Long) row.getValue())));
                continue;
            }
            KernelObject o = e.object();
            out.append(String.format("%n%04x: Object: %s  GrantedAccess: %08x%s Entry: %s%n", value, platform.plainPointer(o.address),
                    e.grantedAccess(), e.inherit() ? " (Inherit)" : "", entry));
            if ((h.flags() & 2) != 0) {
                out.append(ObjectView.header(d.kernel, o, "    "));
            }
        }
        return Debugger.accept(out.toString().replace("\r\n", "\n").stripTrailing());
    }
}
