package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Reset: the student gets a fresh machine for the same purpose, and the old one is retired for
 * good, kept read-only for the instructor (a student action never deletes anything). Every
 * open page of the old machine hears of it.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachineRetirement {

    private final MachineOwnership ownership;
    private final MachineRepository machines;
    private final LiveMachines live;
    private final MachineEvents events;
    private final TransactionTemplate transactions;
    private final MachineLeases leases;

    long reset(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        long fresh = live.with(machineId, ReplayProgress.NONE, machine -> {
            // Read again under the lock: a second tab may have reset it a moment ago.
            MachineRecord old = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
            if (!old.isActive()) {
                throw new MachineRetiredException(machineId, ownership.activeSuccessor(old));
            }
            long created = transactions.execute(status -> {
                leases.requireHeld(machine);
                old.retire();
                machines.save(old);
                return ownership.create(old.getOwnerId(), old.getPurpose(), Profile.valueOf(old.getProfile())).getId();
            });
            live.discard(machineId);
            return created;
        });
        events.publish(new MachineRetired(machineId, fresh));
        return fresh;
    }

    /**
     * .fork: like a reset, but the new machine's log is a copy of this one's, so it stands where
     * this one stands; the caller then runs .fork on it. This machine and its log stay as they are.
     */
    long fork(long machineId, String username, CommandLogRepository commandLog) {
        ownership.requireOwned(machineId, username);
        return live.with(machineId, ReplayProgress.NONE, machine -> {
            MachineRecord old = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
            if (!old.isActive()) {
                throw new MachineRetiredException(machineId, ownership.activeSuccessor(old));
            }
            List<CommandLogEntry> log = commandLog.findByMachineIdOrderBySeq(machineId);
            long created = transactions.execute(status -> {
                leases.requireHeld(machine);
                MachineRecord fork = ownership.createCopyOf(old, old.getOwnerId(), old.getPurpose());
                for (CommandLogEntry e : log) {
                    commandLog.save(new CommandLogEntry(fork.getId(), e.getSeq(), e.getCommand(), e.getOutput(),
                            e.getKernelVersion(), e.getAcceptedAt()));
                }
                old.retire();
                machines.save(old);
                return fork.getId();
            });
            live.discard(machineId);
            return created;
        });
    }

    /**
     * Start again from here: the machine made by {@code replacement} becomes the owner's machine
     * for the purpose; their current one (if any) is retired under its lock, as by a reset, and
     * its open pages move to the new one.
     */
    long replaceActive(long ownerId, String purpose, Supplier<Long> replacement) {
        Optional<MachineRecord> current = machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(ownerId, purpose);
        if (current.isEmpty()) {
            return replacement.get();
        }
        long oldId = current.get().getId();
        long fresh = live.with(oldId, ReplayProgress.NONE, machine -> {
            long created = replacement.get();
            machines.findById(oldId).filter(MachineRecord::isActive).ifPresent(old -> {
                old.retire();
                machines.save(old);
            });
            live.discard(oldId);
            return created;
        });
        events.publish(new MachineRetired(oldId, fresh));
        return fresh;
    }

    /** Tells the old machine's open pages where the student went. */
    void announce(long machineId, long successor) {
        events.publish(new MachineRetired(machineId, successor));
    }
}
