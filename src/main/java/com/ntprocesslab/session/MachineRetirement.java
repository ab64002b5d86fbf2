package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reset: the student gets a fresh machine for the same purpose, and the old one is retired for
 * good, kept read-only for the instructor (a student action never deletes anything). Every
 * open page of the old machine hears of it.
 */
@Component
class MachineRetirement {

    private final MachineOwnership ownership;
    private final MachineRepository machines;
    private final LiveMachines live;
    private final MachineEvents events;
    private final TransactionTemplate transactions;

    MachineRetirement(MachineOwnership ownership, MachineRepository machines, LiveMachines live, MachineEvents events,
                      TransactionTemplate transactions) {
        this.ownership = ownership;
        this.machines = machines;
        this.live = live;
        this.events = events;
        this.transactions = transactions;
    }

    long reset(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        long fresh = live.with(machineId, ReplayProgress.NONE, machine -> {
            // Read again under the lock: a second tab may have reset it a moment ago.
            MachineRecord old = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
            if (!old.isActive()) {
                throw new MachineRetiredException(machineId, ownership.activeSuccessor(old));
            }
            long created = transactions.execute(status -> {
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
}
