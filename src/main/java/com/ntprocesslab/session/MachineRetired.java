package com.ntprocesslab.session;

/** A machine was reset: its open pages should move to {@code successorId}. */
public record MachineRetired(long machineId, long successorId) {}
