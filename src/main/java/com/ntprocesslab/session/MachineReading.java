package com.ntprocesslab.session;

/**
 * A machine's canonical JSON snapshot together with its log position: the sequence number of
 * the last accepted command it reflects (0 for a freshly booted machine).
 */
public record MachineReading(long machineId, String snapshotJson, long logPosition) {
}
