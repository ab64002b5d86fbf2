package com.ntprocesslab.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds of the live-machine cache. */
@ConfigurationProperties("ntlab.sessions")
public record SessionProperties(long maxLiveMachines, Duration idleEviction, int maxCommandLength) {

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
    }
}
