package com.ntprocesslab.lab.grading;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.exec.WorkBudgetExhaustedException;
import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.state.MachineState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lab run on a fresh machine: the state right after setup, and the state after every
 * prefix of the solution that some checkpoint is graded at. Immutable once built; the
 * comparison targets derived from it are memoised.
 */
public final class ReferenceRun {

    private final MachineState setupState;
    private final String setupSnapshot;
    private final Map<Integer, MachineState> afterSolutionCommands;
    private final Map<String, Map<Fact, Integer>> targets = new ConcurrentHashMap<>();

    private ReferenceRun(String setupSnapshot, Map<Integer, MachineState> afterSolutionCommands) {
        this.setupSnapshot = setupSnapshot;
        this.setupState = MachineState.fromSnapshot(setupSnapshot);
        this.afterSolutionCommands = afterSolutionCommands;
    }

    /** Boots the lab's machine, runs setup, then the solution; a rejected command is a broken lab. */
    public static ReferenceRun of(Lab lab) {
        return of(lab, LabRunBudget.DEFAULT);
    }

    /** As {@link #of(Lab)}, with setup and solution each held to the budget. */
    public static ReferenceRun of(Lab lab, LabRunBudget budget) {
        Machine machine = Machine.boot(lab.profile());
        run(lab, machine, "setup.cmd", lab.setup(), budget);
        String setupSnapshot = machine.snapshotJson();
        Map<Integer, MachineState> states = new TreeMap<>();
        List<Integer> stops = lab.checkpoints().stream().map(lab::solutionCommandsBefore).distinct().sorted().toList();
        long deadline = System.nanoTime() + budget.maxTime().toNanos();
        int done = 0;
        WorkBudget.Deadline solutionTime = () -> System.nanoTime() - deadline > 0;
        for (int stop : stops) {
            runBudgeted(lab, "solution.cmd", lab.solution().subList(done, stop), budget.maxSteps(), solutionTime, machine);
            states.put(stop, MachineState.fromSnapshot(machine.snapshotJson()));
            done = stop;
        }
        return new ReferenceRun(setupSnapshot, states);
    }

    /** Boots the lab's machine and runs setup only: the machine a student starts from. */
    public static Machine setupMachine(Lab lab) {
        Machine machine = Machine.boot(lab.profile());
        run(lab, machine, "setup.cmd", lab.setup(), LabRunBudget.DEFAULT);
        return machine;
    }

    static void run(Lab lab, Machine machine, String file, List<ScriptLine> lines, LabRunBudget budget) {
        long deadline = System.nanoTime() + budget.maxTime().toNanos();
        runBudgeted(lab, file, lines, budget.maxSteps(), () -> System.nanoTime() - deadline > 0, machine);
    }

    private static void runBudgeted(Lab lab, String file, List<ScriptLine> lines, long maxSteps, WorkBudget.Deadline deadline,
                                    Machine machine) {
        ScriptLine[] at = new ScriptLine[1];
        try {
            WorkBudget.run(maxSteps, deadline, () -> {
                for (ScriptLine line : lines) {
                    at[0] = line;
                    CommandResult result = machine.execute(line.command());
                    if (!result.accepted()) {
                        throw new ScriptRejectedException(new LabProblem(lab.folder(), file, line.line(),
                                "the kernel rejected '" + line.command() + "': " + result.output().strip()));
                    }
                }
                return null;
            });
        } catch (WorkBudgetExhaustedException e) {
            String limit = e.kind() == WorkBudgetExhaustedException.Kind.STEPS
                    ? "more than " + e.steps() + " steps" : "longer than the time a lab's " + file + " may take";
            throw new ScriptRejectedException(new LabProblem(lab.folder(), file, at[0] == null ? 0 : at[0].line(),
                    "ran " + limit + " (at '" + (at[0] == null ? "" : at[0].command()) + "'): a lab's setup and solution must finish within their budget"));
        }
    }

    public MachineState setupState() {
        return setupState;
    }

    public String setupSnapshot() {
        return setupSnapshot;
    }

    /** The reference machine at the moment the checkpoint is reached. */
    public MachineState stateFor(Lab lab, Checkpoint checkpoint) {
        return afterSolutionCommands.get(lab.solutionCommandsBefore(checkpoint));
    }

    Map<Fact, Integer> target(Lab lab, Checkpoint checkpoint, Criterion.Comparison comparison) {
        return targets.computeIfAbsent(checkpoint.id(), id -> StateComparison.target(
                Facts.of(setupState, comparison.projections()),
                Facts.of(stateFor(lab, checkpoint), comparison.projections())));
    }
}
