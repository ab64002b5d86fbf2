package com.ntprocesslab.lab.grading;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
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
        Machine machine = Machine.boot(lab.profile());
        run(lab, machine, "setup.cmd", lab.setup());
        String setupSnapshot = machine.snapshotJson();
        Map<Integer, MachineState> states = new TreeMap<>();
        List<Integer> stops = lab.checkpoints().stream().map(lab::solutionCommandsBefore).distinct().sorted().toList();
        int done = 0;
        for (int stop : stops) {
            run(lab, machine, "solution.cmd", lab.solution().subList(done, stop));
            states.put(stop, MachineState.fromSnapshot(machine.snapshotJson()));
            done = stop;
        }
        return new ReferenceRun(setupSnapshot, states);
    }

    /** Boots the lab's machine and runs setup only: the machine a student starts from. */
    public static Machine setupMachine(Lab lab) {
        Machine machine = Machine.boot(lab.profile());
        run(lab, machine, "setup.cmd", lab.setup());
        return machine;
    }

    static void run(Lab lab, Machine machine, String file, List<ScriptLine> lines) {
        for (ScriptLine line : lines) {
            CommandResult result = machine.execute(line.command());
            if (!result.accepted()) {
                throw new ScriptRejectedException(new LabProblem(lab.folder(), file, line.line(),
                        "the kernel rejected '" + line.command() + "': " + result.output().strip()));
            }
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
