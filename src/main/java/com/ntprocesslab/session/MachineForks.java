package com.ntprocesslab.session;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineFork;
import com.ntprocesslab.store.machine.MachineForkRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Forks of a moment of a machine an instructor may read: a machine of the instructor's own
 * (their newest sandbox) to try things, or a copy handed to the student ("start again from
 * here"), which replaces the student's current machine for that purpose the way a reset does.
 * The fork's log is the source's first commands, then {@code !tt} to the chosen step if one
 * was chosen, then {@code .fork}, so replaying it rebuilds that moment and its present is
 * there. The source machine and its log never change; each fork is recorded with who made it
 * from where.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MachineForks {

    private static final String FORK = ".fork";

    private final AccessPolicy access;
    private final AccountRepository accounts;
    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final MachineForkRepository forks;
    private final MachineOwnership ownership;
    private final MachineCommands commands;
    private final MachineRetirement retirement;
    private final MachineWorkExecutor work;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Where to fork: after {@code command} commands, or (with a position) at that step of the whole recorded history. */
    public record ForkPoint(int command, OptionalLong position) {

        public static ForkPoint afterCommand(int command) {
            return new ForkPoint(command, OptionalLong.empty());
        }

        public static ForkPoint atStep(long position) {
            return new ForkPoint(-1, OptionalLong.of(position));
        }
    }

    /** A new sandbox machine of the caller's (an instructor) standing at the moment; returns its id. */
    public long forkForMyself(String caller, ReplayedHistory history, ForkPoint point) {
        Account instructor = access.requireInstructor(caller);
        MachineRecord source = readable(caller, history.machineId());
        return fork(instructor, source, history, point, instructor, MachineRecord.SANDBOX, MachineFork.Kind.SANDBOX);
    }

    /**
     * A copy of the moment handed to the machine's owner, a student the caller teaches: it
     * becomes the student's machine for the purpose, their current one is retired (kept, like
     * after a reset) and its open pages move to the copy. Returns the copy's id.
     */
    public long handToStudent(String caller, ReplayedHistory history, ForkPoint point) {
        Account instructor = access.requireInstructor(caller);
        MachineRecord source = readable(caller, history.machineId());
        if (source.getOwnerId().equals(instructor.getId()) || !access.studentsTaughtBy(caller).contains(source.getOwnerId())) {
            throw new AccessRefusedException("Only a machine of a student you teach can be handed back to its student.");
        }
        Account student = accounts.findById(source.getOwnerId()).orElseThrow(() -> new MachineNotFoundException(source.getId()));
        return fork(instructor, source, history, point, student, source.getPurpose(), MachineFork.Kind.STUDENT);
    }

    /** The forks made from a machine, oldest first (not found for a machine the caller may not read). */
    public List<MachineFork> forksOf(String caller, long machineId) {
        readable(caller, machineId);
        return forks.findBySourceMachineIdOrderById(machineId);
    }

    private long fork(Account by, MachineRecord source, ReplayedHistory history, ForkPoint point, Account owner, String purpose,
                      MachineFork.Kind kind) {
        int command = point.position().isPresent() ? history.entries().size() : point.command();
        if (command < 0 || command > history.entries().size()) {
            throw new IllegalArgumentException("Command " + point.command() + " is not in this history: choose 0 to "
                    + history.entries().size() + ".");
        }
        if (point.position().isPresent()
                && (point.position().getAsLong() < history.bootPosition() || point.position().getAsLong() > history.presentPosition())) {
            throw new IllegalArgumentException("Step " + point.position().getAsLong() + " is not in this history: choose "
                    + history.bootPosition() + " to " + history.presentPosition() + ".");
        }
        // The first commands as the caller saw them replayed, even if the student typed more since.
        List<CommandLogEntry> prefix = commandLog.findByMachineIdOrderBySeq(source.getId()).subList(0, command);
        return work.call(MachineWorkExecutor.studentLane(owner.getUsername()), () -> {
            long forked = kind == MachineFork.Kind.STUDENT
                    ? retirement.replaceActive(owner.getId(), purpose, () -> copy(prefix, source, owner, purpose))
                    : copy(prefix, source, owner, purpose);
            point.position().ifPresent(step -> require(commands.submit(forked, owner.getUsername(), "!tt 0x" + Long.toHexString(step), null)));
            require(commands.submit(forked, owner.getUsername(), FORK, null));
            forks.save(new MachineFork(forked, source.getId(), command, point.position().isPresent() ? point.position().getAsLong() : null,
                    by.getId(), kind, clock.instant()));
            return forked;
        });
    }

    private long copy(List<CommandLogEntry> prefix, MachineRecord source, Account owner, String purpose) {
        return transactions.execute(status -> {
            MachineRecord fork = ownership.createCopyOf(source, owner.getId(), purpose);
            for (int i = 0; i < prefix.size(); i++) {
                CommandLogEntry e = prefix.get(i);
                commandLog.save(new CommandLogEntry(fork.getId(), i + 1, e.getCommand(), e.getOutput(), e.getKernelVersion(), e.getAcceptedAt()));
            }
            return fork.getId();
        });
    }

    private static void require(ConsoleEntry entry) {
        if (!entry.accepted()) {
            throw new IllegalStateException("The fork could not be brought to its moment: " + entry.output());
        }
    }

    private MachineRecord readable(String caller, long machineId) {
        return access.readableMachine(caller, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
    }
}
