package com.ntprocesslab.session;

/** Whether a machine is still the student's active one; when retired, {@code currentId} is the one that replaced it. */
public record MachineStatus(long machineId, boolean active, long currentId) {}
