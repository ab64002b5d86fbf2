package com.ntprocesslab.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The machines in memory (a Caffeine cache with size and idle-time eviction) and one lock per
 * machine: the live machine is only a cache of replaying its log, and one thread at a time
 * touches it. A machine is loaded only under this node's lease on it (taken before its log is
 * read), and leaving memory gives the lease up.
 */
@Component
class LiveMachines {

    private final MachineRestorer restorer;
    private final MachineLeases leases;
    private final Cache<Long, LiveMachine> live;
    /** Weak values: a lock lives while someone holds or waits for it, even if its machine was evicted meanwhile. */
    private final LoadingCache<Long, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(id -> new ReentrantLock());

    LiveMachines(MachineRestorer restorer, MachineLeases leases, SessionProperties properties) {
        this.restorer = restorer;
        this.leases = leases;
        this.live = Caffeine.newBuilder()
                .maximumSize(properties.maxLiveMachines())
                .expireAfterAccess(properties.idleEviction())
                // the release names the token of that take, so it never drops a later take of the same machine
                .executor(Runnable::run)
                .<Long, LiveMachine>removalListener((id, machine, cause) -> {
                    if (id != null && machine != null) {
                        leases.release(id, machine.leaseToken);
                    }
                })
                .build();
    }

    /** Runs the action on the machine under its lock, restoring the machine from the database first if needed. */
    <T> T with(long machineId, ReplayProgress progress, Function<LiveMachine, T> action) {
        ReentrantLock lock = locks.get(machineId);
        lock.lock();
        try {
            LiveMachine machine = live.get(machineId, id -> load(id, progress));
            return action.apply(machine);
        } finally {
            lock.unlock();
        }
    }

    private LiveMachine load(long machineId, ReplayProgress progress) {
        MachineLeases.Take take = leases.take(machineId);
        LiveMachine machine;
        try {
            machine = restorer.restore(machineId, progress);
        } catch (RuntimeException e) {
            leases.release(machineId, take.fencingToken());
            throw e;
        }
        machine.leaseToken = take.fencingToken();
        machine.takenOverFrom = take.takenOverFrom();
        return machine;
    }

    /**
     * Forgets every machine whose lease this node no longer holds under the token it loaded it
     * with (another node took it over while this one was cut off): its next touch takes the lease
     * again and reads the log, which may have grown elsewhere meanwhile.
     */
    void keepOnly(Set<LeaseKey> held) {
        live.asMap().forEach((id, seen) -> {
            if (!held.contains(new LeaseKey(id, seen.leaseToken))) {
                ReentrantLock lock = locks.get(id);
                lock.lock();
                try {
                    // only that stale take: the machine may have been loaded again meanwhile
                    live.asMap().remove(id, seen);
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** A machine under one take of its lease. */
    record LeaseKey(long machineId, long fencingToken) {
    }

    /** Forgets the machine (called under its lock): the next touch replays the log, which is the truth. */
    void discard(long machineId) {
        live.invalidate(machineId);
    }

    /** Drops a machine from memory, waiting for whoever is using it. */
    void evict(long machineId) {
        ReentrantLock lock = locks.get(machineId);
        lock.lock();
        try {
            live.invalidate(machineId);
        } finally {
            lock.unlock();
        }
    }

    boolean isLive(long machineId) {
        return live.getIfPresent(machineId) != null;
    }
}
