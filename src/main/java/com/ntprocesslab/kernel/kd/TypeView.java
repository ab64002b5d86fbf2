package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * dt nt!_TYPE address: the fields the machine models, at their Windows 10 x64 offsets. The
 * embedded KPROCESS and KTHREAD sit at offset 0 of their executive structures, and the
 * OBJECT_HEADER 0x30 bytes before any object body, so their addresses are accepted too.
 */
final class TypeView {
    private TypeView() {
    }

    static CommandResult display(Debugger d, KdCommand.DisplayType t) {
        String type = t.type();
        long address = t.address();
        List<String> fields = switch (type) {
            case "_EPROCESS" -> Lookup.process(d.kernel, address) instanceof EProcess p && p.address == address ? eprocess(p) : null;
            case "_KPROCESS" -> d.kernel.objects.get(address) instanceof EProcess p ? kprocess(p) : null;
            case "_ETHREAD" -> d.kernel.objects.get(address) instanceof EThread th ? ethread(th) : null;
            case "_KTHREAD" -> d.kernel.objects.get(address) instanceof EThread th ? kthread(th) : null;
            case "_OBJECT_HEADER" -> d.kernel.objects.get(address + Lookup.OBJECT_HEADER_SIZE) instanceof KernelObject o ? objectHeader(o) : null;
            case "_HANDLE_TABLE" -> handleTable(d, address);
            case "_PEB" -> peb(d, address);
            default -> teb(d, address);
        };
        if (fields == null) {
            return Debugger.reject("Couldn't resolve error at '" + Format.pointer(address) + "': no nt!" + type + " lives at that address"
                    + (type.equals("_OBJECT_HEADER") ? " (an object header is 0x30 bytes before the object)" : ""));
        }
        // WinDbg lists a structure's fields in offset order ("dt (Display Type)" in Microsoft's debugger reference)
        List<String> ordered = new ArrayList<>(fields);
        ordered.sort(Comparator.comparingInt(TypeView::offsetOf));
        return Debugger.accept("nt!" + type + "\n" + String.join("\n", ordered));
    }

    private static int offsetOf(String fieldLine) {
        int start = fieldLine.indexOf("+0x") + 3;
        return Integer.parseInt(fieldLine.substring(start, fieldLine.indexOf(' ', start)), 16);
    }

    private static String field(int offset, String name, String value) {
        return String.format("   +0x%03x %-28s: %s", offset, name, value);
    }

    private static String pointer(KernelObject o) {
        return o == null ? "(null)" : "0x" + Format.pointer(o.address);
    }

    private static String listEntry(String flink, String blink) {
        return "_LIST_ENTRY [ " + flink + " - " + blink + " ]";
    }

    private static List<String> eprocess(EProcess p) {
        List<String> f = new ArrayList<>();
        f.add(field(0x000, "Pcb", "_KPROCESS"));
        f.add(field(0x440, "UniqueProcessId", "0x" + Format.pointer(p.uniqueProcessId) + " Void"));
        f.add(field(0x448, "ActiveProcessLinks", listEntry(neighbour(p, true), neighbour(p, false))));
        f.add(field(0x468, "CreateTime", "_LARGE_INTEGER " + p.createTime));
        f.add(field(0x4b8, "Token", "_EX_FAST_REF " + pointer(p.token)));
        f.add(field(0x518, "SectionObject", pointer(p.sectionObject)));
        f.add(field(0x520, "SectionBaseAddress", "0x" + Format.pointer(p.sectionBaseAddress)));
        f.add(field(0x540, "InheritedFromUniqueProcessId", "0x" + Format.pointer(p.inheritedFromUniqueProcessId) + " Void"));
        f.add(field(0x550, "Peb", p.peb == null ? "(null)" : "0x" + Format.pointer(p.peb.address) + " _PEB"));
        f.add(field(0x570, "ObjectTable", p.objectTable == null ? "(null)" : "0x" + Format.pointer(p.objectTable.address) + " _HANDLE_TABLE"));
        f.add(field(0x5a8, "ImageFileName", "[15]  \"" + p.imageFileName + "\""));
        f.add(field(0x5b7, "PriorityClass", p.priorityClass));
        f.add(field(0x5e0, "ThreadListHead", "_LIST_ENTRY (" + p.threadListHead.owners().size() + " threads)"));
        f.add(field(0x5f0, "ActiveThreads", Long.toString(p.activeThreads)));
        f.add(field(0x7d4, "ExitStatus", "0n" + (int) p.exitStatus));
        f.add(field(0x7d8, "VadRoot", "_RTL_AVL_TREE (" + (p.addressSpace == null ? 0 : p.addressSpace.vadRoot.size()) + " nodes)"));
        f.add(field(0x87c, "SessionId", p.sessionId < 0 ? "none" : Integer.toString(p.sessionId)));
        return f;
    }

    /** A link of ActiveProcessLinks: the neighbour's link field, or the list head that closes the ring. */
    private static String neighbour(EProcess p, boolean forward) {
        ListEntry<EProcess> next = forward ? p.activeProcessLinks.flink : p.activeProcessLinks.blink;
        if (next == p.activeProcessLinks) {
            return "0x00000000`00000000";
        }
        return next.owner == null ? "nt!PsActiveProcessHead" : "0x" + Format.pointer(next.owner.address + 0x448);
    }

    private static List<String> kprocess(EProcess p) {
        List<String> f = new ArrayList<>();
        f.add(field(0x000, "Header", "_DISPATCHER_HEADER (SignalState " + (p.signaled ? 1 : 0) + ")"));
        f.add(field(0x028, "DirectoryTableBase", "0x" + Long.toHexString(p.pcb.directoryTableBase)));
        f.add(field(0x030, "ThreadListHead", "_LIST_ENTRY (" + p.threadListHead.owners().size() + " threads)"));
        f.add(field(0x281, "BasePriority", "0n" + p.pcb.basePriority));
        return f;
    }

    private static List<String> ethread(EThread t) {
        List<String> f = new ArrayList<>();
        f.add(field(0x000, "Tcb", "_KTHREAD"));
        f.add(field(0x430, "CreateTime", "_LARGE_INTEGER " + t.createTime));
        f.add(field(0x478, "Cid", "_CLIENT_ID " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread)));
        f.add(field(0x4d0, "StartAddress", "0x" + Format.pointer(t.startAddress) + " Void"));
        f.add(field(0x4e8, "ThreadListEntry", "_LIST_ENTRY (in " + t.process.imageFileName + ")"));
        f.add(field(0x548, "ExitStatus", "0n" + (int) t.exitStatus));
        f.add(field(0x550, "Win32StartAddress", "0x" + Format.pointer(t.win32StartAddress) + " Void"));
        return f;
    }

    private static List<String> kthread(EThread t) {
        List<String> f = new ArrayList<>();
        f.add(field(0x000, "Header", "_DISPATCHER_HEADER (SignalState " + (t.signaled ? 1 : 0) + ")"));
        f.add(field(0x030, "StackLimit", "0x" + Format.pointer(t.stackLimit) + " Void"));
        f.add(field(0x038, "StackBase", "0x" + Format.pointer(t.stackBase) + " Void"));
        f.add(field(0x0c3, "Priority", "0n" + t.tcb.priority));
        f.add(field(0x184, "State", "0x" + Integer.toHexString(t.tcb.state.ordinal()) + " (" + t.tcb.state + ")"));
        f.add(field(0x187, "WaitReason", t.tcb.waitReason == null ? "0" : t.tcb.waitReason.name()));
        f.add(field(0x0f0, "Teb", t.teb == null ? "(null)" : "0x" + Format.pointer(t.teb.address) + " Void"));
        f.add(field(0x220, "Process", "0x" + Format.pointer(t.process.address) + " _KPROCESS"));
        f.add(field(0x233, "BasePriority", "0n" + t.tcb.basePriority));
        f.add(field(0x284, "SuspendCount", "0n" + t.tcb.suspendCount));
        f.add(field(0x098, "ApcState", "_KAPC_STATE (" + t.tcb.kernelApcQueue.size() + " kernel, " + t.tcb.userApcQueue.size() + " user APCs)"));
        return f;
    }

    private static List<String> objectHeader(KernelObject o) {
        List<String> f = new ArrayList<>();
        f.add(field(0x000, "PointerCount", "0n" + o.pointerCount));
        f.add(field(0x008, "HandleCount", "0n" + o.handleCount));
        f.add(field(0x018, "TypeIndex", "0x" + Integer.toHexString(o.type.ordinal() + 2) + " (" + o.type + ")"));
        f.add(field(0x030, "Body", "_QUAD (object at " + Format.pointer(o.address) + ")"));
        return f;
    }

    private static List<String> handleTable(Debugger d, long address) {
        for (EProcess p : d.kernel.processes()) {
            HandleTable table = p.objectTable;
            if (table != null && table.address == address) {
                List<String> f = new ArrayList<>();
                f.add(field(0x000, "NextHandleNeedingPool", "0x" + Integer.toHexString(table.handles().isEmpty() ? 4 : (int) (table.handles().get(table.handles().size() - 1) + 4))));
                f.add(field(0x004, "ExtraInfoPages", "0n0"));
                f.add(field(0x010, "QuotaProcess", "0x" + Format.pointer(p.address) + " _EPROCESS (" + p.imageFileName + ")"));
                f.add(field(0x02c, "HandleCount", "0n" + table.handleCount()));
                return f;
            }
        }
        return null;
    }

    private static List<String> peb(Debugger d, long address) {
        for (EProcess p : d.kernel.processes()) {
            if (p.peb != null && p.peb.address == address) {
                List<String> f = new ArrayList<>();
                f.add(field(0x002, "BeingDebugged", p.peb.beingDebugged ? "0x1 ''" : "0 ''"));
                f.add(field(0x010, "ImageBaseAddress", "0x" + Format.pointer(p.peb.imageBaseAddress) + " Void"));
                f.add(field(0x018, "Ldr", p.peb.ldr == null ? "(null)" : "_PEB_LDR_DATA (" + p.peb.ldr.inLoadOrderModuleList.size() + " modules)"));
                f.add(field(0x020, "ProcessParameters", "_RTL_USER_PROCESS_PARAMETERS (" + p.peb.commandLine + ")"));
                f.add(field(0x118, "OSMajorVersion", Integer.toString(p.peb.osMajorVersion)));
                f.add(field(0x120, "OSBuildNumber", Integer.toString(p.peb.osBuildNumber)));
                f.add(field(0x2c0, "SessionId", Integer.toString(p.peb.sessionId)));
                return f;
            }
        }
        return null;
    }

    private static List<String> teb(Debugger d, long address) {
        for (EThread t : d.kernel.threads()) {
            if (t.teb != null && t.teb.address == address) {
                List<String> f = new ArrayList<>();
                f.add(field(0x008, "NtTib.StackBase", "0x" + Format.pointer(t.teb.stackBase) + " Void"));
                f.add(field(0x010, "NtTib.StackLimit", "0x" + Format.pointer(t.teb.stackLimit) + " Void"));
                f.add(field(0x040, "ClientId", "_CLIENT_ID " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread)));
                f.add(field(0x060, "ProcessEnvironmentBlock", t.process.peb == null ? "(null)" : "0x" + Format.pointer(t.process.peb.address) + " _PEB"));
                f.add(field(0x068, "LastErrorValue", Long.toString(t.teb.lastErrorValue)));
                f.add(field(0x1250, "LastStatusValue", "0x" + Long.toHexString(t.teb.lastStatusValue)));
                return f;
            }
        }
        return null;
    }
}
