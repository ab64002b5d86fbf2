package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.ReplayDivergence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The students' machines, as the pages and labs use them. A machine is its boot profile plus
 * its command log; the live {@link Machine} in memory is only a cache of replaying that log.
 * Each call checks that the machine is the caller's, and all machine work runs in the
 * caller's lane of the {@link MachineWorkExecutor}, under its budget. The work itself is done
 * by: {@link MachineOwnership} (who owns what), {@link LiveMachines} (cache and locks),
 * {@link MachineCommands} (a command from text to log), {@link MachineRestorer} (replay),
 * {@link MachineRetirement} (reset), {@link MachineEvents} (open pages) and
 * {@link ReplayReport}.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MachineSessions {
    private static final String FORK = ".fork";

    private final MachineOwnership ownership;
    private final LiveMachines live;
    private final MachineCommands commands;
    private final MachineRestorer restorer;
    private final MachineRetirement retirement;
    private final MachineEvents events;
    private final ReplayReport report;
    private final CommandLogRepository commandLog;
    private final MachineWorkExecutor work;
    private final MachineLeases leases;

    /** The student's current sandbox machine, created on first use. */
    public long openSandbox(String username) {
        return ownership.sandbox(username);
    }

    /**
     * The student's active machine for a purpose (labs use their lab id), booted with the
     * profile on first use. The caller prepares a created machine with ordinary, logged
     * commands, so a replay rebuilds it exactly.
     */
    public OpenedMachine openForPurpose(String username, String purpose, Profile profile) {
        return ownership.forPurpose(username, purpose, profile);
    }

    /** The active machines for a purpose whose owner the caller may read (their students'), oldest first. */
    public List<PurposeMachine> activeMachinesFor(String caller, String purpose) {
        return ownership.activeMachinesFor(caller, purpose);
    }

    /**
     * Replays a machine from its log into a private copy and reads it, without touching the
     * live machine, its cache entry or its log: for re-grading a class after a lab changed.
     */
    public MachineReading replayHeadless(String caller, long machineId) {
        ownership.requireReadable(machineId, caller);
        return work.call(MachineWorkExecutor.observerLane("replay"), () -> {
            LiveMachine replayed = restorer.restore(machineId, ReplayProgress.NONE);
            return new MachineReading(machineId, replayed.machine.snapshotJson(), replayed.nextSeq - 1);
        });
    }

    /** True when the machine is in memory, so opening it needs no replay. */
    public boolean isLive(long machineId) {
        return live.isLive(machineId);
    }

    /** Brings the machine into memory (replaying its log if needed) and returns its console history. */
    public List<ConsoleEntry> open(long machineId, String username, ReplayProgress progress) {
        ownership.requireOwned(machineId, username);
        inLane(username, () -> live.with(machineId, progress, machine -> null));
        return history(machineId, username);
    }

    /**
     * Runs one console command. An accepted one is durable in the log when this returns and
     * is announced to the machine's other open pages; a retired machine, a malformed text or
     * a command over its budget is refused and changes nothing.
     */
    public ConsoleEntry submit(long machineId, String username, String command, Object origin) {
        if (command != null && command.strip().equals(FORK)) {
            long forked = fork(machineId, username);
            return new ConsoleEntry(command, "Forked into machine " + forked + ", which goes on from here; this machine and its "
                    + "log stay as they are (retired, read-only).", false);
        }
        return inLane(username, () -> commands.submit(machineId, username, command, origin));
    }

    /**
     * .fork: a new machine of the student's for the same purpose whose log is this machine's
     * followed by {@code .fork}, so it stands where this one stands and its present is there.
     * This machine and its log stay as they are; it is retired, so the fork is what opens next.
     */
    public long fork(long machineId, String username) {
        return inLane(username, () -> {
            long forked = retirement.fork(machineId, username, commandLog);
            commands.submit(forked, username, FORK, null);
            retirement.announce(machineId, forked);
            return forked;
        });
    }

    /** Where the machine stands in time and where its recorded history ends, for the console's prompt. */
    public TimePosition timePosition(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        return inLane(username, () -> live.with(machineId, ReplayProgress.NONE,
                machine -> new TimePosition(machine.machine.position(), machine.machine.present())));
    }

    public ConsoleEntry submit(long machineId, String username, String command) {
        return submit(machineId, username, command, null);
    }

    /** The accepted commands of a machine with the answers the student saw, oldest first. */
    public List<ConsoleEntry> history(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        return commandLog.findByMachineIdOrderBySeq(machineId).stream()
                .map(entry -> new ConsoleEntry(entry.getCommand(), entry.getOutput(), true))
                .toList();
    }

    /** The canonical JSON snapshot of the machine as it is now. */
    public String snapshot(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        return inLane(username, () -> live.with(machineId, ReplayProgress.NONE, machine -> machine.machine.snapshotJson()));
    }

    /** The machine's snapshot and the log position it reflects, read together under the machine's lock. */
    public MachineReading read(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        return inLane(username, () -> live.with(machineId, ReplayProgress.NONE,
                machine -> new MachineReading(machineId, machine.machine.snapshotJson(), machine.nextSeq - 1)));
    }

    /** Whether the machine was reset, and the owner's machine for its purpose now (itself while active). */
    public MachineStatus status(long machineId, String username) {
        MachineRecord record = ownership.requireOwned(machineId, username);
        return new MachineStatus(machineId, record.isActive(), record.isActive() ? machineId : ownership.activeSuccessor(record));
    }

    /**
     * Gives the student a fresh machine for the same purpose; the old one is retired, kept
     * read-only for the instructor, and its open pages are told.
     *
     * @throws MachineRetiredException when the machine was already reset
     */
    public long reset(long machineId, String username) {
        return inLane(username, () -> retirement.reset(machineId, username));
    }

    /** Listens to the machine's accepted commands; run the returned action to stop listening. */
    public Runnable subscribe(long machineId, String username, Consumer<MachineChanged> listener) {
        return subscribe(machineId, username, listener, retired -> { });
    }

    /** Listens to the machine's accepted commands and to its reset; run the returned action to stop listening. */
    public Runnable subscribe(long machineId, String username, Consumer<MachineChanged> changes, Consumer<MachineRetired> retirements) {
        ownership.requireOwned(machineId, username);
        return events.subscribe(machineId, MachineEvents.onChange(changes, retirements));
    }

    /** The logged commands whose replay answered differently from what was recorded, of the machines the caller may read. */
    public List<ReplayDivergence> divergences(String caller) {
        Set<Long> readable = ownership.readableOwners(caller);
        return report.all().stream()
                .filter(divergence -> ownership.ownerOf(divergence.getMachineId()).filter(readable::contains).isPresent())
                .toList();
    }

    /**
     * The server this machine was taken over from, when this server restored it because that one
     * stopped (its lease ran out); told once, to the first page that asks after the restore.
     */
    public Optional<String> takenOverFrom(long machineId, String username) {
        ownership.requireOwned(machineId, username);
        return inLane(username, () -> live.with(machineId, ReplayProgress.NONE, machine -> {
            String from = machine.takenOverFrom;
            machine.takenOverFrom = null;
            return Optional.ofNullable(from);
        }));
    }

    /**
     * How long until the lease that {@code refusal} saw runs out (zero once it has). A node that
     * renewed its lease just before it died looks alive for a moment and is refused as live; the
     * page that was refused asks {@link #stillHeldElsewhere} once that lease ran out.
     */
    public Duration untilRefusalLeaseRunsOut(MachineHeldElsewhereException refusal) {
        return leases.untilRunsOut(refusal);
    }

    /**
     * Whether the server a refusal named still has the machine open: it renewed its lease since
     * (it is alive) or that lease has not run out yet. False when the lease ran out unrenewed (that
     * server stopped), was given up, or moved to another server: opening the machine again now
     * takes it here (or names its new server).
     */
    public boolean stillHeldElsewhere(MachineHeldElsewhereException refusal) {
        return leases.stillHeld(refusal);
    }

    /** Drops a machine from memory; the next touch restores it from the database. */
    public void evict(long machineId) {
        live.evict(machineId);
    }

    private <T> T inLane(String username, Supplier<T> action) {
        return work.call(MachineWorkExecutor.studentLane(username), action);
    }
}
