package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The one path by which an accepted command enters a machine's log: committed before its
 * answer is shown. Two guards keep one writer per machine: the append's transaction first
 * confirms this node's lease under the fencing token it loaded the machine with (refused if
 * another node took the machine since), and the log's (machine, sequence) is unique, so two
 * writers can never both append command n.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandAppender {

    private final CommandLogRepository commandLog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MachineLeases leases;

    /**
     * Appends the command as the machine's next one.
     *
     * @throws CommandNotRecordedException when the database refused it; the caller must then
     *     forget the live machine, which already ran the command
     * @throws MachineLeaseLostException when another node serves the machine now
     */
    void append(LiveMachine machine, String command, String output) {
        CommandLogEntry entry = new CommandLogEntry(machine.id, machine.nextSeq, command, output,
                Machine.KERNEL_VERSION, clock.instant());
        try {
            transactions.executeWithoutResult(status -> {
                if (!leases.confirm(machine.id, machine.leaseToken)) {
                    throw new MachineLeaseLostException(machine.id);
                }
                commandLog.save(entry);
            });
        } catch (DataAccessException | TransactionException e) {
            throw new CommandNotRecordedException(e);
        }
        machine.nextSeq++;
    }
}
