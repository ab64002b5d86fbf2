package com.ntprocesslab.session;

/** A machine was reset: it is kept, read-only, and the student works on {@code successorId} now. */
public class MachineRetiredException extends RuntimeException {

    private final long machineId;
    private final long successorId;

    public MachineRetiredException(long machineId, long successorId) {
        super("Machine " + machineId + " was reset and is kept read-only; your machine is now " + successorId + ".");
        this.machineId = machineId;
        this.successorId = successorId;
    }

    public long machineId() {
        return machineId;
    }

    public long successorId() {
        return successorId;
    }
}
