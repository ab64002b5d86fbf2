package com.ntprocesslab;

import java.util.List;

/**
 * A realistic cycle of console commands for tests and benchmarks: create, schedule, inspect,
 * terminate and close, so the machine keeps changing but returns to a steady size.
 */
public final class CommandMix {

    private static final List<String> CYCLE = List.of(
            ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe",
            "g",
            ".call explorer.exe GetExitCodeProcess 0xc",
            ".call explorer.exe CloseHandle 0xc",
            ".call explorer.exe CloseHandle 0x10",
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED",
            ".call explorer.exe ResumeThread 0x10",
            "g",
            ".call explorer.exe TerminateProcess 0xc 1",
            // the victim exits on its own thread once it runs (the exit APC): let it, before explorer calls again
            "g",
            ".call explorer.exe CloseHandle 0xc",
            ".call explorer.exe CloseHandle 0x10",
            "!process 0 0");

    private CommandMix() {
    }

    /** The i-th command of the cycle; every one of them is accepted in this order from boot. */
    public static String command(long i) {
        return CYCLE.get((int) (i % CYCLE.size()));
    }

    public static int cycleLength() {
        return CYCLE.size();
    }
}
