package com.ntprocesslab.session;

/** What a machine is, before any replay: its owner, its purpose (a lab id or the sandbox), and whether it is the owner's current one. */
public record ObservedHistory(long machineId, long ownerId, String ownerName, String purpose, boolean active) {
}
