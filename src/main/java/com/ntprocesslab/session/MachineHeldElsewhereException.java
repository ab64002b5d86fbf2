package com.ntprocesslab.session;

import java.time.Duration;

/** Another node serves this machine (its lease is live), so this node must not touch it; nothing changed. */
public class MachineHeldElsewhereException extends RuntimeException {

    public MachineHeldElsewhereException(long machineId, String holder, Duration leaseDuration) {
        super("Machine " + machineId + " is open on another server (" + holder + ") right now, so this server did not run anything on it."
                + " If that server stopped, its hold on the machine ends within " + leaseDuration.toSeconds() + " s: try again then.");
    }
}
