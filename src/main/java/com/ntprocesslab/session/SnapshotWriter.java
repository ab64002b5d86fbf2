package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.store.machine.MachineSnapshot;
import com.ntprocesslab.store.machine.MachineSnapshotRepository;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a snapshot of a live machine every {@code ntlab.sessions.snapshot-every} commands, and
 * sooner when the commands since the last one took long to run: a restore replays only what
 * came after the newest snapshot, so this bounds the time any restore takes. The sooner ones
 * are rationed per student with a Bucket4j token bucket ({@code costly-snapshots} per
 * {@code costly-snapshot-window}), so a student typing one expensive command after another
 * cannot keep the server writing snapshots; without a token the snapshot waits for the next
 * command once one is back, and a restore then replays at most a window's worth of commands.
 */
@Component
class SnapshotWriter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);

    private final MachineSnapshotRepository snapshots;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SessionProperties properties;
    private final Cache<String, Bucket> costlyPerStudent;

    SnapshotWriter(MachineSnapshotRepository snapshots, TransactionTemplate transactions, Clock clock, SessionProperties properties) {
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        // A bucket untouched for a whole window is full again: forgetting it changes nothing.
        this.costlyPerStudent = Caffeine.newBuilder().expireAfterAccess(properties.costlySnapshotWindow()).maximumSize(100_000).build();
    }

    /** Counts a logged command of the owner's that took {@code nanos} to run and snapshots the machine when one is due. */
    void afterCommand(LiveMachine machine, String owner, long nanos) {
        machine.commandsSinceSnapshot++;
        machine.nanosSinceSnapshot += nanos;
        if (machine.commandsSinceSnapshot >= properties.snapshotEvery()
                || machine.nanosSinceSnapshot >= properties.snapshotAfterRunning().toNanos() && costlyAllowed(owner)) {
            write(machine);
        }
    }

    private boolean costlyAllowed(String owner) {
        return costlyPerStudent.get(owner, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(properties.costlySnapshots())
                        .refillGreedy(properties.costlySnapshots(), properties.costlySnapshotWindow()))
                .build()).tryConsume(1);
    }

    private void write(LiveMachine machine) {
        try {
            byte[] data = SnapshotCodec.encode(machine.machine);
            MachineSnapshot snapshot = new MachineSnapshot(machine.id, machine.nextSeq - 1, Machine.KERNEL_VERSION,
                    data, SnapshotCodec.sha256(data), clock.instant());
            transactions.executeWithoutResult(status -> snapshots.save(snapshot));
            machine.commandsSinceSnapshot = 0;
            machine.nanosSinceSnapshot = 0;
        } catch (RuntimeException e) {
            // A snapshot only speeds replay up; the log already holds the command.
            log.warn("Could not store a snapshot of machine {}: {}", machine.id, e.toString());
        }
    }
}
