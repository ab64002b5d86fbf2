package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.text.Language;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * Runs a schema-valid lab on real machines: every setup and solution command must be accepted,
 * the reference solution, graded over its history as a student's machine is, must reach every
 * checkpoint in order, and the untouched setup machine must fail each checkpoint (else the
 * checkpoint grades nothing).
 */
@RequiredArgsConstructor
public final class LabVerifier {

    /** The solution's grade of each checkpoint over its history, and what is wrong with the lab. */
    public record Report(HistoryGrade solution, List<LabProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ReferenceRuns references;
    private final Grader grader;

    public Report verify(Lab lab) {
        ReferenceRun run;
        try {
            run = references.of(lab);
        } catch (ScriptRejectedException rejected) {
            return new Report(new HistoryGrade(List.of()), List.of(rejected.problem()));
        }
        List<LabProblem> problems = new ArrayList<>();
        for (Checkpoint checkpoint : lab.checkpoints()) {
            if (checkpoint.criterion() instanceof Criterion.Comparison comparison
                    && run.target(lab, checkpoint, comparison).isEmpty()) {
                problems.add(problem(lab, checkpoint, "checkpoint '" + checkpoint.id() + "' compares "
                        + comparison.projections() + " but the solution changes nothing there, so it grades nothing"));
                continue;
            }
            if (grader.grade(lab, checkpoint, run.setupState()).passed()) {
                problems.add(problem(lab, checkpoint, "the untouched setup machine already passes checkpoint '"
                        + checkpoint.id() + "', so it grades nothing"));
            }
        }
        List<LoggedCommand> log = new ArrayList<>();
        lab.setup().forEach(line -> log.add(LoggedCommand.of(line.command())));
        lab.solution().forEach(line -> log.add(LoggedCommand.of(line.command())));
        HistoryGrade solution = new HistoryGrader(grader).grade(lab, log, lab.setup().size());
        // What is missing is told at the solution's mark for the checkpoint, where the author expects it reached.
        solution.next().ifPresent(missed -> problems.add(problem(lab, missed.checkpoint(), "the reference solution never reaches checkpoint '"
                + missed.checkpoint().id() + "' (after the ones before it): "
                + grader.grade(lab, missed.checkpoint(), run.stateFor(lab, missed.checkpoint())).feedbackIn(Language.EN).replace('\n', ' '))));
        return new Report(solution, problems);
    }

    private static LabProblem problem(Lab lab, Checkpoint checkpoint, String reason) {
        return new LabProblem(lab.folder(), "lab.yaml", checkpoint.line(), reason);
    }
}
