package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.NtStatus;
import java.util.List;

/**
 * One callable API: its entry routine, how its arguments parse and how its result prints.
 * {@code classicEntry} is the Windows XP entry where that kernel's code differs (the
 * creation APIs); null means both profiles run the same routine.
 */
public record ApiSpec(String name, String usage, Returns returns, boolean guestOnly, ArgParser parser,
                      java.util.function.Supplier<Routine> entry, java.util.function.Supplier<Routine> classicEntry) {

    /** The routine a call of this API enters on a machine of {@code profile}. */
    public Routine entryFor(com.ntprocesslab.kernel.Profile profile) {
        return profile == com.ntprocesslab.kernel.Profile.CLASSIC && classicEntry != null ? classicEntry.get() : entry.get();
    }

    /** Fills the call from the argument words; returns null or an error naming the bad word. */
    @FunctionalInterface
    public interface ArgParser {
        String parse(List<String> args, ApiCall call);
    }

    public enum Returns {
        BOOL, HANDLE, DWORD, WAIT, NTSTATUS, EXIT_CODE, NONE, THREAD_PRIORITY;

        public String format(long value) {
            return switch (this) {
                case BOOL, EXIT_CODE -> value != 0 ? "TRUE" : "FALSE";
                case HANDLE -> value == 0 ? "NULL" : Numbers.hex(value);
                case DWORD -> value == 0xFFFFFFFFL ? "0xffffffff (-1)" : Numbers.hex(value);
                case WAIT -> value == ApiCall.WAIT_OBJECT_0 ? "0x0 (WAIT_OBJECT_0)"
                        : value == ApiCall.WAIT_TIMEOUT ? "0x102 (WAIT_TIMEOUT)" : "0xffffffff (WAIT_FAILED)";
                case NTSTATUS -> NtStatus.format(value);
                case NONE -> "";
                case THREAD_PRIORITY -> ThreadApi.priorityName((int) value);
            };
        }
    }
}
