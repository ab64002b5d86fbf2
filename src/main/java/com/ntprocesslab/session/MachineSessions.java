package com.ntprocesslab.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
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
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The students' machines. A machine is its boot profile plus its command log; the live
 * {@link Machine} in memory is only a cache of replaying that log. One thread at a time
 * touches a machine, and every accepted command is committed before its answer is
 * returned, so the cache never runs ahead of the log.
 */
@Service
public class MachineSessions {

    private static final Logger log = LoggerFactory.getLogger(MachineSessions.class);

    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final MachineSnapshotRepository snapshots;
    private final ReplayDivergenceRepository divergences;
    private final AccountRepository accounts;
    private final AccessPolicy access;
    private final MachineRestorer restorer;
    private final MachineEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SessionProperties properties;
    private final Cache<Long, LiveMachine> live;
    /** Weak values: a lock lives while someone holds or waits for it, even if its machine was evicted meanwhile. */
    private final LoadingCache<Long, ReentrantLock> locks = Caffeine.newBuilder().weakValues().build(id -> new ReentrantLock());

    MachineSessions(MachineRepository machines, CommandLogRepository commandLog, MachineSnapshotRepository snapshots,
                    ReplayDivergenceRepository divergences, AccountRepository accounts, AccessPolicy access, MachineRestorer restorer,
                    MachineEvents events, TransactionTemplate transactions, Clock clock, SessionProperties properties) {
        this.machines = machines;
        this.commandLog = commandLog;
        this.snapshots = snapshots;
        this.divergences = divergences;
        this.accounts = accounts;
        this.access = access;
        this.restorer = restorer;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.live = Caffeine.newBuilder()
                .maximumSize(properties.maxLiveMachines())
                .expireAfterAccess(properties.idleEviction())
                .build();
    }

    /** The student's current sandbox machine, created on first use. */
    public long openSandbox(String username) {
        Account owner = owner(username);
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(owner.getId(), MachineRecord.SANDBOX)
                .orElseGet(() -> createMachine(owner.getId(), MachineRecord.SANDBOX, Profile.MODERN))
                .getId();
    }

    /**
     * The student's active machine for a purpose (labs use their lab id), booted with the
     * profile on first use. The caller prepares a created machine with ordinary, logged
     * commands, so a replay rebuilds it exactly.
     */
    public OpenedMachine openForPurpose(String username, String purpose, Profile profile) {
        if (purpose.equals(MachineRecord.SANDBOX)) {
            throw new IllegalArgumentException("'" + purpose + "' is the sandbox's purpose; use openSandbox.");
        }
        Account owner = owner(username);
        return machines.findFirstByOwnerIdAndPurposeAndActiveTrueOrderByIdDesc(owner.getId(), purpose)
                .map(existing -> new OpenedMachine(existing.getId(), false))
                .orElseGet(() -> new OpenedMachine(createMachine(owner.getId(), purpose, profile).getId(), true));
    }

    /** The active machines for a purpose whose owner the caller may read (their students'), oldest first. */
    public List<PurposeMachine> activeMachinesFor(String caller, String purpose) {
        Set<Long> readable = access.readableOwners(caller);
        return machines.findByPurposeAndActiveTrueOrderById(purpose).stream()
                .filter(record -> readable.contains(record.getOwnerId()))
                .map(record -> new PurposeMachine(record.getId(), record.getOwnerId(),
                        accounts.findById(record.getOwnerId()).map(Account::getUsername).orElse("?")))
                .toList();
    }

    /**
     * Replays a machine from its log into a private copy and reads it, without touching the
     * live machine, its cache entry or its log: for re-grading a class after a lab changed.
     */
    public MachineReading replayHeadless(String caller, long machineId) {
        access.readableMachine(caller, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
        LiveMachine replayed = restorer.restore(machineId, ReplayProgress.NONE);
        return new MachineReading(machineId, replayed.machine.snapshotJson(), replayed.nextSeq - 1);
    }

    /** True when the machine is in memory, so opening it needs no replay. */
    public boolean isLive(long machineId) {
        return live.getIfPresent(machineId) != null;
    }

    /** Brings the machine into memory (replaying its log if needed) and returns its console history. */
    public List<ConsoleEntry> open(long machineId, String username, ReplayProgress progress) {
        requireOwned(machineId, username);
        withMachine(machineId, progress, machine -> null);
        return history(machineId, username);
    }

    /**
     * Runs one console command. An accepted one is durable in the log when this returns and
     * is announced to the machine's other open pages.
     */
    public ConsoleEntry submit(long machineId, String username, String command, Object origin) {
        requireOwned(machineId, username);
        if (command.length() > properties.maxCommandLength()) {
            return new ConsoleEntry(command.substring(0, 60) + "...", "A command has at most " + properties.maxCommandLength()
                    + " characters; this one has " + command.length() + ".", false);
        }
        ConsoleEntry entry = withMachine(machineId, ReplayProgress.NONE, machine -> {
            CommandResult result = machine.machine.execute(command);
            if (result.accepted()) {
                record(machine, command, result.output());
            }
            return new ConsoleEntry(command, result.output(), result.accepted());
        });
        if (entry.accepted()) {
            events.publish(new MachineChanged(machineId, entry, origin));
        }
        return entry;
    }

    public ConsoleEntry submit(long machineId, String username, String command) {
        return submit(machineId, username, command, null);
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
        return withMachine(machineId, ReplayProgress.NONE, machine -> machine.machine.snapshotJson());
    }

    /** The machine's snapshot and the log position it reflects, read together under the machine's lock. */
    public MachineReading read(long machineId, String username) {
        requireOwned(machineId, username);
        return withMachine(machineId, ReplayProgress.NONE,
                machine -> new MachineReading(machineId, machine.machine.snapshotJson(), machine.nextSeq - 1));
    }

    /**
     * Gives the student a fresh machine for the same purpose. The old machine and its log are
     * kept (retired) for the instructor: a student action never deletes anything.
     */
    public long reset(long machineId, String username) {
        requireOwned(machineId, username);
        return withMachine(machineId, ReplayProgress.NONE, machine -> {
            MachineRecord old = machines.findById(machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
            long fresh = transactions.execute(status -> {
                old.retire();
                machines.save(old);
                return createMachine(old.getOwnerId(), old.getPurpose(), Profile.valueOf(old.getProfile())).getId();
            });
            live.invalidate(machineId);
            return fresh;
        });
    }

    /** Listens to the machine's accepted commands; run the returned action to stop listening. */
    public Runnable subscribe(long machineId, String username, Consumer<MachineChanged> listener) {
        requireOwned(machineId, username);
        return events.subscribe(machineId, listener);
    }

    /** The logged commands whose replay answered differently from what was recorded, of the machines the caller may read. */
    public List<ReplayDivergence> divergences(String caller) {
        Set<Long> readable = access.readableOwners(caller);
        return divergences.findAllByOrderByMachineIdAscSeqAsc().stream()
                .filter(divergence -> machines.findById(divergence.getMachineId())
                        .filter(machine -> readable.contains(machine.getOwnerId())).isPresent())
                .toList();
    }

    /** Drops a machine from memory; the next touch restores it from the database. */
    public void evict(long machineId) {
        ReentrantLock lock = locks.get(machineId);
        lock.lock();
        try {
            live.invalidate(machineId);
        } finally {
            lock.unlock();
        }
    }

    private <T> T withMachine(long machineId, ReplayProgress progress, Function<LiveMachine, T> action) {
        ReentrantLock lock = locks.get(machineId);
        lock.lock();
        try {
            LiveMachine machine = live.get(machineId, id -> restorer.restore(id, progress));
            return action.apply(machine);
        } finally {
            lock.unlock();
        }
    }

    private void record(LiveMachine machine, String command, String output) {
        CommandLogEntry entry = new CommandLogEntry(machine.id, machine.nextSeq, command, output,
                Machine.KERNEL_VERSION, clock.instant());
        try {
            transactions.executeWithoutResult(status -> commandLog.save(entry));
        } catch (DataAccessException | TransactionException e) {
            // The machine already ran the command: forget it so the next touch replays the log.
            live.invalidate(machine.id);
            throw new CommandNotRecordedException(e);
        }
        machine.nextSeq++;
        if (++machine.commandsSinceSnapshot >= properties.snapshotEvery()) {
            takeSnapshot(machine);
        }
    }

    private void takeSnapshot(LiveMachine machine) {
        try {
            byte[] data = SnapshotCodec.encode(machine.machine);
            MachineSnapshot snapshot = new MachineSnapshot(machine.id, machine.nextSeq - 1, Machine.KERNEL_VERSION,
                    data, SnapshotCodec.sha256(data), clock.instant());
            transactions.executeWithoutResult(status -> snapshots.save(snapshot));
            machine.commandsSinceSnapshot = 0;
        } catch (RuntimeException e) {
            // A snapshot only speeds replay up; the log already holds the command.
            log.warn("Could not store a snapshot of machine {}: {}", machine.id, e.toString());
        }
    }

    private MachineRecord createMachine(Long ownerId, String purpose, Profile profile) {
        return machines.save(new MachineRecord(ownerId, profile.name(), purpose, Machine.KERNEL_VERSION, clock.instant()));
    }

    private void requireOwned(long machineId, String username) {
        access.ownMachine(username, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
    }

    private Account owner(String username) {
        return access.caller(username);
    }
}
