package com.ntprocesslab.session;

/** A student's active machine for a purpose (a lab id): who owns it, for class-wide work such as re-grading. */
public record PurposeMachine(long machineId, long ownerId, String ownerName) {
}
