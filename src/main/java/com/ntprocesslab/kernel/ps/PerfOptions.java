package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.cm.RegistryKey;
import com.ntprocesslab.kernel.se.Privilege;
import com.ntprocesslab.kernel.se.Token;

/**
 * IFEO\\<image>\\PerfOptions IoPriority and PagePriority, as the modern kernel reads them
 * (PspReadIFEOPerfOptions: REG_DWORD values IoPriority, PagePriority, CpuPriorityClass) and
 * applies them to the new process (PspApplyIFEOPerfOptions, called by PspAllocateProcess after
 * ObInitProcess; public decompilations of ntoskrnl's PspAllocateProcess and
 * PspApplyIFEOPerfOptions):
 * <ul>
 * <li>IoPriority below 4 (IO_PRIORITY_HINT: very low 0, low 1, normal 2, high 3) goes into
 *     Flags.DefaultIoPriority; 3 only when the creator holds SeIncreaseBasePriorityPrivilege
 *     (SeSinglePrivilegeCheck); anything else is ignored.</li>
 * <li>PagePriority goes into Flags2.DefaultPagePriority only when it is below
 *     MmGetDefaultPagePriority() (5, MEMORY_PRIORITY_NORMAL): IFEO can lower a process's
 *     memory priority, never raise it.</li>
 * </ul>
 * The machine applies them as the process object is initialised, where it already applies
 * CpuPriorityClass: both happen before the process runs, with no step of their own.
 */
public final class PerfOptions {
    /** IoPriorityNormal of IO_PRIORITY_HINT (wdm.h). */
    public static final int IO_PRIORITY_NORMAL = 2;
    /** IoPriorityHigh: "reserved for use by the system" (wdm.h); IFEO may set it with SeIncreaseBasePriorityPrivilege. */
    static final int IO_PRIORITY_HIGH = 3;
    /** MEMORY_PRIORITY_NORMAL (winbase.h), what MmGetDefaultPagePriority returns. */
    public static final int MEMORY_PRIORITY_NORMAL = 5;

    private PerfOptions() {
    }

    /** PspReadIFEOPerfOptions: the values present under the image's PerfOptions key. */
    static void read(Executive k, PspCreateParameters c) {
        RegistryKey key = k.registry.openKey(Registry.IFEO + "\\" + c.imageName() + "\\PerfOptions");
        if (key == null) {
            return;
        }
        c.ifeoIoPriority = dword(key.values.get("IoPriority"));
        c.ifeoPagePriority = dword(key.values.get("PagePriority"));
    }

    /** A child inherits its parent's defaults (PspAllocateProcess), then PspApplyIFEOPerfOptions. */
    static void apply(EProcess process, EProcess parent, Token creator, PspCreateParameters c) {
        if (parent != null) {
            process.defaultIoPriority = parent.defaultIoPriority;
            process.defaultPagePriority = parent.defaultPagePriority;
        }
        Long io = c.ifeoIoPriority;
        if (io != null && io >= 0 && io <= IO_PRIORITY_HIGH
                && (io < IO_PRIORITY_HIGH || creator != null && creator.has(Privilege.SeIncreaseBasePriorityPrivilege))) {
            process.defaultIoPriority = io.intValue();
        }
        Long page = c.ifeoPagePriority;
        if (page != null && page >= 0 && page < MEMORY_PRIORITY_NORMAL) {
            process.defaultPagePriority = page.intValue();
        }
    }

    /** A REG_DWORD as the registry command stores it (decimal or 0x hex), or null when absent or not a number. */
    private static Long dword(String text) {
        if (text == null) {
            return null;
        }
        String value = text.trim();
        try {
            long number = value.startsWith("0x") || value.startsWith("0X") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            return number >= 0 && number <= 0xFFFFFFFFL ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
