package com.ntprocesslab.session;

/** The student's active machine for a purpose; {@code created} when it was booted just now. */
public record OpenedMachine(long machineId, boolean created) {
}
