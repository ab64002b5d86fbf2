package com.ntprocesslab.kernel.nt;

import java.util.Map;
import java.util.TreeMap;

/** Win32 error codes as GetLastError reports them, with their winerror.h names. */
public final class Win32Error {
    public static final long ERROR_SUCCESS = 0;
    public static final long ERROR_FILE_NOT_FOUND = 2;
    public static final long ERROR_PATH_NOT_FOUND = 3;
    public static final long ERROR_ACCESS_DENIED = 5;
    public static final long ERROR_INVALID_HANDLE = 6;
    public static final long ERROR_NOT_ENOUGH_MEMORY = 8;
    public static final long ERROR_INVALID_PARAMETER = 87;
    public static final long ERROR_BAD_EXE_FORMAT = 193;
    /**
     * "This version of %1 is not compatible with the version of Windows you're running": CreateProcess
     * of an image for another machine, when the caller's own image is for subsystem 4.0 or later
     * (seed 004's CreateProcessW; an NT 3.x caller gets ERROR_BAD_EXE_FORMAT instead).
     */
    public static final long ERROR_EXE_MACHINE_TYPE_MISMATCH = 216;
    /**
     * "The %1 application cannot be run in Win32 mode": CreateProcess of an image whose subsystem is
     * neither Windows GUI nor console (NT base/client/process.c and ReactOS kernel32 client/proc.c
     * CreateProcessInternalW set it after NtQuerySection / NtCreateUserProcess's image information).
     */
    public static final long ERROR_CHILD_NOT_COMPLETE = 129;
    /** "A required privilege is not held by the client": CreateProcessWithTokenW without SE_IMPERSONATE_NAME. */
    public static final long ERROR_PRIVILEGE_NOT_HELD = 1314;
    /** "The directory name is invalid": CreateProcess's lpCurrentDirectory is no directory. */
    public static final long ERROR_DIRECTORY = 267;
    /** What WaitForDebugEvent sets when its wait times out (ReactOS kernel32 debugger.c; the Win32 documentation of WaitForDebugEvent). */
    public static final long ERROR_SEM_TIMEOUT = 121;

    private static final Map<Long, String> NAMES = new TreeMap<>(Map.ofEntries(
            Map.entry(0L, "ERROR_SUCCESS"),
            Map.entry(2L, "ERROR_FILE_NOT_FOUND"),
            Map.entry(3L, "ERROR_PATH_NOT_FOUND"),
            Map.entry(5L, "ERROR_ACCESS_DENIED"),
            Map.entry(6L, "ERROR_INVALID_HANDLE"),
            Map.entry(8L, "ERROR_NOT_ENOUGH_MEMORY"),
            Map.entry(87L, "ERROR_INVALID_PARAMETER"),
            Map.entry(121L, "ERROR_SEM_TIMEOUT"),
            Map.entry(123L, "ERROR_INVALID_NAME"),
            Map.entry(129L, "ERROR_CHILD_NOT_COMPLETE"),
            Map.entry(193L, "ERROR_BAD_EXE_FORMAT"),
            Map.entry(206L, "ERROR_FILENAME_EXCED_RANGE"),
            Map.entry(216L, "ERROR_EXE_MACHINE_TYPE_MISMATCH"),
            Map.entry(267L, "ERROR_DIRECTORY"),
            Map.entry(317L, "ERROR_MR_MID_NOT_FOUND"),
            Map.entry(998L, "ERROR_NOACCESS"),
            Map.entry(997L, "ERROR_IO_PENDING"),
            Map.entry(1460L, "ERROR_TIMEOUT"),
            Map.entry(1450L, "ERROR_NO_SYSTEM_RESOURCES"),
            Map.entry(1314L, "ERROR_PRIVILEGE_NOT_HELD"),
            Map.entry(1053L, "ERROR_SERVICE_REQUEST_TIMEOUT"),
            Map.entry(1056L, "ERROR_SERVICE_ALREADY_RUNNING"),
            Map.entry(1326L, "ERROR_LOGON_FAILURE"),
            Map.entry(1722L, "RPC_S_SERVER_UNAVAILABLE"),
            Map.entry(1745L, "RPC_S_PROCNUM_OUT_OF_RANGE")));

    private Win32Error() {
    }

    public static String name(long error) {
        return NAMES.getOrDefault(error, "ERROR_" + error);
    }

    public static String format(long error) {
        return "0x" + Long.toHexString(error) + " (" + name(error) + ")";
    }
}
