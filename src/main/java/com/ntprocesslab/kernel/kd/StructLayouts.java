package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.nt.Platform;
import java.util.Map;

/**
 * The offsets dt prints, per platform: one row per field the machine models, {x64 Windows 10
 * offset, x86 Windows XP SP3 offset}; -1 where that platform's structure has no such field.
 *
 * <p>XP SP3 x86 offsets are from the kernel's public symbols as listed by {@code dt} in
 * public XP SP3 sessions: _EPROCESS (0x260 bytes, the size seed 003's ObCreateObject passes;
 * sizes per build in Geoff Chappell, geoffchappell.com/studies/windows/km/ntoskrnl/structs/eprocess;
 * field listing e.g. blog.csdn.net/qq_50242229/article/details/130532903), _ETHREAD (0x258
 * bytes, seed 003; Cid +0x1ec, ThreadsProcess +0x220, StartAddress +0x224, Win32StartAddress
 * +0x228, ThreadListEntry +0x22c), _KTHREAD (InitialStack +0x018 ... SuspendCount +0x1b9;
 * ApcState.Process +0x044 and ApcStateIndex +0x165 are the fields seed 003's KeAttachProcess
 * reads; SavedApcState +0x14c, where KiAttachProcess keeps the thread's own), _KPROCESS, _PEB (0x210 bytes, seed 003's MiCreatePebOrTeb size), _TEB (DbgSsReserved
 * +0xf20, whose second slot +0xf24 seed 003's DbgUiGetThreadDebugObject reads), _HANDLE_TABLE
 * and _OBJECT_HEADER (Body +0x18). ReactOS's NDK headers (include/ndk/pstypes.h, ketypes.h)
 * declare the same members in the same order for NTDDI_WINXP.
 */
final class StructLayouts {
    private StructLayouts() {
    }

    static final Map<String, int[]> EPROCESS = Map.ofEntries(
            Map.entry("Pcb", new int[] {0x000, 0x000}),
            Map.entry("CreateTime", new int[] {0x468, 0x070}),
            // bit fields of Flags2 (+0x460, Pos 12, 3 bits) and Flags (+0x464, Pos 27, 3 bits) on x64 (dt nt!_EPROCESS, Windows 10 2004 and later)
            Map.entry("DefaultPagePriority", new int[] {0x460, -1}),
            // Flags2 bit 15 (Vergilius Project, _EPROCESS of Windows 10 22H2 19045 x64); XP has no such flag
            Map.entry("PrimaryTokenFrozen", new int[] {0x460, -1}),
            Map.entry("DefaultIoPriority", new int[] {0x464, -1}),
            Map.entry("UniqueProcessId", new int[] {0x440, 0x084}),
            Map.entry("ActiveProcessLinks", new int[] {0x448, 0x088}),
            Map.entry("DebugPort", new int[] {-1, 0x0bc}),
            Map.entry("ExceptionPort", new int[] {-1, 0x0c0}),
            Map.entry("ObjectTable", new int[] {0x570, 0x0c4}),
            Map.entry("Token", new int[] {0x4b8, 0x0c8}),
            Map.entry("VadRoot", new int[] {0x7d8, 0x11c}),
            Map.entry("Job", new int[] {-1, 0x134}),
            Map.entry("SectionObject", new int[] {0x518, 0x138}),
            Map.entry("SectionBaseAddress", new int[] {0x520, 0x13c}),
            Map.entry("InheritedFromUniqueProcessId", new int[] {0x540, 0x14c}),
            // _SE_AUDIT_PROCESS_CREATION_INFO: one pointer, to the OBJECT_NAME_INFORMATION of the image (19045 +0x5c0, XP SP3 +0x1f4)
            Map.entry("SeAuditProcessCreationInfo.ImageFileName", new int[] {0x5c0, 0x1f4}),
            Map.entry("Session", new int[] {-1, 0x170}),
            Map.entry("ImageFileName", new int[] {0x5a8, 0x174}),
            Map.entry("ThreadListHead", new int[] {0x5e0, 0x190}),
            Map.entry("ActiveThreads", new int[] {0x5f0, 0x1a0}),
            Map.entry("GrantedAccess", new int[] {-1, 0x1a4}),
            Map.entry("DefaultHardErrorProcessing", new int[] {-1, 0x1a8}),
            Map.entry("Peb", new int[] {0x550, 0x1b0}),
            Map.entry("ExitStatus", new int[] {0x7d4, 0x24c}),
            Map.entry("PriorityClass", new int[] {0x5b7, 0x254}),
            Map.entry("SessionId", new int[] {0x87c, -1}));

    static final Map<String, int[]> KPROCESS = Map.of(
            "Header", new int[] {0x000, 0x000},
            "DirectoryTableBase", new int[] {0x028, 0x018},
            "ThreadListHead", new int[] {0x030, 0x050},
            "BasePriority", new int[] {0x281, 0x062});

    static final Map<String, int[]> ETHREAD = Map.of(
            "Tcb", new int[] {0x000, 0x000},
            "CreateTime", new int[] {0x430, 0x1c0},
            "ExitStatus", new int[] {0x548, 0x1d0},
            "Cid", new int[] {0x478, 0x1ec},
            "ThreadsProcess", new int[] {-1, 0x220},
            "StartAddress", new int[] {0x4d0, 0x224},
            "Win32StartAddress", new int[] {0x550, 0x228},
            "ThreadListEntry", new int[] {0x4e8, 0x22c},
            "GrantedAccess", new int[] {-1, 0x244});

    static final Map<String, int[]> KTHREAD = Map.ofEntries(
            Map.entry("Header", new int[] {0x000, 0x000}),
            Map.entry("InitialStack", new int[] {-1, 0x018}),
            Map.entry("StackLimit", new int[] {0x030, 0x01c}),
            Map.entry("Teb", new int[] {0x0f0, 0x020}),
            Map.entry("KernelStack", new int[] {-1, 0x028}),
            Map.entry("State", new int[] {0x184, 0x02d}),
            Map.entry("Priority", new int[] {0x0c3, 0x033}),
            Map.entry("ApcState", new int[] {0x098, 0x034}),
            Map.entry("ApcState.Process", new int[] {-1, 0x044}),
            Map.entry("WaitReason", new int[] {0x187, 0x05b}),
            Map.entry("BasePriority", new int[] {0x233, 0x06c}),
            Map.entry("TrapFrame", new int[] {-1, 0x134}),
            Map.entry("PreviousMode", new int[] {-1, 0x140}),
            // the APC state KiAttachProcess saves (seed 003's KiMoveApcState); its Process 0x10 in, as ApcState's
            Map.entry("SavedApcState", new int[] {-1, 0x14c}),
            Map.entry("SavedApcState.Process", new int[] {-1, 0x15c}),
            Map.entry("ApcStateIndex", new int[] {-1, 0x165}),
            Map.entry("StackBase", new int[] {0x038, 0x168}),
            Map.entry("Process", new int[] {0x220, -1}),
            Map.entry("SuspendCount", new int[] {0x284, 0x1b9}),
            // in the Affinity union on x64 (Vergilius Project, _KTHREAD of Windows 10 22H2 19045 x64)
            Map.entry("IdealProcessor", new int[] {0x24c, -1}));

    static final Map<String, int[]> OBJECT_HEADER = Map.of(
            "PointerCount", new int[] {0x000, 0x000},
            "HandleCount", new int[] {0x008, 0x004},
            "Type", new int[] {-1, 0x008},
            "TypeIndex", new int[] {0x018, -1},
            "Body", new int[] {0x030, 0x018});

    static final Map<String, int[]> HANDLE_TABLE = Map.of(
            "NextHandleNeedingPool", new int[] {0x000, 0x038},
            "ExtraInfoPages", new int[] {0x004, 0x02c},
            "QuotaProcess", new int[] {0x010, 0x004},
            "UniqueProcessId", new int[] {-1, 0x008},
            "HandleCount", new int[] {0x02c, 0x03c});

    /** The heap fields are XP SP3's only (ProcessHeap +0x018, NumberOfHeaps +0x088 ... ProcessHeaps +0x090): the modern machine has no heaps. */
    static final Map<String, int[]> PEB = Map.ofEntries(
            Map.entry("BeingDebugged", new int[] {0x002, 0x002}),
            // BitField's bit 0 (Server 2003 on; XP SP3 has SpareBool there)
            Map.entry("ImageUsesLargePages", new int[] {0x003, -1}),
            Map.entry("ImageBaseAddress", new int[] {0x010, 0x008}),
            Map.entry("Ldr", new int[] {0x018, 0x00c}),
            Map.entry("ProcessParameters", new int[] {0x020, 0x010}),
            Map.entry("ProcessHeap", new int[] {-1, 0x018}),
            Map.entry("NumberOfHeaps", new int[] {-1, 0x088}),
            Map.entry("MaximumNumberOfHeaps", new int[] {-1, 0x08c}),
            Map.entry("ProcessHeaps", new int[] {-1, 0x090}),
            Map.entry("OSMajorVersion", new int[] {0x118, 0x0a4}),
            Map.entry("OSMinorVersion", new int[] {-1, 0x0a8}),
            Map.entry("OSBuildNumber", new int[] {0x120, 0x0ac}),
            Map.entry("SessionId", new int[] {0x2c0, 0x1d4}));

    /**
     * x64 CurrentLocale (+0x108) and IdealProcessor (+0x1747, the last byte of the
     * CurrentIdealProcessor union at +0x1744): Vergilius Project, _TEB of Windows 10 22H2 19045 x64.
     */
    static final Map<String, int[]> TEB = Map.of(
            "NtTib.StackBase", new int[] {0x008, 0x004},
            "NtTib.StackLimit", new int[] {0x010, 0x008},
            "NtTib.ArbitraryUserPointer", new int[] {0x028, 0x014},
            "ClientId", new int[] {0x040, 0x020},
            "ProcessEnvironmentBlock", new int[] {0x060, 0x030},
            "LastErrorValue", new int[] {0x068, 0x034},
            "CurrentLocale", new int[] {0x108, -1},
            // the second slot of DbgSsReserved (x64 +0x16a0, x86 +0xf20): the debug object DbgUiConnectToDbg made
            "DbgSsReserved[1]", new int[] {0x16a8, 0xf24},
            "LastStatusValue", new int[] {0x1250, 0xbf4},
            "IdealProcessor", new int[] {0x1747, -1});

    /** XP SP3 sizes: the object body sizes PspCreateProcess/PspCreateThread pass to ObCreateObject (seed 003), and the others' sizeof. */
    static final Map<String, Integer> XP_SIZES = Map.of(
            "_EPROCESS", 0x260, "_ETHREAD", 0x258, "_KPROCESS", 0x6c, "_KTHREAD", 0x1c0,
            "_PEB", 0x210, "_TEB", 0xfb4, "_HANDLE_TABLE", 0x44, "_OBJECT_HEADER", 0x20);

    /** The field's offset on {@code platform}, or -1 when its structure has no such field there. */
    static int offset(Map<String, int[]> layout, Platform platform, String field) {
        int[] offsets = layout.get(field);
        return offsets == null ? -1 : offsets[platform.x86 ? 1 : 0];
    }
}
