package com.ntprocesslab.session;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;

/**
 * Machines seen by someone other than their owner (an instructor). Always replayed from the
 * log into a private copy: observing never touches the student's live machine, its log or
 * its other tabs.
 */
@Service
public class MachineObservers {

    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final AccountRepository accounts;
    private final MachineRestorer restorer;
    private final MachineWorkExecutor work;

    MachineObservers(MachineRepository machines, CommandLogRepository commandLog, AccountRepository accounts,
                     MachineRestorer restorer, MachineWorkExecutor work) {
        this.work = work;
        this.machines = machines;
        this.commandLog = commandLog;
        this.accounts = accounts;
        this.restorer = restorer;
    }

    /**
     * The machine replayed, when its owner is one the observer may see; any other machine id
     * (or one that does not exist) is simply not found, so ids reveal nothing.
     */
    public ObservedMachine observe(long machineId, LongPredicate ownerVisible) {
        MachineRecord record = machines.findById(machineId)
                .filter(m -> ownerVisible.test(m.getOwnerId()))
                .orElseThrow(() -> new MachineNotFoundException(machineId));
        String owner = accounts.findById(record.getOwnerId()).map(Account::getUsername).orElse("?");
        LiveMachine replayed = work.call(MachineWorkExecutor.observerLane("replay"), () -> restorer.restore(machineId, ReplayProgress.NONE));
        return new ObservedMachine(machineId, owner, record.getPurpose(),
                commandLog.findByMachineIdOrderBySeq(machineId).stream()
                        .map(entry -> new ConsoleEntry(entry.getCommand(), entry.getOutput(), true)).toList(),
                replayed.machine.snapshotJson());
    }

    /** When the machine last accepted a command, if ever. */
    public Optional<Instant> lastCommandAt(long machineId) {
        return commandLog.findFirstByMachineIdOrderBySeqDesc(machineId).map(CommandLogEntry::getAcceptedAt);
    }
}
