package com.ntprocesslab.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a node's hold on a machine lasts without renewal, and how often the node renews it.
 * The duration is the longest a student waits for another node to take over after a crash; a
 * node that asks for a machine whose holder renewed it within the last one and a half renewal
 * periods is told at once that the machine is open elsewhere (all nodes should share these settings).
 */
@ConfigurationProperties("ntlab.lease")
public record LeaseProperties(Duration duration, Duration renewEvery) {

    public LeaseProperties {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            duration = Duration.ofSeconds(10);
        }
        if (renewEvery == null || renewEvery.isNegative() || renewEvery.isZero() || renewEvery.compareTo(duration) >= 0) {
            // renewing less often than the lease lasts would let it lapse while the node is well
            renewEvery = duration.dividedBy(5);
        }
    }
}
