package com.ntprocesslab.session;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Renews this node's leases while it runs, forgets machines another node took over meanwhile,
 * and gives every lease up on an orderly shutdown (so a restarted or other node takes the
 * machines at once instead of waiting the leases out).
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final MachineLeases leases;
    private final LiveMachines live;
    private final ScheduledExecutorService timer;

    LeaseKeeper(MachineLeases leases, LiveMachines live, LeaseProperties properties) {
        this.leases = leases;
        this.live = live;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lease-renewal").daemon().factory());
        long every = properties.renewEvery().toMillis();
        timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            Set<LiveMachines.LeaseKey> held = leases.renew().stream()
                    .map(lease -> new LiveMachines.LeaseKey(lease.machineId(), lease.fencingToken()))
                    .collect(Collectors.toSet());
            live.keepOnly(held);
        } catch (RuntimeException e) {
            // the database may be down for a moment: appends check the lease themselves, so nothing unsafe can follow
            log.warn("Could not renew the leases of node {}: {}", leases.nodeId(), e.getMessage());
        }
    }

    @PreDestroy
    void releaseAll() {
        timer.shutdownNow();
        try {
            int released = leases.releaseAll();
            log.info("Node {} released its {} machine leases.", leases.nodeId(), released);
        } catch (RuntimeException e) {
            log.warn("Node {} could not release its leases; they run out by themselves: {}", leases.nodeId(), e.getMessage());
        }
    }
}
