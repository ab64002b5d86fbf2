package com.ntprocesslab.session;

import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Machines seen by someone other than their owner (an instructor). Always replayed from the
 * log into a private copy: observing never touches the student's live machine, its log or
 * its other tabs.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MachineObservers {

    private final CommandLogRepository commandLog;
    private final AccountRepository accounts;
    private final AccessPolicy access;
    private final MachineRestorer restorer;
    private final MachineWorkExecutor work;

    /**
     * The machine replayed, when the observer may read it (a machine of a student they teach);
     * any other machine id (or one that does not exist) is simply not found, so ids reveal nothing.
     */
    public ObservedMachine observe(String observer, long machineId) {
        MachineRecord record = access.readableMachine(observer, machineId)
                .orElseThrow(() -> new MachineNotFoundException(machineId));
        String owner = accounts.findById(record.getOwnerId()).map(Account::getUsername).orElse("?");
        LiveMachine replayed = work.call(MachineWorkExecutor.observerLane("replay"), () -> restorer.restore(machineId, ReplayProgress.NONE));
        return new ObservedMachine(machineId, owner, record.getPurpose(),
                commandLog.findByMachineIdOrderBySeq(machineId).stream()
                        .map(entry -> new ConsoleEntry(entry.getCommand(), entry.getOutput(), true)).toList(),
                replayed.machine.snapshotJson());
    }

    /** When the machine last accepted a command, if ever (not found for a machine the observer may not read). */
    public Optional<Instant> lastCommandAt(String observer, long machineId) {
        access.readableMachine(observer, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
        return commandLog.findFirstByMachineIdOrderBySeqDesc(machineId).map(CommandLogEntry::getAcceptedAt);
    }
}
