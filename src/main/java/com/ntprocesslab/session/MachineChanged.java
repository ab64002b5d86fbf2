package com.ntprocesslab.session;

/**
 * A machine accepted a command. {@code origin} identifies who sent it, so the sender's page,
 * which already shows the answer, can ignore its own event.
 */
public record MachineChanged(long machineId, ConsoleEntry entry, Object origin) {}
