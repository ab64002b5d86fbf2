package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.store.machine.MachineSnapshot;
import com.ntprocesslab.store.machine.MachineSnapshotRepository;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a snapshot of a live machine every {@code ntlab.sessions.snapshot-every} commands, and
 * sooner when the commands since the last one took long to run: a restore replays only what
 * came after the newest snapshot, so this bounds the time any restore takes.
 */
@Component
class SnapshotWriter {

    private static final Logger log = LoggerFactory.getLogger(SnapshotWriter.class);
    /** Replay work after which a snapshot is due whatever the command count. */
    static final Duration REPLAY_WORTH_A_SNAPSHOT = Duration.ofMillis(250);

    private final MachineSnapshotRepository snapshots;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SessionProperties properties;

    SnapshotWriter(MachineSnapshotRepository snapshots, TransactionTemplate transactions, Clock clock, SessionProperties properties) {
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
    }

    /** Counts a logged command that took {@code nanos} to run and snapshots the machine when one is due. */
    void afterCommand(LiveMachine machine, long nanos) {
        machine.commandsSinceSnapshot++;
        machine.nanosSinceSnapshot += nanos;
        if (machine.commandsSinceSnapshot >= properties.snapshotEvery()
                || machine.nanosSinceSnapshot >= REPLAY_WORTH_A_SNAPSHOT.toNanos()) {
            write(machine);
        }
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
