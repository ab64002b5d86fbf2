package com.ntprocesslab.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of the live-machine cache and snapshot policy.
 *
 * @param maxLiveMachines machines kept in memory at most; the least recently used go first
 * @param idleEviction a machine untouched this long leaves memory (it is replayed on demand)
 * @param maxCommandLength longest command accepted, in characters
 * @param snapshotEvery a snapshot is stored after this many accepted commands
 * @param snapshotAfterRunning a snapshot is due sooner once the commands since the last one ran this long
 * @param costlySnapshots how many of those sooner snapshots one student's machines may have per window
 * @param costlySnapshotWindow the window over which they come back
 */
@ConfigurationProperties("ntlab.sessions")
public record SessionProperties(long maxLiveMachines, Duration idleEviction, int maxCommandLength, int snapshotEvery,
                                Duration snapshotAfterRunning, int costlySnapshots, Duration costlySnapshotWindow) {

    public SessionProperties {
        if (maxLiveMachines <= 0) {
            maxLiveMachines = 2_000;
        }
        if (idleEviction == null) {
            idleEviction = Duration.ofMinutes(30);
        }
        if (maxCommandLength <= 0) {
            maxCommandLength = 4_000;
        }
        if (snapshotEvery <= 0) {
            snapshotEvery = 500;
        }
        if (snapshotAfterRunning == null) {
            snapshotAfterRunning = Duration.ofMillis(250);
        }
        if (costlySnapshots <= 0) {
            costlySnapshots = 6;
        }
        if (costlySnapshotWindow == null) {
            costlySnapshotWindow = Duration.ofMinutes(1);
        }
    }
}
