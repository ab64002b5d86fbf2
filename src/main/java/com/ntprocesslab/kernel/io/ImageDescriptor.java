package com.ntprocesslab.kernel.io;

import java.util.List;

/**
 * The PE header facts the kernel and loader need. {@code script} is the program a guest
 * image runs (one API call per line); DLLs and images without a script have none.
 */
public record ImageDescriptor(
        int machine,
        int subsystem,
        String subsystemVersion,
        long imageBase,
        long sizeOfImage,
        long addressOfEntryPoint,
        long sizeOfStackReserve,
        long sizeOfStackCommit,
        boolean dll,
        List<String> imports,
        List<String> script) {

    public static final int IMAGE_FILE_MACHINE_AMD64 = 0x8664;
    /** x86: what an XP machine runs (SharedUserData ImageNumberLow/High at 0x7FFE002C/E are 0x14c, seed 003). */
    public static final int IMAGE_FILE_MACHINE_I386 = 0x14c;
    public static final int IMAGE_SUBSYSTEM_NATIVE = 1;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_GUI = 2;
    public static final int IMAGE_SUBSYSTEM_WINDOWS_CUI = 3;

    public String subsystemName() {
        return switch (subsystem) {
            case IMAGE_SUBSYSTEM_NATIVE -> "Native";
            case IMAGE_SUBSYSTEM_WINDOWS_GUI -> "WindowsGui";
            case IMAGE_SUBSYSTEM_WINDOWS_CUI -> "WindowsCui";
            default -> "Unknown";
        };
    }
}
