package com.ntprocesslab.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The students' machines. A machine is its boot profile plus its command log; the live
 * {@link Machine} in memory is only a cache of replaying that log. Every accepted command is
 * committed before its answer is returned, so the cache never runs ahead of the log.
 */
@Service
public class MachineSessions {

    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final AccountRepository accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SessionProperties properties;
    private final Cache<Long, LiveMachine> live;

    MachineSessions(MachineRepository machines, CommandLogRepository commandLog, AccountRepository accounts,
                    TransactionTemplate transactions, Clock clock, SessionProperties properties) {
        this.machines = machines;
        this.commandLog = commandLog;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.live = Caffeine.newBuilder()
                .maximumSize(properties.maxLiveMachines())
                .expireAfterAccess(properties.idleEviction())
                .build();
    }

    /** The student's free sandbox machine, created and booted on first use. */
    public long openSandbox(String username) {
        Account owner = owner(username);
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(owner.getId(), MachineRecord.SANDBOX)
                .orElseGet(() -> machines.save(new MachineRecord(owner.getId(), Profile.MODERN.name(),
                        MachineRecord.SANDBOX, Machine.KERNEL_VERSION, clock.instant())))
                .getId();
    }

    /** Runs one console command; an accepted one is durable in the log when this returns. */
    public ConsoleEntry submit(long machineId, String username, String command) {
        requireOwned(machineId, username);
        if (command.length() > properties.maxCommandLength()) {
            return new ConsoleEntry(abbreviate(command), "A command has at most " + properties.maxCommandLength()
                    + " characters; this one has " + command.length() + ".", false);
        }
        LiveMachine machine = live(machineId);
        synchronized (machine) {
            CommandResult result = machine.machine.execute(command);
            if (result.accepted()) {
                record(machine, command, result.output());
            }
            return new ConsoleEntry(command, result.output(), result.accepted());
        }
    }

    /** The accepted commands of a machine with the answers the student saw, oldest first. */
    public List<ConsoleEntry> history(long machineId, String username) {
        requireOwned(machineId, username);
        return commandLog.findByMachineIdOrderBySeq(machineId).stream()
                .map(entry -> new ConsoleEntry(entry.getCommand(), entry.getOutput(), true))
                .toList();
    }

    /** The canonical JSON snapshot of the machine as it is now. */
    public String snapshot(long machineId, String username) {
        requireOwned(machineId, username);
        LiveMachine machine = live(machineId);
        synchronized (machine) {
            return machine.machine.snapshotJson();
        }
    }

    private void record(LiveMachine machine, String command, String output) {
        CommandLogEntry entry = new CommandLogEntry(machine.id, machine.nextSeq, command, output,
                Machine.KERNEL_VERSION, clock.instant());
        try {
            transactions.executeWithoutResult(status -> commandLog.save(entry));
            machine.nextSeq++;
        } catch (DataAccessException e) {
            // The machine already ran the command: forget it so the next touch replays the log.
            live.invalidate(machine.id);
            throw new CommandNotRecordedException(e);
        }
    }

    private LiveMachine live(long machineId) {
        return live.get(machineId, this::restore);
    }

    private LiveMachine restore(long machineId) {
        MachineRecord record = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
        Machine machine = Machine.boot(Profile.valueOf(record.getProfile()));
        List<CommandLogEntry> entries = commandLog.findByMachineIdOrderBySeq(machineId);
        for (CommandLogEntry entry : entries) {
            machine.execute(entry.getCommand());
        }
        long nextSeq = entries.isEmpty() ? 1 : entries.getLast().getSeq() + 1;
        return new LiveMachine(machineId, machine, nextSeq);
    }

    private void requireOwned(long machineId, String username) {
        Account owner = owner(username);
        machines.findById(machineId)
                .filter(record -> record.getOwnerId().equals(owner.getId()))
                .orElseThrow(() -> new MachineNotFoundException(machineId));
    }

    private Account owner(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("No account named '" + username + "'."));
    }

    private static String abbreviate(String command) {
        return command.substring(0, 60) + "...";
    }

    /** Drops a machine from memory; the next touch restores it from the log. */
    void evict(long machineId) {
        live.invalidate(machineId);
    }
}
