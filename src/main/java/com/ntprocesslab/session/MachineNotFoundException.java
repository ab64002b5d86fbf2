package com.ntprocesslab.session;

/**
 * Raised for a machine that does not exist or is not the caller's: both look the same, so an id
 * in a URL reveals nothing about other students' machines.
 */
public class MachineNotFoundException extends RuntimeException {

    public MachineNotFoundException(long machineId) {
        super("Machine " + machineId + " was not found.");
    }
}
