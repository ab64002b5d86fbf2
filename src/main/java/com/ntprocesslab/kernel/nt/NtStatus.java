package com.ntprocesslab.kernel.nt;

import java.util.Map;
import java.util.TreeMap;

/** NTSTATUS values the machine returns, their names and RtlNtStatusToDosError. */
public final class NtStatus {
    public static final long STATUS_SUCCESS = 0x00000000L;
    public static final long STATUS_WAIT_0 = 0x00000000L;
    public static final long STATUS_TIMEOUT = 0x00000102L;
    /** An alertable user-mode wait ended to deliver a user APC (ntstatus.h; a success status). */
    public static final long STATUS_USER_APC = 0x000000C0L;
    public static final long STATUS_PENDING = 0x00000103L;
    public static final long STATUS_ACCESS_VIOLATION = 0xC0000005L;
    public static final long STATUS_PORT_CONNECTION_REFUSED = 0xC0000041L;
    public static final long STATUS_INVALID_HANDLE = 0xC0000008L;
    public static final long STATUS_INVALID_PARAMETER = 0xC000000DL;
    public static final long STATUS_NO_MEMORY = 0xC0000017L;
    public static final long STATUS_ACCESS_DENIED = 0xC0000022L;
    public static final long STATUS_OBJECT_TYPE_MISMATCH = 0xC0000024L;
    public static final long STATUS_OBJECT_NAME_INVALID = 0xC0000033L;
    public static final long STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034L;
    public static final long STATUS_OBJECT_PATH_NOT_FOUND = 0xC000003AL;
    public static final long STATUS_INVALID_IMAGE_FORMAT = 0xC000007BL;
    public static final long STATUS_INSUFFICIENT_RESOURCES = 0xC000009AL;
    public static final long STATUS_PROCESS_IS_TERMINATING = 0xC000010AL;
    public static final long STATUS_INVALID_IMAGE_NOT_MZ = 0xC000012FL;
    public static final long STATUS_INVALID_CID = 0xC000000BL;
    public static final long STATUS_THREAD_IS_TERMINATING = 0xC000004BL;
    public static final long STATUS_PRIVILEGE_NOT_HELD = 0xC0000061L;
    public static final long STATUS_PROCEDURE_NOT_FOUND = 0xC000007AL;
    public static final long STATUS_IMAGE_ALREADY_LOADED = 0xC000010EL;
    public static final long STATUS_INVALID_INFO_CLASS = 0xC0000003L;
    /** RtlInitUnicodeStringEx: a string longer than a UNICODE_STRING holds (32,767 characters). */
    public static final long STATUS_NAME_TOO_LONG = 0xC0000106L;
    /** A copy between address spaces that could not read or write all its bytes (MmCopyVirtualMemory). */
    public static final long STATUS_PARTIAL_COPY = 0x8000000DL;
    /**
     * "{Machine Type Mismatch} The image file %hs is valid, but is for a machine type other than the
     * current machine": the informational status kernel32 raises as a hard error when an image's
     * Machine is outside SharedUserData's ImageNumberLow..High (seed 004's CreateProcessW; ntstatus.h).
     */
    public static final long STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE = 0x40000023L;
    /** LdrGetProcedureAddress of a module handle the process has not loaded. */
    public static final long STATUS_DLL_NOT_FOUND = 0xC0000135L;

    private static final Map<Long, String> NAMES = new TreeMap<>();
    private static final Map<Long, Long> DOS_ERRORS = new TreeMap<>();

    static {
        name(STATUS_SUCCESS, "STATUS_SUCCESS", 0);
        name(STATUS_TIMEOUT, "STATUS_TIMEOUT", 0x5B4);
        name(STATUS_PENDING, "STATUS_PENDING", 0x3E5);
        name(STATUS_ACCESS_VIOLATION, "STATUS_ACCESS_VIOLATION", 0x3E6);
        name(STATUS_INVALID_HANDLE, "STATUS_INVALID_HANDLE", 6);
        name(STATUS_INVALID_PARAMETER, "STATUS_INVALID_PARAMETER", 87);
        name(STATUS_NO_MEMORY, "STATUS_NO_MEMORY", 8);
        name(STATUS_ACCESS_DENIED, "STATUS_ACCESS_DENIED", 5);
        name(STATUS_OBJECT_TYPE_MISMATCH, "STATUS_OBJECT_TYPE_MISMATCH", 6);
        name(STATUS_OBJECT_NAME_INVALID, "STATUS_OBJECT_NAME_INVALID", 123);
        name(STATUS_OBJECT_NAME_NOT_FOUND, "STATUS_OBJECT_NAME_NOT_FOUND", 2);
        name(STATUS_OBJECT_PATH_NOT_FOUND, "STATUS_OBJECT_PATH_NOT_FOUND", 3);
        name(STATUS_INVALID_IMAGE_FORMAT, "STATUS_INVALID_IMAGE_FORMAT", 193);
        name(STATUS_INSUFFICIENT_RESOURCES, "STATUS_INSUFFICIENT_RESOURCES", 1450);
        name(STATUS_PROCESS_IS_TERMINATING, "STATUS_PROCESS_IS_TERMINATING", 5);
        name(STATUS_INVALID_IMAGE_NOT_MZ, "STATUS_INVALID_IMAGE_NOT_MZ", 193);
        name(STATUS_INVALID_CID, "STATUS_INVALID_CID", 87);
        name(STATUS_THREAD_IS_TERMINATING, "STATUS_THREAD_IS_TERMINATING", 5);
        name(STATUS_PRIVILEGE_NOT_HELD, "STATUS_PRIVILEGE_NOT_HELD", 1314);
        name(STATUS_PROCEDURE_NOT_FOUND, "STATUS_PROCEDURE_NOT_FOUND", 127);
        // RtlNtStatusToDosError: ERROR_SERVICE_ALREADY_RUNNING
        name(STATUS_IMAGE_ALREADY_LOADED, "STATUS_IMAGE_ALREADY_LOADED", 1056);
        name(STATUS_INVALID_INFO_CLASS, "STATUS_INVALID_INFO_CLASS", 87);
        // RtlNtStatusToDosError: ERROR_FILENAME_EXCED_RANGE
        name(STATUS_NAME_TOO_LONG, "STATUS_NAME_TOO_LONG", 206);
        // RtlNtStatusToDosError: ERROR_PARTIAL_COPY
        name(STATUS_PARTIAL_COPY, "STATUS_PARTIAL_COPY", 299);
        // RtlNtStatusToDosError: ERROR_MOD_NOT_FOUND
        name(STATUS_DLL_NOT_FOUND, "STATUS_DLL_NOT_FOUND", 126);
        name(STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE, "STATUS_IMAGE_MACHINE_TYPE_MISMATCH_EXE", 216);
    }

    private NtStatus() {
    }

    private static void name(long status, String name, long dosError) {
        NAMES.put(status, name);
        DOS_ERRORS.put(status, dosError);
    }

    public static boolean success(long status) {
        return (status & 0x80000000L) == 0 && (status & 0xC0000000L) != 0xC0000000L;
    }

    public static String name(long status) {
        return NAMES.getOrDefault(status, "NTSTATUS");
    }

    /** RtlNtStatusToDosError: the Win32 error GetLastError reports for a failed status. */
    public static long toDosError(long status) {
        return DOS_ERRORS.getOrDefault(status, 317L);
    }

    public static String format(long status) {
        return String.format("0x%08x (%s)", status, name(status));
    }
}
