package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.csr.FastSystemCall;
import com.ntprocesslab.kernel.machine.Kernel;

/**
 * The KUSER_SHARED_DATA fields the machine models, at SharedUserData's user address 0x7ffe0000
 * (MM_SHARED_USER_DATA_VA on x86 and x64; offsets from the WDK's ntddk.h KUSER_SHARED_DATA,
 * unchanged from XP to Windows 10): ImageNumberLow/High at +0x2c/+0x2e, the machine type
 * kernel32's CreateProcess compares an image's Machine with (seed 003: 0x14c on XP), and
 * NtMajorVersion/NtMinorVersion at +0x26c/+0x270. On XP also SystemCall and SystemCallReturn
 * at +0x300/+0x304 (ntddk.h before Windows 8, which reuses +0x300 for QpcFrequency): the
 * addresses of ntdll!KiFastSystemCall, which every ntdll stub calls through
 * {@code mov edx, 7FFE0300h; call dword ptr [edx]}, and of ntdll!KiFastSystemCallRet, where
 * SYSEXIT returns. Every other dword reads as unmodelled.
 */
final class SharedUserData {
    static final long BASE = 0x7ffe0000L;
    private static final long IMAGE_NUMBER = 0x2c;
    private static final long NT_MAJOR_VERSION = 0x26c;
    private static final long NT_MINOR_VERSION = 0x270;
    private static final long SYSTEM_CALL = 0x300;
    private static final long SYSTEM_CALL_RETURN = 0x304;

    private SharedUserData() {
    }

    /** The value of {@code width} (4 or 8) bytes at an address inside SharedUserData, or null when any dword is unmodelled. */
    static Long read(Kernel k, long address, int width) {
        return Dwords.read(address, width, a -> dword(k, a));
    }

    private static Long dword(Kernel k, long address) {
        long offset = address - BASE;
        if (offset == IMAGE_NUMBER) {
            long machine = k.platform.imageNumber();
            return machine << 16 | machine;
        }
        if (offset == NT_MAJOR_VERSION) {
            return (long) k.platform.osMajorVersion;
        }
        if (offset == NT_MINOR_VERSION) {
            return (long) k.platform.osMinorVersion;
        }
        if (k.profile == Profile.CLASSIC && offset == SYSTEM_CALL) {
            return k.symbolAddress(FastSystemCall.KI_FAST_SYSTEM_CALL);
        }
        if (k.profile == Profile.CLASSIC && offset == SYSTEM_CALL_RETURN) {
            return k.symbolAddress(FastSystemCall.KI_FAST_SYSTEM_CALL_RET);
        }
        return null;
    }
}
