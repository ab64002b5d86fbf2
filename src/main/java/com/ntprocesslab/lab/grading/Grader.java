package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.checkpoint.Predicate;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;

/**
 * Grades checkpoints against a machine's snapshot. It only reads the snapshot text, so
 * grading can never change the student's machine.
 */
@RequiredArgsConstructor
public final class Grader {

    private final ReferenceRuns references;

    public List<CheckpointResult> gradeAll(Lab lab, String snapshotJson) {
        MachineState state = MachineState.fromSnapshot(snapshotJson);
        return lab.checkpoints().stream().map(checkpoint -> grade(lab, checkpoint, state)).toList();
    }

    public CheckpointResult grade(Lab lab, Checkpoint checkpoint, String snapshotJson) {
        return grade(lab, checkpoint, MachineState.fromSnapshot(snapshotJson));
    }

    public CheckpointResult grade(Lab lab, Checkpoint checkpoint, MachineState state) {
        List<Message> problems = switch (checkpoint.criterion()) {
            case Criterion.Predicates predicates -> predicateProblems(predicates, state);
            case Criterion.Comparison comparison -> {
                Map<Fact, Integer> target = references.of(lab).target(lab, checkpoint, comparison);
                yield StateComparison.differences(target, Facts.of(state, comparison.projections()));
            }
        };
        if (problems.isEmpty()) {
            return new CheckpointResult(checkpoint.id(), checkpoint.title(), true, passedFeedback(checkpoint));
        }
        return new CheckpointResult(checkpoint.id(), checkpoint.title(), false, problems);
    }

    private static List<Message> predicateProblems(Criterion.Predicates predicates, MachineState state) {
        List<Message> problems = new ArrayList<>();
        for (Predicate predicate : predicates.predicates()) {
            problems.addAll(predicate.problems(state));
        }
        return problems;
    }

    /** A passed checkpoint still says what was verified, so the student learns what counted. */
    private static List<Message> passedFeedback(Checkpoint checkpoint) {
        return switch (checkpoint.criterion()) {
            case Criterion.Predicates predicates -> predicates.predicates().stream()
                    .map(p -> Message.of("passed.predicate", p.describe())).toList();
            case Criterion.Comparison comparison -> List.of(Message.of("passed.comparison",
                    String.join(", ", comparison.projections().stream().map(p -> p.yamlName()).toList())));
        };
    }
}
