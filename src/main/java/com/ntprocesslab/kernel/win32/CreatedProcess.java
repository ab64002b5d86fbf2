package com.ntprocesslab.kernel.win32;

/**
 * The PROCESS_INFORMATION of the last CreateProcess call that completed on the machine: what
 * the console's {@code $hProcess}, {@code $hThread}, {@code $dwProcessId} and
 * {@code $dwThreadId} stand for, so a command (a lab's reference solution) names the new
 * process's handles and IDs without knowing their values, which differ between machines.
 */
public record CreatedProcess(long hProcess, long hThread, long dwProcessId, long dwThreadId) {

    /** The value a {@code $name} stands for, or null for a name that is not a PROCESS_INFORMATION field. */
    public Long field(String name) {
        return switch (name) {
            case "hProcess" -> hProcess;
            case "hThread" -> hThread;
            case "dwProcessId" -> dwProcessId;
            case "dwThreadId" -> dwThreadId;
            default -> null;
        };
    }
}
