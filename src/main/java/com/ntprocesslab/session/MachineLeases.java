package com.ntprocesslab.session;

import com.ntprocesslab.store.machine.MachineLeaseRepository;
import com.ntprocesslab.store.machine.MachineLeaseRepository.Lease;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's holds on machines (the machine_lease rows). A node takes a machine's lease before
 * it reads the machine's log, and every append confirms the lease in its own transaction; so
 * while one node serves a machine no other node can append to it, and a node that died loses
 * its machines when its leases run out.
 */
@Component
class MachineLeases {

    private static final Logger log = LoggerFactory.getLogger(MachineLeases.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final MachineLeaseRepository leases;
    private final LeaseProperties properties;
    private final Clock clock;
    private final String nodeId;

    MachineLeases(MachineLeaseRepository leases, LeaseProperties properties, Clock clock, @Value("${ntlab.node-id:}") String nodeId) {
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        this.nodeId = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId.strip();
        log.info("This node is '{}'; it holds a machine for {} and renews every {}.", this.nodeId, properties.duration(),
                properties.renewEvery());
    }

    String nodeId() {
        return nodeId;
    }

    Duration duration() {
        return properties.duration();
    }

    /**
     * One take of a machine's lease.
     *
     * @param fencingToken what every append under this take must present
     * @param takenOverFrom the node that held the machine before and stopped renewing it (it died
     *     or was cut off), or null when the machine was free or already this node's
     */
    record Take(long fencingToken, String takenOverFrom) {
    }

    /**
     * Takes the machine for this node. Another node's lease is refused at once while that node
     * is alive: it renewed the lease within the last one and a half renewal periods (what is left
     * of the lease says when: a live holder keeps it above {@code duration - renewEvery}), or it
     * renews or passes it on while this node watches. A lease whose holder missed its renewals is
     * waited out (at most one lease duration): its node stopped, and this node takes over.
     *
     * @throws MachineHeldElsewhereException when another live node serves the machine
     */
    Take take(long machineId) {
        Instant giveUpAt = clock.instant().plus(properties.duration()).plus(properties.renewEvery());
        Lease watched = null;
        while (true) {
            Optional<Lease> before = leases.find(machineId);
            Optional<Long> token = leases.take(machineId, nodeId, clock.instant(), expiry());
            if (token.isPresent()) {
                String from = before.map(Lease::nodeId).filter(holder -> !holder.equals(nodeId)).orElse(null);
                if (from != null) {
                    log.info("Node {} took machine {} over from node {}, whose lease ran out.", nodeId, machineId, from);
                }
                return new Take(token.get(), from);
            }
            Optional<Lease> holder = leases.find(machineId);
            if (holder.isEmpty()) {
                // no such machine (the restore says so) or its holder just let it go: try once more
                Optional<Long> again = leases.take(machineId, nodeId, clock.instant(), expiry());
                return new Take(again.orElse(0L), null);
            }
            Lease lease = holder.get();
            if (holderIsAlive(lease, watched) || clock.instant().isAfter(giveUpAt)) {
                throw new MachineHeldElsewhereException(machineId, lease.nodeId(), properties.duration(), lease.expiresAt(),
                        lease.fencingToken());
            }
            if (watched == null) {
                watched = lease;
            }
            sleep();
        }
    }

    /**
     * Whether the node holding the lease is alive: it renewed the lease lately, or it renewed or
     * handed it on since this node first saw it ({@code watched}, null on the first look). Renewal
     * lately assumes the nodes share the lease settings (and, as the lease itself does, their
     * clocks); the second signal holds whatever the holder's settings.
     */
    boolean holderIsAlive(Lease lease, Lease watched) {
        if (watched != null && (lease.fencingToken() != watched.fencingToken() || lease.expiresAt().isAfter(watched.expiresAt()))) {
            return true;
        }
        Duration left = Duration.between(clock.instant(), lease.expiresAt());
        return left.compareTo(properties.duration().minus(properties.renewEvery().multipliedBy(3).dividedBy(2))) > 0;
    }

    /**
     * Whether the node a refusal named still serves the machine: it renewed the lease the refusal
     * saw (or took the machine again), or that lease has not run out yet. False once the lease ran
     * out unrenewed, was given up or passed to another node: a holder that looked alive at the
     * refusal (it had renewed just before) but stopped right then, so the machine can open here now.
     */
    boolean stillHeld(MachineHeldElsewhereException refusal) {
        return leases.find(refusal.machineId())
                .filter(lease -> lease.nodeId().equals(refusal.holder()))
                .filter(lease -> lease.fencingToken() != refusal.seenToken() || lease.expiresAt().isAfter(refusal.seenUntil())
                        || !clock.instant().isAfter(lease.expiresAt()))
                .isPresent();
    }

    /** How long until the lease a refusal saw runs out, by this node's clock (zero when it has). */
    Duration untilRunsOut(MachineHeldElsewhereException refusal) {
        Duration left = Duration.between(clock.instant(), refusal.seenUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Extends the lease inside the caller's transaction; false when another node holds it now. */
    boolean confirm(long machineId, long fencingToken) {
        return leases.confirm(machineId, nodeId, fencingToken, expiry());
    }

    /** For a write in the caller's transaction other than an append (a reset, a fork): refused once another node holds the machine. */
    void requireHeld(LiveMachine machine) {
        if (!confirm(machine.id, machine.leaseToken)) {
            throw new MachineLeaseLostException(machine.id);
        }
    }

    void release(long machineId, long fencingToken) {
        leases.release(machineId, nodeId, fencingToken);
    }

    /** Extends all of this node's leases and returns the ones it still holds. */
    List<Lease> renew() {
        leases.renewAll(nodeId, expiry());
        return leases.heldBy(nodeId);
    }

    int releaseAll() {
        return leases.releaseAll(nodeId);
    }

    private Instant expiry() {
        return clock.instant().plus(properties.duration());
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MachineWorkRefusedException("Stopped waiting for another server to release the machine.");
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
