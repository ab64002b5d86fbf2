package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.nt.Platform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * dt nt!_TYPE without an address: the type's fields the machine models, in offset order, each
 * with its type as dt prints it ("   +0x440 UniqueProcessId  : Ptr64 Void"; bit fields as
 * "Pos 12, 3 Bits"; "dt (Display Type)", learn.microsoft.com/windows-hardware/drivers/debuggercmds/dt--display-type-).
 * "Ptr" below becomes Ptr64 or Ptr32 by platform. The field types are those of the public
 * symbols (Windows 10 x64 and XP SP3 x86, as Vergilius Project lists _EPROCESS, _KTHREAD ...).
 */
final class TypeLayout {
    private TypeLayout() {
    }

    private static final Map<String, String> EPROCESS = Map.ofEntries(
            Map.entry("Pcb", "_KPROCESS"), Map.entry("CreateTime", "_LARGE_INTEGER"),
            Map.entry("DefaultPagePriority", "Pos 12, 3 Bits"), Map.entry("DefaultIoPriority", "Pos 27, 3 Bits"),
            Map.entry("PrimaryTokenFrozen", "Pos 15, 1 Bit"),
            Map.entry("UniqueProcessId", "Ptr Void"), Map.entry("ActiveProcessLinks", "_LIST_ENTRY"),
            Map.entry("DebugPort", "Ptr Void"), Map.entry("ExceptionPort", "Ptr Void"),
            Map.entry("ObjectTable", "Ptr _HANDLE_TABLE"), Map.entry("Token", "_EX_FAST_REF"),
            Map.entry("VadRoot", "x86:Ptr Void|_RTL_AVL_TREE"), Map.entry("Job", "Ptr _EJOB"),
            Map.entry("SectionObject", "Ptr Void"), Map.entry("SectionBaseAddress", "Ptr Void"),
            Map.entry("InheritedFromUniqueProcessId", "Ptr Void"), Map.entry("Session", "Ptr Void"),
            Map.entry("SeAuditProcessCreationInfo.ImageFileName", "Ptr _OBJECT_NAME_INFORMATION"),
            Map.entry("ImageFileName", "x86:[16] UChar|[15] UChar"), Map.entry("ThreadListHead", "_LIST_ENTRY"),
            Map.entry("ActiveThreads", "Uint4B"), Map.entry("GrantedAccess", "Uint4B"),
            Map.entry("DefaultHardErrorProcessing", "Uint4B"), Map.entry("Peb", "Ptr _PEB"),
            Map.entry("ExitStatus", "Int4B"), Map.entry("PriorityClass", "UChar"), Map.entry("SessionId", "Uint4B"));

    private static final Map<String, String> KPROCESS = Map.of(
            "Header", "_DISPATCHER_HEADER", "DirectoryTableBase", "x86:[2] Uint4B|Uint8B",
            "ThreadListHead", "_LIST_ENTRY", "BasePriority", "Char");

    private static final Map<String, String> ETHREAD = Map.of(
            "Tcb", "_KTHREAD", "CreateTime", "_LARGE_INTEGER", "ExitStatus", "Int4B", "Cid", "_CLIENT_ID",
            "ThreadsProcess", "Ptr _EPROCESS", "StartAddress", "Ptr Void", "Win32StartAddress", "Ptr Void",
            "ThreadListEntry", "_LIST_ENTRY", "GrantedAccess", "Uint4B");

    private static final Map<String, String> KTHREAD = Map.ofEntries(
            Map.entry("Header", "_DISPATCHER_HEADER"), Map.entry("InitialStack", "Ptr Void"),
            Map.entry("StackLimit", "Ptr Void"), Map.entry("Teb", "Ptr Void"), Map.entry("KernelStack", "Ptr Void"),
            Map.entry("State", "UChar"), Map.entry("Priority", "Char"), Map.entry("ApcState", "_KAPC_STATE"),
            Map.entry("ApcState.Process", "Ptr _KPROCESS"), Map.entry("WaitReason", "UChar"),
            Map.entry("BasePriority", "Char"), Map.entry("TrapFrame", "Ptr _KTRAP_FRAME"),
            Map.entry("PreviousMode", "Char"), Map.entry("SavedApcState", "_KAPC_STATE"),
            Map.entry("SavedApcState.Process", "Ptr _KPROCESS"), Map.entry("ApcStateIndex", "UChar"), Map.entry("StackBase", "Ptr Void"),
            Map.entry("Process", "Ptr _KPROCESS"), Map.entry("SuspendCount", "Char"), Map.entry("IdealProcessor", "Uint4B"));

    private static final Map<String, String> OBJECT_HEADER = Map.of(
            "PointerCount", "x86:Int4B|Int8B", "HandleCount", "x86:Int4B|Int8B", "Type", "Ptr _OBJECT_TYPE",
            "TypeIndex", "UChar", "Body", "_QUAD");

    private static final Map<String, String> HANDLE_TABLE = Map.of(
            "NextHandleNeedingPool", "Uint4B", "ExtraInfoPages", "Int4B", "QuotaProcess", "Ptr _EPROCESS",
            "UniqueProcessId", "Ptr Void", "HandleCount", "x86:Int4B|Uint4B");

    private static final Map<String, String> PEB = Map.ofEntries(
            Map.entry("BeingDebugged", "UChar"), Map.entry("ImageUsesLargePages", "Pos 0, 1 Bit"),
            Map.entry("ImageBaseAddress", "Ptr Void"), Map.entry("Ldr", "Ptr _PEB_LDR_DATA"),
            Map.entry("ProcessParameters", "Ptr _RTL_USER_PROCESS_PARAMETERS"), Map.entry("ProcessHeap", "Ptr Void"),
            Map.entry("NumberOfHeaps", "Uint4B"), Map.entry("MaximumNumberOfHeaps", "Uint4B"),
            Map.entry("ProcessHeaps", "Ptr Ptr Void"), Map.entry("OSMajorVersion", "Uint4B"),
            Map.entry("OSMinorVersion", "Uint4B"), Map.entry("OSBuildNumber", "Uint2B"), Map.entry("SessionId", "Uint4B"));

    private static final Map<String, String> TEB = Map.of(
            "NtTib.StackBase", "Ptr Void", "NtTib.StackLimit", "Ptr Void", "NtTib.ArbitraryUserPointer", "Ptr Void", "ClientId", "_CLIENT_ID",
            "ProcessEnvironmentBlock", "Ptr _PEB", "LastErrorValue", "Uint4B", "CurrentLocale", "Uint4B",
            "LastStatusValue", "Uint4B", "IdealProcessor", "UChar", "DbgSsReserved[1]", "Ptr Void");

    private record Layout(Map<String, int[]> offsets, Map<String, String> types) {
    }

    private static final Map<String, Layout> LAYOUTS = Map.of(
            "_EPROCESS", new Layout(StructLayouts.EPROCESS, EPROCESS), "_KPROCESS", new Layout(StructLayouts.KPROCESS, KPROCESS),
            "_ETHREAD", new Layout(StructLayouts.ETHREAD, ETHREAD), "_KTHREAD", new Layout(StructLayouts.KTHREAD, KTHREAD),
            "_OBJECT_HEADER", new Layout(StructLayouts.OBJECT_HEADER, OBJECT_HEADER),
            "_HANDLE_TABLE", new Layout(StructLayouts.HANDLE_TABLE, HANDLE_TABLE),
            "_PEB", new Layout(StructLayouts.PEB, PEB), "_TEB", new Layout(StructLayouts.TEB, TEB));

    /** The type's lines, in offset order, without the "nt!_TYPE" title. */
    static List<String> lines(Platform platform, String type) {
        Layout layout = LAYOUTS.get(type);
        record Field(int offset, String text) {
        }
        List<Field> fields = new ArrayList<>();
        layout.types().forEach((name, declared) -> {
            int offset = StructLayouts.offset(layout.offsets(), platform, name);
            if (offset >= 0) {
                fields.add(new Field(offset, TypeView.fieldLine(offset, name, typeOn(platform, declared))));
            }
        });
        fields.sort(Comparator.comparingInt(Field::offset).thenComparing(Field::text));
        return fields.stream().map(Field::text).toList();
    }

    /** "x86:A|B" picks A on x86 and B on x64; "Ptr" is the platform's pointer. */
    private static String typeOn(Platform platform, String declared) {
        String t = declared;
        if (t.startsWith("x86:")) {
            String[] choices = t.substring(4).split("\\|");
            t = platform.x86 ? choices[0] : choices[1];
        }
        return t.replace("Ptr ", platform.x86 ? "Ptr32 " : "Ptr64 ");
    }
}
