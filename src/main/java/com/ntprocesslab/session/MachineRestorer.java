package com.ntprocesslab.session;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.exec.WorkBudgetExhaustedException;
import com.ntprocesslab.session.work.MachineWorkProperties;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import com.ntprocesslab.store.machine.MachineSnapshot;
import com.ntprocesslab.store.machine.MachineSnapshotRepository;
import com.ntprocesslab.store.machine.ReplayDivergence;
import com.ntprocesslab.store.machine.ReplayDivergenceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Rebuilds a machine from the database: the newest trustworthy snapshot, then the log after
 * it. The log is the truth; every replayed answer is compared with the recorded one and a
 * difference is stored as a divergence for the instructor, never silently accepted.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachineRestorer {

    private static final Logger log = LoggerFactory.getLogger(MachineRestorer.class);
    private static final int PROGRESS_EVERY = 250;
    private static final CheckpointCopier CHECKPOINTS = new CheckpointCopier();

    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final MachineSnapshotRepository snapshots;
    private final ReplayDivergenceRepository divergences;
    private final Clock clock;
    private final MachineWorkProperties limits;

    /**
     * The machine rebuilt from its newest trustworthy snapshot and the log after it, within
     * {@code ntlab.machine.restore-time}. Every logged command is replayed, even one that
     * today's command budget would refuse (it was accepted, so it stays); such a command is
     * reported in the replay report.
     *
     * @throws MachineWorkRefusedException when the replay takes longer than the restore may
     */
    LiveMachine restore(long machineId, ReplayProgress progress) {
        long deadline = System.nanoTime() + limits.restoreTime().toNanos();
        try {
            return WorkBudget.run(Long.MAX_VALUE, () -> System.nanoTime() - deadline > 0, () -> replay(machineId, progress)).result();
        } catch (WorkBudgetExhaustedException e) {
            log.warn("Machine {} could not be restored within {}; its log is kept unchanged.", machineId, limits.restoreTime());
            throw new MachineWorkRefusedException("Machine " + machineId + " takes longer than " + limits.restoreTime().toSeconds()
                    + " s to restore, the most a restore may take. Nothing was lost; ask your instructor.");
        }
    }

    private LiveMachine replay(long machineId, ReplayProgress progress) {
        MachineRecord record = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
        Optional<MachineSnapshot> snapshot = snapshots.findFirstByMachineIdAndKernelVersionOrderBySeqDesc(machineId, Machine.KERNEL_VERSION);
        Machine machine = snapshot.flatMap(this::trusted).orElse(null);
        long afterSeq = machine == null ? 0 : snapshot.get().getSeq();
        if (machine == null) {
            machine = Machine.boot(Profile.valueOf(record.getProfile()), MachineSeeds.of(record));
        }
        machine.keepCheckpoints(CHECKPOINTS);
        List<CommandLogEntry> tail = commandLog.findByMachineIdAndSeqGreaterThanOrderBySeq(machineId, afterSeq);
        long done = 0;
        Machine replaying = machine;
        for (CommandLogEntry entry : tail) {
            WorkBudget.Spent<CommandResult> spent = WorkBudget.run(Long.MAX_VALUE, WorkBudget.Deadline.NONE,
                    () -> replaying.replay(entry.getCommand(), entry.getKernelVersion()));
            CommandResult result = spent.result();
            if (!result.accepted() || !result.output().equals(entry.getOutput())) {
                reportDivergence(entry, result.output());
            } else if (spent.steps() > limits.commandSteps()) {
                reportDivergence(entry, "(Would be refused today: it ran " + spent.steps() + " steps, more than the "
                        + limits.commandSteps() + " one command may run. It was accepted, so it stays in the log.)\n" + result.output());
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.replayed(done, tail.size());
            }
        }
        progress.replayed(tail.size(), tail.size());
        long nextSeq = tail.isEmpty() ? afterSeq + 1 : tail.getLast().getSeq() + 1;
        return new LiveMachine(machineId, machine, nextSeq, tail.size());
    }

    private Optional<Machine> trusted(MachineSnapshot snapshot) {
        if (!SnapshotCodec.sha256(snapshot.getData()).equals(snapshot.getSha256())) {
            log.warn("Snapshot {} of machine {} (after command {}) fails its checksum; ignoring it and replaying the whole log.",
                    snapshot.getId(), snapshot.getMachineId(), snapshot.getSeq());
            return Optional.empty();
        }
        try {
            return Optional.of(SnapshotCodec.decode(snapshot.getData()));
        } catch (SnapshotCodec.CorruptSnapshotException e) {
            log.warn("Snapshot {} of machine {} (after command {}) is {}; ignoring it and replaying the whole log.",
                    snapshot.getId(), snapshot.getMachineId(), snapshot.getSeq(), e.getMessage());
            return Optional.empty();
        }
    }

    private void reportDivergence(CommandLogEntry entry, String replayedOutput) {
        log.warn("Machine {} command {} ('{}') accepted by kernel {} answers differently on replay by kernel {}.",
                entry.getMachineId(), entry.getSeq(), entry.getCommand(), entry.getKernelVersion(), Machine.KERNEL_VERSION);
        if (!divergences.existsByMachineIdAndSeqAndReplayVersion(entry.getMachineId(), entry.getSeq(), Machine.KERNEL_VERSION)) {
            divergences.save(new ReplayDivergence(entry, Machine.KERNEL_VERSION, replayedOutput, clock.instant()));
        }
    }
}
