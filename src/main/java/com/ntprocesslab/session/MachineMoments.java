package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.session.work.MachineWorkProperties;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import java.util.List;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The instructor's time machine over one machine: its whole history replayed into a private
 * copy ({@link ReplayedHistory}), then rebuilt at any command or step. Every call checks that
 * the caller may read the machine (their own, or a student's they teach) and runs in the
 * caller's observer lane of the {@link MachineWorkExecutor} under the restore budget, so
 * scrubbing never delays a student's command nor touches the student's machine.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MachineMoments {

    private final AccessPolicy access;
    private final AccountRepository accounts;
    private final CommandLogRepository commandLog;
    private final MachineWorkExecutor work;
    private final MachineWorkProperties limits;

    /** Whose machine it is and what for, read without replaying (not found for a machine the caller may not read). */
    public ObservedHistory describe(String caller, long machineId) {
        MachineRecord record = readable(caller, machineId);
        String owner = accounts.findById(record.getOwnerId()).map(Account::getUsername).orElse("?");
        return new ObservedHistory(machineId, record.getOwnerId(), owner, record.getPurpose(), record.isActive());
    }

    /** Replays the whole log once; the result is the caller's private copy to scrub. */
    public ReplayedHistory replay(String caller, long machineId) {
        MachineRecord record = readable(caller, machineId);
        return work.call(MachineWorkExecutor.observerLane(caller), () -> ReplayedHistory.replay(machineId,
                Profile.valueOf(record.getProfile()), MachineSeeds.of(record), commandLog.findByMachineIdOrderBySeq(machineId), limits.restoreTime()));
    }

    /** The machine after {@code command} commands, rebuilt in the caller's copy. */
    public ReplayedHistory.Moment atCommand(String caller, ReplayedHistory history, int command) {
        readable(caller, history.machineId());
        return work.call(MachineWorkExecutor.observerLane(caller), () -> history.atCommand(command));
    }

    /** The machine at step {@code position}, rebuilt in the caller's copy. */
    public ReplayedHistory.Moment atPosition(String caller, ReplayedHistory history, long position) {
        readable(caller, history.machineId());
        return work.call(MachineWorkExecutor.observerLane(caller), () -> history.atPosition(position));
    }

    /** Every accepted command with its answer and the time it was accepted, oldest first (for an export; no replay). */
    public List<CommandLogEntry> commands(String caller, long machineId) {
        readable(caller, machineId);
        return commandLog.findByMachineIdOrderBySeq(machineId);
    }

    private MachineRecord readable(String caller, long machineId) {
        return access.readableMachine(caller, machineId).orElseThrow(() -> new MachineNotFoundException(machineId));
    }
}
