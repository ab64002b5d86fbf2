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
 *
 * <p>UseLargePages, a REG_DWORD of the image's own IFEO key ("Load image using large pages if
 * possible", Microsoft Learn, GFlags), is read with them: seed 001 (Windows Internals, stage 3A)
 * lists it among the IFEO values PspAllocateProcess sets the EPROCESS from. The kernel grants it
 * as it grants NtCreateProcessEx's PROCESS_CREATE_FLAGS_LARGE_PAGES, which needs the creator's
 * SeLockMemoryPrivilege (phnt ntpsapi.h; Microsoft Learn, Large-Page Support), and records it as
 * WRK's PspCreateProcess does: InitialPeb.ImageUsesLargePages, PEB.BitField bit 0 (MmCreatePeb).
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
        readUseLargePages(k, c);
        RegistryKey key = k.registry.openKey(Registry.IFEO + "\\" + c.imageName() + "\\PerfOptions");
        if (key == null) {
            return;
        }
        c.ifeoIoPriority = dword(key.values.get("IoPriority"));
        c.ifeoPagePriority = dword(key.values.get("PagePriority"));
    }

    /** IFEO\\<image>\\UseLargePages (not under PerfOptions: a value of the image's own key). */
    static void readUseLargePages(Executive k, PspCreateParameters c) {
        RegistryKey key = k.registry.openKey(Registry.IFEO + "\\" + c.imageName());
        c.ifeoUseLargePages = key == null ? null : dword(key.values.get("UseLargePages"));
    }

    /** A nonzero UseLargePages counts only for a creator holding SeLockMemoryPrivilege; otherwise the image maps with small pages. */
    static void applyUseLargePages(Token creator, PspCreateParameters c) {
        Long value = c.ifeoUseLargePages;
        c.imageUsesLargePages = value != null && value != 0 && creator != null && creator.has(Privilege.SeLockMemoryPrivilege);
    }

    /** A child inherits its parent's defaults (PspAllocateProcess), then PspApplyIFEOPerfOptions. */
    static void apply(EProcess process, EProcess parent, Token creator, PspCreateParameters c) {
        applyUseLargePages(creator, c);
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
