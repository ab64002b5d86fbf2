package com.ntprocesslab.session;

import com.ntprocesslab.store.machine.MachineRecord;
import java.util.Optional;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * One console command from its text to the log: checked, run under its budget, appended,
 * snapshotted when due and announced to the machine's other pages. Anything refused changes
 * nothing: not the log, and (the live machine being thrown away when a budget ran out
 * half-way) not the machine either.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachineCommands {

    private final MachineOwnership ownership;
    private final LiveMachines live;
    private final CommandBudget budget;
    private final CommandAppender appender;
    private final SnapshotWriter snapshots;
    private final MachineEvents events;
    private final SessionProperties properties;

    ConsoleEntry submit(long machineId, String username, String command, Object origin) {
        MachineRecord record = ownership.requireOwned(machineId, username);
        Optional<String> problem = CommandText.problem(command, properties.maxCommandLength());
        if (problem.isPresent()) {
            return new ConsoleEntry(CommandText.shown(command), problem.get(), false);
        }
        if (!record.isActive()) {
            MachineRetiredException retired = new MachineRetiredException(machineId, ownership.activeSuccessor(record));
            return new ConsoleEntry(command, retired.getMessage(), false);
        }
        ConsoleEntry entry = live.with(machineId, ReplayProgress.NONE, machine -> {
            CommandBudget.Ran ran = budget.run(machine, command);
            if (ran.exhausted()) {
                // The kernel stopped half-way through a step: forget that machine, the log rebuilds it.
                live.discard(machineId);
            } else if (ran.result().accepted()) {
                try {
                    appender.append(machine, command, ran.result().output());
                } catch (CommandNotRecordedException e) {
                    live.discard(machineId);
                    throw e;
                }
                snapshots.afterCommand(machine, username, ran.nanos());
            }
            return new ConsoleEntry(command, ran.result().output(), ran.result().accepted());
        });
        if (entry.accepted()) {
            events.publish(new MachineChanged(machineId, entry, origin));
        }
        return entry;
    }
}
