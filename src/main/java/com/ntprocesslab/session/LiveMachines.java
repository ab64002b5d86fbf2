package com.ntprocesslab.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The machines in memory (a Caffeine cache with size and idle-time eviction) and one lock per
 * machine: the live machine is only a cache of replaying its log, and one thread at a time
 * touches it.
 */
@Component
class LiveMachines {

    private final MachineRestorer restorer;
    private final Cache<Long, LiveMachine> live;
    /** Weak values: a lock lives while someone holds or waits for it, even if its machine was evicted meanwhile. */
    private final LoadingCache<Long, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(id -> new ReentrantLock());

    LiveMachines(MachineRestorer restorer, SessionProperties properties) {
        this.restorer = restorer;
        this.live = Caffeine.newBuilder()
                .maximumSize(properties.maxLiveMachines())
                .expireAfterAccess(properties.idleEviction())
                .build();
    }

    /** Runs the action on the machine under its lock, restoring the machine from the database first if needed. */
    <T> T with(long machineId, ReplayProgress progress, Function<LiveMachine, T> action) {
        ReentrantLock lock = locks.get(machineId);
        lock.lock();
        try {
            LiveMachine machine = live.get(machineId, id -> restorer.restore(id, progress));
            return action.apply(machine);
        } finally {
            lock.unlock();
        }
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
