package com.ntprocesslab.session;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.exec.WorkBudgetExhaustedException;
import com.ntprocesslab.session.work.MachineWorkProperties;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Runs one console command under the budget of {@code ntlab.machine.command-steps} and
 * {@code ntlab.machine.command-time}. A command that spends either is refused and never
 * logged; the machine it left half-way is the caller's to throw away.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CommandBudget {

    /** What running a command gave: the kernel's answer, or a refusal because the budget ran out. */
    record Ran(CommandResult result, boolean exhausted, long steps, long nanos) {
    }

    private final MachineWorkProperties limits;

    Ran run(LiveMachine machine, String command) {
        long start = System.nanoTime();
        long deadline = start + limits.commandTime().toNanos();
        try {
            WorkBudget.Spent<CommandResult> spent = WorkBudget.run(limits.commandSteps(),
                    () -> System.nanoTime() - deadline > 0, () -> machine.machine.execute(command));
            return new Ran(spent.result(), false, spent.steps(), System.nanoTime() - start);
        } catch (WorkBudgetExhaustedException e) {
            return new Ran(new CommandResult(false, refusal(e)), true, e.steps(), System.nanoTime() - start);
        }
    }

    /** Steps a logged command may take today: more, and a replay reports it would now be refused. */
    long stepLimit() {
        return limits.commandSteps();
    }

    private String refusal(WorkBudgetExhaustedException e) {
        return e.kind() == WorkBudgetExhaustedException.Kind.STEPS
                ? "Refused: this command needs more than " + limits.commandSteps() + " steps, the most one command may run. "
                        + "Nothing was saved and the machine is as before it; set a breakpoint or use a narrower command."
                : "Refused: this command ran longer than " + limits.commandTime().toMillis() + " ms, the most one command may take. "
                        + "Nothing was saved and the machine is as before it; use a narrower command.";
    }
}
