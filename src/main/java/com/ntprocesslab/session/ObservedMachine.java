package com.ntprocesslab.session;

import java.util.List;

/** A student's machine as an instructor sees it: whose it is, its command history and its replayed state. */
public record ObservedMachine(long machineId, String ownerName, String purpose, List<ConsoleEntry> history, String snapshotJson) {
}
