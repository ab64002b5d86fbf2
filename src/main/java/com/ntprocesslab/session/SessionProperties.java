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
 */
@ConfigurationProperties("ntlab.sessions")
public record SessionProperties(long maxLiveMachines, Duration idleEviction, int maxCommandLength, int snapshotEvery) {

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
    }
}
