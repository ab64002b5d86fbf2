package com.ntprocesslab.kernel.nt;

import com.ntprocesslab.kernel.Profile;

/**
 * What a profile's machine is underneath, as data: pointer width, where the kernel puts its
 * pools, stacks and the idle process, where user mode finds the PEB and TEBs, the OS version
 * the PEB reports and the object header's size. The code that uses these values is the same
 * for both profiles.
 *
 * <p>Modern: Windows 10 x64 (build 19045). Classic: Windows XP SP3 on x86 (5.1.2600): a flat
 * 4 GB space, the kernel above 0x80000000 (objects in nonpaged pool at 0x8xxxxxxx, paged pool
 * with the handle tables at 0xe1xxxxxx, kernel stacks at 0xf7xxxxxx), the PEB at 0x7FFDF000
 * with the first TEB just below it (XP places TEBs downwards from the PEB), the OBJECT_HEADER
 * 0x18 bytes before the body (XP SP3 _OBJECT_HEADER: PointerCount +0x0, HandleCount +0x4,
 * Type +0x8, ..., Body +0x18; Geoff Chappell, "OBJECT_HEADER", geoffchappell.com).
 */
public enum Platform {
    AMD64_WIN10(false, 10, 0, 19045, 0x30),
    X86_XP_SP3(true, 5, 1, 2600, 0x18);

    /** The classic PEB: MmCreatePeb puts it at MM_HIGHEST_VAD_ADDRESS + 1 - PAGE_SIZE on XP. */
    public static final long XP_PEB = 0x7ffdf000L;
    /** x86 user space ends below 0x7FFF0000 (MM_HIGHEST_USER_ADDRESS 0x7FFEFFFF). */
    public static final long XP_HIGHEST_USER_ADDRESS = 0x7ffeffffL;
    /** XP SP3 KERNEL_STACK_SIZE: 12 KB per thread. */
    public static final long XP_KERNEL_STACK_SIZE = 0x3000;

    public final boolean x86;
    public final int osMajorVersion;
    public final int osMinorVersion;
    public final int osBuildNumber;
    /** How far before an object's body its OBJECT_HEADER starts. */
    public final long objectHeaderSize;

    Platform(boolean x86, int major, int minor, int build, long objectHeaderSize) {
        this.x86 = x86;
        this.osMajorVersion = major;
        this.osMinorVersion = minor;
        this.osBuildNumber = build;
        this.objectHeaderSize = objectHeaderSize;
    }

    public static Platform of(Profile profile) {
        return profile == Profile.CLASSIC ? X86_XP_SP3 : AMD64_WIN10;
    }

    /** A pointer as WinDbg prints it: ffffa08f`1c2d3040 on x64, 822d3040 on x86. */
    public String pointer(long address) {
        if (x86) {
            return String.format("%08x", address & 0xffffffffL);
        }
        String hex = String.format("%016x", address);
        return hex.substring(0, 8) + "`" + hex.substring(8);
    }

    /** A pointer without the backtick (as !peb, !teb and !thread print some): 16 digits on x64, 8 on x86. */
    public String plainPointer(long address) {
        return x86 ? String.format("%08x", address & 0xffffffffL) : String.format("%016x", address);
    }

    /**
     * The kernel address of a pool's low 32 bits. x64: the ffffa08f high half. x86: object pools
     * (0x1cxxxxxx..) move to nonpaged pool at 0x82xxxxxx, the handle-table pool (0x0axxxxxx) to
     * paged pool at 0xe1xxxxxx, so an address still says which pool it came from.
     */
    public long poolAddress(long low) {
        if (!x86) {
            return 0xffffa08f00000000L | low;
        }
        return low >= 0x1c000000L ? low + 0x66000000L : low + 0xd7000000L;
    }

    /** The inverse of {@link #poolAddress}: the pool's low 32 bits of a kernel address. */
    public long poolLow(long address) {
        if (!x86) {
            return address & 0xffffffffL;
        }
        return address >= 0xe1000000L ? address - 0xd7000000L : address - 0x66000000L;
    }

    /** The address of the Idle process's EPROCESS (nt!KiIdleProcess / PsIdleProcess). */
    public long idleProcess() {
        return x86 ? 0x80554a80L : 0xfffff80256349440L;
    }

    /** Where a thread's kernel stack ends (its InitialStack), placed by its ETHREAD address. */
    public long kernelStackBase(long threadAddress) {
        if (x86) {
            return 0xf7000000L + (((threadAddress >>> 7) & 0x3ff) + 1) * XP_KERNEL_STACK_SIZE;
        }
        return 0xffff928c4e000000L + ((threadAddress >>> 7) & 0xffff) * 0x6000L;
    }

    /** The kernel stack's size: x64 24 KB, x86 12 KB. */
    public long kernelStackSize() {
        return x86 ? XP_KERNEL_STACK_SIZE : 0x6000;
    }

    /** The object type objects (ObTypeIndexTable), one 0x80-byte slot per type. */
    public long typeObjects() {
        return x86 ? 0x825b0000L : 0xffffa08f0a000000L;
    }

    /** The highest user address (MM_HIGHEST_USER_ADDRESS). */
    public long highestUserAddress() {
        return x86 ? XP_HIGHEST_USER_ADDRESS : 0x7FFFFFFEFFFFL;
    }

    /**
     * KUSER_SHARED_DATA ImageNumberLow and ImageNumberHigh (+0x2c/+0x2e): the one machine type
     * the kernel runs images of, IMAGE_FILE_MACHINE_I386 (0x14c) on XP x86 (seed 003), AMD64
     * (0x8664) on x64. Both fields hold it.
     */
    public int imageNumber() {
        return x86 ? 0x14c : 0x8664;
    }
}
