package com.ntprocesslab.kernel.mm;

import com.ntprocesslab.kernel.io.DosDevices;
import com.ntprocesslab.kernel.io.ImageDescriptor;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Platform;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import java.util.Map;

/**
 * Memory manager services used by process and thread creation and teardown. Every
 * allocation takes the lowest free frame or slot, so freeing undoes it exactly.
 */
public final class MemoryManager {
    private static final String[] ADDRESS_SPACE_PAGES = {"PageDirectory", "HyperSpace", "WorkingSetList"};
    private static final long PEB_REGION = 0x3ac0000000L;
    private static final long STACK_REGION = 0x100000L;
    private static final int MAX_THREAD_SLOTS = 15;
    /** sizeof(PEB) on XP SP3 x86. */
    private static final long XP_PEB_SIZE = 0x210;
    /** Where XP's first heap would go: above the first 64 KB regions (environment, parameters). */
    private static final long HEAP_SEARCH_START = 0x30000L;

    private MemoryManager() {
    }

    /** Page directory, hyperspace and working-set pages; the directory's PFN gives the DirBase. */
    public static long MmCreateProcessAddressSpace(Executive k, EProcess process) {
        if (k.failAllocation(AllocationKind.ADDRESSSPACE) || k.pfnDatabase.freeFrames() < ADDRESS_SPACE_PAGES.length) {
            return NtStatus.STATUS_NO_MEMORY;
        }
        AddressSpace space = new AddressSpace();
        for (String use : ADDRESS_SPACE_PAGES) {
            long pfn = k.pfnDatabase.allocate(ownerTag(process) + " " + use);
            space.frames.put(pfn, use);
        }
        space.directoryTableBase = space.frames.firstKey() << 12;
        process.addressSpace = space;
        return NtStatus.STATUS_SUCCESS;
    }

    /** Where XP maps the NLS tables (InitNlsSectionPointer): 0x7FFB0000, below the PEB and TEBs. */
    static final long NLS_TABLES = 0x7ffb0000L;
    static final long NLS_TABLES_SIZE = 0x20000L;

    /** Maps the image section at its preferred base (no relocation in this machine). */
    public static long MmInitializeProcessAddressSpace(Executive k, EProcess process, SectionObject section) {
        ImageDescriptor image = section.image;
        process.addressSpace.insert(Vad.of(image.imageBase(), image.sizeOfImage(), "Image", section.fileObject.file.path(), "EXECUTE_WRITECOPY", false));
        process.sectionBaseAddress = image.imageBase();
        // SeInitializeProcessAuditName (MmInitializeProcessAddressSpace's AuditName argument): the file's device path
        process.seAuditImageFileName = DosDevices.devicePath(section.fileObject.name);
        return NtStatus.STATUS_SUCCESS;
    }

    /** Maps ntdll.dll into the new process (PspMapSystemDll). */
    public static long mapImage(EProcess process, String path, ImageDescriptor image) {
        if (process.addressSpace.overlaps(image.imageBase(), image.sizeOfImage())) {
            return NtStatus.STATUS_INVALID_IMAGE_FORMAT;
        }
        process.addressSpace.insert(Vad.of(image.imageBase(), image.sizeOfImage(), "Image", path, "EXECUTE_WRITECOPY", false));
        return NtStatus.STATUS_SUCCESS;
    }

    public static long MmCreatePeb(Executive k, EProcess process) {
        if (k.failAllocation(AllocationKind.PEB) || k.pfnDatabase.freeFrames() < 1) {
            return NtStatus.STATUS_NO_MEMORY;
        }
        Peb peb = new Peb();
        // x64: one 64 KB region per process; XP: always 0x7FFDF000
        peb.address = k.platform.x86 ? Platform.XP_PEB : PEB_REGION + process.uniqueProcessId * 0x10000L;
        peb.osMajorVersion = k.platform.osMajorVersion;
        peb.osMinorVersion = k.platform.osMinorVersion;
        peb.osBuildNumber = k.platform.osBuildNumber;
        peb.imageBaseAddress = process.sectionBaseAddress;
        peb.sessionId = Math.max(process.sessionId, 0);
        if (k.platform.x86) {
            // WRK mm/procsup.c MmCreatePeb: the heap list fills the PEB page after the PEB
            peb.processHeaps = peb.address + XP_PEB_SIZE;
            peb.maximumNumberOfHeaps = (int) ((0x1000 - XP_PEB_SIZE) / 4);
        }
        long pfn = k.pfnDatabase.allocate(ownerTag(process) + " Peb");
        process.addressSpace.frames.put(pfn, "Peb");
        process.addressSpace.insert(Vad.of(peb.address, 0x1000, "Private", "PEB", "READWRITE", true));
        process.peb = peb;
        return NtStatus.STATUS_SUCCESS;
    }

    /** The initial user stack, reserved from the image header's SizeOfStackReserve. */
    public static long createUserStack(Executive k, EThread thread, long reserve) {
        EProcess process = thread.process;
        int slot = freeThreadSlot(process);
        if (k.failAllocation(AllocationKind.STACK) || slot < 0) {
            return NtStatus.STATUS_NO_MEMORY;
        }
        long size = Math.max(reserve, 0x100000L);
        long limit = STACK_REGION + slot * 0x200000L;
        process.addressSpace.insert(Vad.of(limit, size, "Private", "Stack " + Long.toHexString(thread.uniqueThread), "READWRITE", true));
        thread.stackLimit = limit;
        thread.stackBase = limit + size;
        return NtStatus.STATUS_SUCCESS;
    }

    /**
     * An initial stack reserved in another process before its thread exists (XP's
     * BaseCreateStack): returns the stack's limit, or 0 when no memory is left. The thread
     * adopts it when NtCreateThread captures the INITIAL_TEB.
     */
    public static long reserveStack(Executive k, EProcess process, long reserve) {
        int slot = freeThreadSlot(process);
        if (k.failAllocation(AllocationKind.STACK) || slot < 0) {
            return 0;
        }
        long size = Math.max(reserve, 0x100000L);
        long limit = STACK_REGION + slot * 0x200000L;
        process.addressSpace.insert(Vad.of(limit, size, "Private", "Stack", "READWRITE", true));
        return limit;
    }

    /**
     * RtlCreateHeap's reservation (NtAllocateVirtualMemory, MEM_RESERVE, 64 KB aligned, first
     * fit from the bottom of the address space): returns the heap's base, or 0 when the
     * address space has no room.
     */
    public static long reserveHeap(EProcess process, long reserve) {
        for (long start = HEAP_SEARCH_START; start + reserve <= 0x7ffe0000L; start += 0x10000L) {
            if (!process.addressSpace.overlaps(start, reserve)) {
                process.addressSpace.insert(Vad.of(start, reserve, "Private", "Heap", "READWRITE", true));
                return start;
            }
        }
        return 0;
    }

    public static long MmCreateTeb(Executive k, EThread thread) {
        EProcess process = thread.process;
        if (k.failAllocation(AllocationKind.TEB) || k.pfnDatabase.freeFrames() < 1) {
            return NtStatus.STATUS_NO_MEMORY;
        }
        int slot = slotOfStack(thread);
        Teb teb = new Teb();
        // x64 places TEBs above the PEB; XP below it, one page each, downwards (the first at 0x7FFDE000)
        teb.address = k.platform.x86 ? process.peb.address - 0x1000L * (1 + slot) : process.peb.address + 0x1000L * (1 + slot);
        teb.stackBase = thread.stackBase;
        teb.stackLimit = thread.stackLimit;
        long pfn = k.pfnDatabase.allocate(ownerTag(process) + " Teb " + Long.toHexString(thread.uniqueThread));
        process.addressSpace.frames.put(pfn, "Teb " + Long.toHexString(thread.uniqueThread));
        process.addressSpace.insert(Vad.of(teb.address, 0x1000, "Private", "TEB " + Long.toHexString(thread.uniqueThread), "READWRITE", true));
        thread.teb = teb;
        return NtStatus.STATUS_SUCCESS;
    }

    /** Frees the TEB and the user stack of an exiting or failed thread. */
    public static void MmDeleteTeb(Executive k, EThread thread) {
        EProcess process = thread.process;
        AddressSpace space = process.addressSpace;
        if (thread.teb != null) {
            space.remove(thread.teb.address);
            freeFrame(k, space, "Teb " + Long.toHexString(thread.uniqueThread));
            thread.teb = null;
        }
        if (thread.stackLimit != 0) {
            space.remove(thread.stackLimit);
            thread.stackLimit = 0;
            thread.stackBase = 0;
        }
    }

    /** Process rundown: every view and private range goes; the page directory stays until deletion. */
    public static void MmCleanProcessAddressSpace(Executive k, EProcess process) {
        AddressSpace space = process.addressSpace;
        if (space == null) {
            return;
        }
        space.vadRoot.clear();
        for (Map.Entry<Long, String> frame : Map.copyOf(space.frames).entrySet()) {
            if (!isDirectoryPage(frame.getValue())) {
                k.pfnDatabase.free(frame.getKey());
                space.frames.remove(frame.getKey());
            }
        }
        process.peb = null;
    }

    /** Object deletion: the page-directory frames return to the free list. */
    public static void MmDeleteProcessAddressSpace(Executive k, EProcess process) {
        MmCleanProcessAddressSpace(k, process);
        AddressSpace space = process.addressSpace;
        if (space == null) {
            return;
        }
        for (long pfn : space.frames.keySet()) {
            k.pfnDatabase.free(pfn);
        }
        space.frames.clear();
        process.addressSpace = null;
    }

    private static boolean isDirectoryPage(String use) {
        for (String page : ADDRESS_SPACE_PAGES) {
            if (page.equals(use)) {
                return true;
            }
        }
        return false;
    }

    private static void freeFrame(Executive k, AddressSpace space, String use) {
        for (Map.Entry<Long, String> frame : space.frames.entrySet()) {
            if (frame.getValue().equals(use)) {
                k.pfnDatabase.free(frame.getKey());
                space.frames.remove(frame.getKey());
                return;
            }
        }
    }

    private static int freeThreadSlot(EProcess process) {
        for (int slot = 0; slot < MAX_THREAD_SLOTS; slot++) {
            if (!process.addressSpace.overlaps(STACK_REGION + slot * 0x200000L, 0x1000)) {
                return slot;
            }
        }
        return -1;
    }

    private static int slotOfStack(EThread thread) {
        return (int) ((thread.stackLimit - STACK_REGION) / 0x200000L);
    }

    public static String ownerTag(EProcess process) {
        // what String.format("%016x") gives, without parsing a format on every page allocated
        String hex = Long.toHexString(process.address);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
