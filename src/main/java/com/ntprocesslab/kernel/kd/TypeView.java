package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * dt nt!_TYPE address: the fields the machine models, at the offsets of the machine's platform
 * ({@link StructLayouts}: Windows 10 x64, or Windows XP SP3 x86, where dt lists them in offset
 * order). The embedded KPROCESS and KTHREAD sit at offset 0 of their executive structures, and
 * the OBJECT_HEADER {@link Platform#objectHeaderSize} bytes before any object body, so their
 * addresses are accepted too.
 */
final class TypeView {
    private TypeView() {
    }

    static CommandResult display(Debugger d, KdCommand.DisplayType t) {
        String type = t.type();
        Kernel k = d.kernel;
        if (t.address() == null && com.ntprocesslab.kernel.machine.WildcardPattern.hasWildcard(type)) {
            var pattern = com.ntprocesslab.kernel.machine.WildcardPattern.compile(type);
            List<String> names = KdParser.TYPES.stream().filter(pattern::matches).sorted().map(n -> "          nt!" + n).toList();
            return names.isEmpty() ? Debugger.reject("Couldn't resolve error at 'nt!" + type + "': no type this machine models matches (dt knows "
                    + String.join(", ", KdParser.types()) + ")") : Debugger.accept(String.join("\n", names));
        }
        if (t.address() == null) {
            Integer size = k.platform.x86 ? StructLayouts.XP_SIZES.get(type) : null;
            return Debugger.accept("nt!" + type + (size == null ? "" : String.format(" (0x%x bytes)", size)) + "\n"
                    + String.join("\n", TypeLayout.lines(k.platform, type)));
        }
        long address = t.address();
        List<String> fields = switch (type) {
            case "_EPROCESS" -> Lookup.process(k, address) instanceof EProcess p && p.address == address ? eprocess(k, p) : null;
            case "_KPROCESS" -> k.objects.get(address) instanceof EProcess p ? kprocess(k, p) : null;
            case "_ETHREAD" -> k.objects.get(address) instanceof EThread th ? ethread(k, th) : null;
            case "_KTHREAD" -> k.objects.get(address) instanceof EThread th ? kthread(k, th) : null;
            case "_OBJECT_HEADER" -> k.objects.get(address + k.platform.objectHeaderSize) instanceof KernelObject o ? objectHeader(k, o) : null;
            case "_HANDLE_TABLE" -> handleTable(k, address);
            case "_PEB" -> UserAddresses.peb(d, address).owner() instanceof EProcess p ? peb(k.platform, p) : null;
            default -> UserAddresses.teb(d, address).owner() instanceof EThread th ? teb(k.platform, th) : null;
        };
        if (fields == null) {
            return Debugger.reject("Couldn't resolve error at '" + k.platform.pointer(address) + "': no nt!" + type + " lives at that address"
                    + (type.equals("_OBJECT_HEADER") ? " (an object header is 0x" + Long.toHexString(k.platform.objectHeaderSize)
                    + " bytes before the object)" : ""));
        }
        Integer size = k.platform.x86 ? StructLayouts.XP_SIZES.get(type) : null;
        // WinDbg lists a structure's fields in offset order ("dt (Display Type)" in Microsoft's debugger reference)
        List<String> ordered = new ArrayList<>(fields);
        ordered.sort(Comparator.comparingInt(TypeView::offsetOf));
        return Debugger.accept("nt!" + type + (size == null ? "" : String.format(" (0x%x bytes)", size)) + "\n" + String.join("\n", ordered));
    }

    private static int offsetOf(String fieldLine) {
        int start = fieldLine.indexOf("+0x") + 3;
        return Integer.parseInt(fieldLine.substring(start, fieldLine.indexOf(' ', start)), 16);
    }

    /** The fields of one structure on one platform: those it lacks are left out; x86 dt lists by offset. */
    private static final class Fields {
        private record Line(int offset, String text) {
        }

        private final Platform platform;
        private final Map<String, int[]> layout;
        private final List<Line> lines = new ArrayList<>();

        Fields(Platform platform, Map<String, int[]> layout) {
            this.platform = platform;
            this.layout = layout;
        }

        Fields add(String name, String value) {
            int offset = StructLayouts.offset(layout, platform, name);
            if (offset >= 0) {
                lines.add(new Line(offset, fieldLine(offset, name, value)));
            }
            return this;
        }

        List<String> render() {
            List<Line> ordered = new ArrayList<>(lines);
            if (platform.x86) {
                ordered.sort(Comparator.comparingInt(Line::offset));
            }
            return ordered.stream().map(Line::text).toList();
        }
    }

    /**
     * One dt line: the offset, the name padded to 16 columns (a longer name just gets one space),
     * " : " and the value or type, as dt prints them ("   +0x000 Pcb              : _KPROCESS").
     */
    static String fieldLine(int offset, String name, String value) {
        return String.format("   +0x%03x %-16s : %s", offset, name, value);
    }

    /** An unsigned field's value as dt prints it: 0 to 9 plain, larger values in hex with 0x. */
    private static String unsigned(long value) {
        return value >= 0 && value < 10 ? Long.toString(value) : "0x" + Long.toHexString(value);
    }

    /** PROCESS_PRIORITY_CLASS_*, the UChar EPROCESS.PriorityClass holds (ntpsapi.h: IDLE 1 ... ABOVE_NORMAL 6). */
    private static int priorityClassValue(String priorityClass) {
        return switch (priorityClass) {
            case "IDLE" -> 1;
            case "HIGH" -> 3;
            case "REALTIME" -> 4;
            case "BELOW_NORMAL" -> 5;
            case "ABOVE_NORMAL" -> 6;
            default -> 2;
        };
    }

    /** A _LARGE_INTEGER as dt prints it: in hex, on x64 16 digits split with a backtick like a pointer. */
    private static String largeInteger(Platform pl, long value) {
        return "_LARGE_INTEGER 0x" + (pl.x86 ? Long.toHexString(value) : com.ntprocesslab.kernel.inspect.Format.pointer(value));
    }

    private static String pointer(Platform platform, KernelObject o) {
        return o == null ? "(null)" : "0x" + platform.pointer(o.address) + " Void";
    }

    private static String listEntry(String flink, String blink) {
        return "_LIST_ENTRY [ " + flink + " - " + blink + " ]";
    }

    static List<String> eprocess(Kernel k, EProcess p) {
        Platform pl = k.platform;
        int vads = p.addressSpace == null ? 0 : p.addressSpace.vadRoot.size();
        return new Fields(pl, StructLayouts.EPROCESS)
                .add("Pcb", "_KPROCESS")
                .add("UniqueProcessId", "0x" + pl.pointer(p.uniqueProcessId) + " Void")
                .add("ActiveProcessLinks", listEntry(neighbour(pl, p, true), neighbour(pl, p, false)))
                .add("DefaultPagePriority", bits3(p.defaultPagePriority))
                .add("PrimaryTokenFrozen", p.primaryTokenFrozen ? "0y1" : "0y0")
                .add("DefaultIoPriority", bits3(p.defaultIoPriority))
                .add("CreateTime", largeInteger(pl, p.createTime))
                .add("DebugPort", pointer(pl, p.debugPort))
                .add("ExceptionPort", p.exceptionPort == 0 ? "(null)" : "0x" + pl.pointer(p.exceptionPort))
                // an embedded structure shows only its type; dt nt!_EX_FAST_REF <address+0x4b8> shows the reference
                .add("Token", "_EX_FAST_REF")
                .add("SectionObject", pointer(pl, p.sectionObject))
                .add("SectionBaseAddress", "0x" + pl.pointer(p.sectionBaseAddress) + " Void")
                .add("InheritedFromUniqueProcessId", "0x" + pl.pointer(p.inheritedFromUniqueProcessId) + " Void")
                .add("Peb", p.peb == null ? "(null)" : "0x" + pl.pointer(p.peb.address) + " _PEB")
                .add("ObjectTable", p.objectTable == null ? "(null)" : "0x" + pl.pointer(p.objectTable.address) + " _HANDLE_TABLE")
                // UCHAR ImageFileName[16] on XP SP3, [15] on Windows 10 (Vergilius Project _EPROCESS)
                .add("ImageFileName", (pl.x86 ? "[16]" : "[15]") + "  \"" + p.imageFileName + "\"")
                // the name SeInitializeProcessAuditName recorded, as dt -r shows the pointed-to Name
                .add("SeAuditProcessCreationInfo.ImageFileName", p.seAuditImageFileName == null ? "(null)"
                        : "_OBJECT_NAME_INFORMATION \"" + p.seAuditImageFileName + "\"")
                .add("PriorityClass", String.format("0x%x ''", priorityClassValue(p.priorityClass)))
                .add("ThreadListHead", threadList(pl, p, StructLayouts.EPROCESS, "ThreadListHead"))
                .add("ActiveThreads", unsigned(p.activeThreads))
                .add("GrantedAccess", unsigned(p.grantedAccess))
                .add("DefaultHardErrorProcessing", unsigned(p.defaultHardErrorProcessing))
                .add("ExitStatus", "0n" + (int) p.exitStatus)
                .add("VadRoot", pl.x86 ? "Ptr32 Void (" + vads + " VADs)" : "_RTL_AVL_TREE")
                .add("Session", p.sessionId < 0 ? "(null)" : "_MM_SESSION_SPACE (SessionId " + p.sessionId + ")")
                // SESSION_ID_NONE would read 0xffffffff
                .add("SessionId", p.sessionId < 0 ? "0xffffffff" : unsigned(p.sessionId))
                .render();
    }

    /** A 3-bit field as dt prints bit fields: 0y and the bits (dt in Microsoft's debugger reference). */
    private static String bits3(int value) {
        String bits = Integer.toBinaryString(value & 7);
        return "0y" + "0".repeat(3 - bits.length()) + bits;
    }

    /** A link of ActiveProcessLinks: the neighbour's link field, or the list head that closes the ring. */
    private static String neighbour(Platform pl, EProcess p, boolean forward) {
        ListEntry<EProcess> next = forward ? p.activeProcessLinks.flink : p.activeProcessLinks.blink;
        if (next == p.activeProcessLinks) {
            return "0x" + pl.pointer(0);
        }
        return next.owner == null ? "0x" + pl.pointer(com.ntprocesslab.kernel.machine.Symbols.address("nt!PsActiveProcessHead", pl.x86
                        ? com.ntprocesslab.kernel.Profile.CLASSIC : com.ntprocesslab.kernel.Profile.MODERN))
                : "0x" + pl.pointer(next.owner.address + StructLayouts.offset(StructLayouts.EPROCESS, pl, "ActiveProcessLinks"));
    }

    /**
     * EPROCESS.ThreadListHead as dt prints a _LIST_ENTRY: the first and last ETHREAD's
     * ThreadListEntry, or the head's own address twice when the list is empty.
     */
    private static String threadList(Platform pl, EProcess p, Map<String, int[]> layout, String field) {
        ListEntry<EThread> head = p.threadListHead;
        long self = p.address + StructLayouts.offset(layout, pl, field);
        int link = StructLayouts.offset(StructLayouts.ETHREAD, pl, "ThreadListEntry");
        String flink = "0x" + pl.pointer(head.flink == head || head.flink.owner == null ? self : head.flink.owner.address + link);
        String blink = "0x" + pl.pointer(head.blink == head || head.blink.owner == null ? self : head.blink.owner.address + link);
        return listEntry(flink, blink);
    }

    static List<String> kprocess(Kernel k, EProcess p) {
        return new Fields(k.platform, StructLayouts.KPROCESS)
                .add("Header", "_DISPATCHER_HEADER (SignalState " + (p.signaled ? 1 : 0) + ")")
                .add("DirectoryTableBase", "0x" + Long.toHexString(p.pcb.directoryTableBase))
                .add("ThreadListHead", "_LIST_ENTRY (" + p.threadListHead.owners().size() + " threads)")
                .add("BasePriority", "0n" + p.pcb.basePriority)
                .render();
    }

    static List<String> ethread(Kernel k, EThread t) {
        Platform pl = k.platform;
        return new Fields(pl, StructLayouts.ETHREAD)
                .add("Tcb", "_KTHREAD")
                .add("CreateTime", largeInteger(pl, t.createTime))
                .add("Cid", "_CLIENT_ID " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread))
                .add("ThreadsProcess", "0x" + pl.pointer(t.process.address) + " _EPROCESS")
                .add("StartAddress", "0x" + pl.pointer(t.startAddress) + " Void")
                .add("ThreadListEntry", "_LIST_ENTRY (in " + t.process.imageFileName + ")")
                .add("ExitStatus", "0n" + (int) t.exitStatus)
                .add("Win32StartAddress", "0x" + pl.pointer(t.win32StartAddress) + " Void")
                .add("GrantedAccess", "0x" + Long.toHexString(t.grantedAccess))
                .render();
    }

    static List<String> kthread(Kernel k, EThread t) {
        Platform pl = k.platform;
        // x64 shows the user stack the machine models there; x86 the kernel stack KeInitThread built
        long stackLimit = pl.x86 ? (t.kernelStackBase == 0 ? 0 : t.kernelStackBase - pl.kernelStackSize()) : t.stackLimit;
        long stackBase = pl.x86 ? t.kernelStackBase : t.stackBase;
        EProcess attached = attachedProcess(k, t);
        return new Fields(pl, StructLayouts.KTHREAD)
                .add("Header", "_DISPATCHER_HEADER (SignalState " + (t.signaled ? 1 : 0) + ")")
                .add("InitialStack", "0x" + pl.pointer(t.initialStack) + " Void")
                .add("StackLimit", "0x" + pl.pointer(stackLimit) + " Void")
                .add("StackBase", "0x" + pl.pointer(stackBase) + " Void")
                .add("KernelStack", "0x" + pl.pointer(t.kernelStack) + " Void")
                .add("Priority", "0n" + t.tcb.priority)
                .add("State", "0x" + Integer.toHexString(t.tcb.state.ordinal()) + " (" + t.tcb.state + ")")
                .add("WaitReason", t.tcb.waitReason == null ? "0" : t.tcb.waitReason.name())
                .add("Teb", t.teb == null ? "(null)" : "0x" + pl.pointer(t.teb.address) + " Void")
                .add("Process", "0x" + pl.pointer(t.process.address) + " _KPROCESS")
                .add("BasePriority", "0n" + t.tcb.basePriority)
                .add("SuspendCount", "0n" + t.tcb.suspendCount)
                .add("IdealProcessor", unsigned(t.tcb.idealProcessor))
                .add("ApcState", "_KAPC_STATE (" + t.tcb.kernelApcQueue.size() + " kernel, " + t.tcb.userApcQueue.size() + " user APCs)")
                .add("ApcState.Process", "0x" + pl.pointer(attached.address) + " _KPROCESS (" + attached.imageFileName + ")")
                .add("TrapFrame", t.trapFrame == 0 ? "(null)" : "0x" + pl.pointer(t.trapFrame) + " _KTRAP_FRAME")
                .add("PreviousMode", t.systemThread ? "0 'KernelMode'" : "1 'UserMode'")
                .add("SavedApcState", "_KAPC_STATE (" + t.tcb.savedKernelApcQueue.size() + " kernel, " + t.tcb.savedUserApcQueue.size() + " user APCs)")
                .add("SavedApcState.Process", savedApcStateProcess(k, t))
                .add("ApcStateIndex", t.tcb.apcStateProcess == null ? "0" : "0x1 (attached)")
                .render();
    }

    /** SavedApcState.Process: the thread's own process while it is attached to another, NULL otherwise. */
    private static String savedApcStateProcess(Kernel k, EThread t) {
        if (t.tcb.savedApcStateProcess == null) {
            return "(null)";
        }
        for (KernelObject o : k.objects.values()) {
            if (o instanceof EProcess p && p.pcb == t.tcb.savedApcStateProcess) {
                return "0x" + k.platform.pointer(p.address) + " _KPROCESS (" + p.imageFileName + ")";
            }
        }
        return "(null)";
    }

    /** The process whose address space the thread runs in: its own, or the one KeAttachProcess attached it to. */
    static EProcess attachedProcess(Kernel k, EThread t) {
        if (t.tcb.apcStateProcess != null) {
            // any process object, listed or not: PspCreateProcess attaches before the new process is on PsActiveProcessHead
            for (KernelObject o : k.objects.values()) {
                if (o instanceof EProcess p && p.pcb == t.tcb.apcStateProcess) {
                    return p;
                }
            }
        }
        return t.process;
    }

    static List<String> objectHeader(Kernel k, KernelObject o) {
        Platform pl = k.platform;
        return new Fields(pl, StructLayouts.OBJECT_HEADER)
                .add("PointerCount", "0n" + o.pointerCount)
                .add("HandleCount", "0n" + o.handleCount)
                .add("Type", "0x" + pl.pointer(ObjectView.typeObject(k, o)) + " _OBJECT_TYPE (" + o.type + ")")
                .add("TypeIndex", "0x" + Integer.toHexString(o.type.ordinal() + 2) + " (" + o.type + ")")
                .add("Body", "_QUAD (object at " + pl.pointer(o.address) + ")")
                .render();
    }

    private static List<String> handleTable(Kernel k, long address) {
        Platform pl = k.platform;
        for (EProcess p : k.processes()) {
            HandleTable table = p.objectTable;
            if (table != null && table.address == address) {
                return new Fields(pl, StructLayouts.HANDLE_TABLE)
                        .add("NextHandleNeedingPool", "0x" + Long.toHexString(table.nextHandleNeedingPool()))
                        .add("ExtraInfoPages", "0n0")
                        .add("QuotaProcess", "0x" + pl.pointer(p.address) + " _EPROCESS (" + p.imageFileName + ")")
                        .add("UniqueProcessId", "0x" + pl.pointer(table.uniqueProcessId) + " Void")
                        .add("HandleCount", "0n" + table.handleCount())
                        .render();
            }
        }
        return null;
    }

    /** The PEB of a process that has one. */
    static List<String> peb(Platform pl, EProcess p) {
        return new Fields(pl, StructLayouts.PEB)
                .add("BeingDebugged", p.peb.beingDebugged ? "0x1 ''" : "0 ''")
                .add("ImageUsesLargePages", p.peb.imageUsesLargePages ? "0y1" : "0y0")
                .add("ImageBaseAddress", "0x" + pl.pointer(p.peb.imageBaseAddress) + " Void")
                .add("Ldr", p.peb.ldr == null ? "(null)" : "_PEB_LDR_DATA (" + p.peb.ldr.inLoadOrderModuleList.size() + " modules)")
                .add("ProcessParameters", (p.peb.processParameters == 0 ? "" : "0x" + pl.pointer(p.peb.processParameters) + " ")
                        + "_RTL_USER_PROCESS_PARAMETERS (" + p.peb.commandLine + ")")
                .add("ProcessHeap", "0x" + pl.pointer(p.peb.processHeap) + " Void")
                .add("NumberOfHeaps", unsigned(p.peb.numberOfHeaps))
                .add("MaximumNumberOfHeaps", "0x" + Integer.toHexString(p.peb.maximumNumberOfHeaps))
                .add("ProcessHeaps", "0x" + pl.pointer(p.peb.processHeaps) + " -> 0x" + pl.pointer(p.peb.processHeap))
                .add("OSMajorVersion", unsigned(p.peb.osMajorVersion))
                .add("OSMinorVersion", unsigned(p.peb.osMinorVersion))
                .add("OSBuildNumber", unsigned(p.peb.osBuildNumber))
                .add("SessionId", unsigned(p.peb.sessionId))
                .render();
    }

    /** The TEB of a thread that has one. */
    static List<String> teb(Platform pl, EThread t) {
        return new Fields(pl, StructLayouts.TEB)
                .add("NtTib.StackBase", "0x" + pl.pointer(t.teb.stackBase) + " Void")
                .add("NtTib.StackLimit", "0x" + pl.pointer(t.teb.stackLimit) + " Void")
                .add("NtTib.ArbitraryUserPointer", "0x" + pl.pointer(t.teb.arbitraryUserPointer) + " Void")
                .add("ClientId", "_CLIENT_ID " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread))
                .add("ProcessEnvironmentBlock", t.process.peb == null ? "(null)" : "0x" + pl.pointer(t.process.peb.address) + " _PEB")
                .add("LastErrorValue", unsigned(t.teb.lastErrorValue))
                .add("CurrentLocale", unsigned(t.teb.currentLocale))
                .add("IdealProcessor", (t.teb.idealProcessor == 0 ? "0" : "0x" + Integer.toHexString(t.teb.idealProcessor)) + " ''")
                .add("LastStatusValue", "0x" + Long.toHexString(t.teb.lastStatusValue))
                .add("DbgSsReserved[1]", "0x" + pl.pointer(t.teb.debugObjectHandle) + " Void")
                .render();
    }
}
