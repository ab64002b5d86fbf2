package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.text.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a schema-valid lab on real machines: every setup and solution command must be accepted,
 * the reference solution must pass each checkpoint where it is reached, and the untouched setup
 * machine must fail each checkpoint (else the checkpoint grades nothing).
 */
public final class LabVerifier {

    /** The solution's grade of each checkpoint, and what is wrong with the lab. */
    public record Report(List<CheckpointResult> solutionResults, List<LabProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ReferenceRuns references;
    private final Grader grader;

    public LabVerifier(ReferenceRuns references, Grader grader) {
        this.references = references;
        this.grader = grader;
    }

    public Report verify(Lab lab) {
        ReferenceRun run;
        try {
            run = references.of(lab);
        } catch (ScriptRejectedException rejected) {
            return new Report(List.of(), List.of(rejected.problem()));
        }
        List<CheckpointResult> results = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        for (Checkpoint checkpoint : lab.checkpoints()) {
            if (checkpoint.criterion() instanceof Criterion.Comparison comparison
                    && run.target(lab, checkpoint, comparison).isEmpty()) {
                problems.add(problem(lab, checkpoint, "checkpoint '" + checkpoint.id() + "' compares "
                        + comparison.projections() + " but the solution changes nothing there, so it grades nothing"));
                continue;
            }
            CheckpointResult reached = grader.grade(lab, checkpoint, run.stateFor(lab, checkpoint));
            results.add(reached);
            if (!reached.passed()) {
                problems.add(problem(lab, checkpoint, "the reference solution fails checkpoint '" + checkpoint.id() + "': "
                        + reached.feedbackIn(Language.EN).replace('\n', ' ')));
            }
            CheckpointResult untouched = grader.grade(lab, checkpoint, run.setupState());
            if (untouched.passed()) {
                problems.add(problem(lab, checkpoint, "the untouched setup machine already passes checkpoint '"
                        + checkpoint.id() + "', so it grades nothing"));
            }
        }
        return new Report(results, problems);
    }


    private static LabProblem problem(Lab lab, Checkpoint checkpoint, String reason) {
        return new LabProblem(lab.folder(), "lab.yaml", checkpoint.line(), reason);
    }
}
