package com.ntprocesslab.session;

import java.time.Duration;
import java.time.Instant;
import lombok.Getter;
import lombok.experimental.Accessors;

/** Another node serves this machine (its lease is live), so this node must not touch it; nothing changed. */
@Getter
@Accessors(fluent = true)
public class MachineHeldElsewhereException extends RuntimeException {

    private final long machineId;
    /** The node id of the server that has the machine open. */
    private final String holder;
    /** How long a stopped server's hold lasts at the most. */
    private final Duration leaseDuration;
    /**
     * When the lease this refusal saw runs out unless its holder renews it: a holder that died
     * just before the refusal (it still looked alive) lets it run out, and the machine can move then.
     */
    private final Instant seenUntil;
    /** The fencing token of the take this refusal saw. */
    private final long seenToken;

    public MachineHeldElsewhereException(long machineId, String holder, Duration leaseDuration, Instant seenUntil, long seenToken) {
        super("Machine " + machineId + " is open on another server (" + holder + ") right now, so this server did not run anything on it."
                + " If that server stopped, its hold on the machine ends within " + leaseDuration.toSeconds() + " s: try again then.");
        this.machineId = machineId;
        this.holder = holder;
        this.leaseDuration = leaseDuration;
        this.seenUntil = seenUntil;
        this.seenToken = seenToken;
    }
}
