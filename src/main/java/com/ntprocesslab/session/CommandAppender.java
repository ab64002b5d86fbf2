package com.ntprocesslab.session;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path by which an accepted command enters a machine's log: committed before its
 * answer is shown. The log's (machine, sequence) is unique, so two writers can never both
 * append command n.
 */
@Component
class CommandAppender {

    private final CommandLogRepository commandLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CommandAppender(CommandLogRepository commandLog, TransactionTemplate transactions, Clock clock) {
        this.commandLog = commandLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Appends the command as the machine's next one.
     *
     * @throws CommandNotRecordedException when the database refused it; the caller must then
     *     forget the live machine, which already ran the command
     */
    void append(LiveMachine machine, String command, String output) {
        CommandLogEntry entry = new CommandLogEntry(machine.id, machine.nextSeq, command, output,
                Machine.KERNEL_VERSION, clock.instant());
        try {
            transactions.executeWithoutResult(status -> commandLog.save(entry));
        } catch (DataAccessException | TransactionException e) {
            throw new CommandNotRecordedException(e);
        }
        machine.nextSeq++;
    }
}
