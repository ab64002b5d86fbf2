package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.CheckpointProgress;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Localized;
import com.ntprocesslab.lab.text.Message;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.grading.Attempt;
import com.ntprocesslab.store.grading.AttemptRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A student's Check: the lab machine graded over its whole history, merged with what the
 * student reached before (best ever), recorded, and told in three states. Only reads the
 * machine's log: the machine and its log are the same afterwards.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LabChecks {

    /** Failed checks of the next checkpoint after which its hint is shown. */
    static final int FAILURES_BEFORE_HINT = 2;

    private final Labs labs;
    private final LabMachines machines;
    private final MachineHistories histories;
    private final BestResults best;
    private final AttemptRepository attempts;
    private final AccessPolicy access;
    private final Clock clock;

    public CheckReport check(String username, String labId) {
        Lab lab = labs.lab(labId);
        long machineId = machines.openLab(username, labId);
        long studentId = studentId(username);
        HistoryGrade grade = histories.grade(lab, machineId);
        best.record(studentId, lab, machineId, grade);
        Map<String, Reached> reached = best.of(studentId, lab.id());
        long position = grade.checkpoints().stream().flatMap(c -> c.reached().stream()).mapToLong(Reached::position).max().orElse(0);
        List<CheckOutcome> outcomes = new ArrayList<>();
        boolean nextTold = false;
        for (CheckpointProgress progress : grade.checkpoints()) {
            Checkpoint checkpoint = progress.checkpoint();
            Optional<Reached> where = BestResults.in(reached, checkpoint.id());
            if (where.isPresent()) {
                outcomes.add(new CheckOutcome(checkpoint.id(), checkpoint.title(), CheckOutcome.Status.PASSED, where,
                        Message.of("history.reached", String.valueOf(where.get().position()), where.get().command()).localized(),
                        Optional.empty()));
                record(studentId, lab, machineId, checkpoint, true, where.get().position(), Message.of("history.reached",
                        String.valueOf(where.get().position()), where.get().command()).localized());
            } else if (!nextTold) {
                nextTold = true;
                Localized feedback = progress.feedback().isEmpty()
                        ? Message.of("history.redo_earlier").localized()
                        : new Localized(progress.feedbackIn(Language.EN), progress.feedbackIn(Language.ZH_CN));
                record(studentId, lab, machineId, checkpoint, false, position, feedback);
                long failures = attempts.countByStudentIdAndLabIdAndCheckpointIdAndKindAndPassedFalse(studentId, lab.id(),
                        checkpoint.id(), Attempt.Kind.CHECK);
                Optional<Localized> hint = failures < FAILURES_BEFORE_HINT ? Optional.empty() : checkpoint.hint();
                outcomes.add(new CheckOutcome(checkpoint.id(), checkpoint.title(), CheckOutcome.Status.NEXT, Optional.empty(),
                        feedback, hint));
            } else {
                outcomes.add(new CheckOutcome(checkpoint.id(), checkpoint.title(), CheckOutcome.Status.NOT_REACHED, Optional.empty(),
                        Message.of("history.not_reached").localized(), Optional.empty()));
            }
        }
        return new CheckReport(lab, List.copyOf(outcomes), nextLab(lab), showSolution(lab, studentId));
    }

    /** What the student reached so far, without checking again: for the lab page as it opens. */
    public List<CheckOutcome> reachedSoFar(String username, String labId) {
        Lab lab = labs.lab(labId);
        Map<String, Reached> reached = best.of(studentId(username), lab.id());
        return lab.checkpoints().stream().map(checkpoint -> BestResults.in(reached, checkpoint.id())
                .map(where -> new CheckOutcome(checkpoint.id(), checkpoint.title(), CheckOutcome.Status.PASSED, Optional.of(where),
                        Message.of("history.reached", String.valueOf(where.position()), where.command()).localized(), Optional.<Localized>empty()))
                .orElseGet(() -> new CheckOutcome(checkpoint.id(), checkpoint.title(), CheckOutcome.Status.NOT_REACHED, Optional.empty(),
                        Message.of("history.not_reached").localized(), Optional.empty())))
                .toList();
    }

    /** The student's checks of the lab, oldest first. */
    public List<Attempt> attempts(String username, String labId) {
        return attempts.findByStudentIdAndLabIdOrderById(studentId(username), labId);
    }

    /** The lab after this one in the catalog, for the completion message. */
    private Optional<Lab> nextLab(Lab lab) {
        List<Lab> all = labs.labs();
        int index = all.indexOf(lab);
        return index >= 0 && index + 1 < all.size() ? Optional.of(all.get(index + 1)) : Optional.empty();
    }

    /** The solution is offered after the lab's number of failed checks (never when the lab says so). */
    private boolean showSolution(Lab lab, long studentId) {
        if (lab.solutionAfterFailedChecks().isEmpty()) {
            return false;
        }
        long failedChecks = attempts.findByStudentIdAndLabIdOrderById(studentId, lab.id()).stream()
                .filter(a -> a.getKind() == Attempt.Kind.CHECK && !a.isPassed()).count();
        return failedChecks >= lab.solutionAfterFailedChecks().getAsInt();
    }

    private void record(long studentId, Lab lab, long machineId, Checkpoint checkpoint, boolean passed, long position, Localized feedback) {
        attempts.save(new Attempt(studentId, machineId, lab.id(), checkpoint.id(), passed, feedback.en(), feedback.zhCn(), position,
                Attempt.Kind.CHECK, clock.instant()));
    }

    private long studentId(String username) {
        return access.caller(username).getId();
    }
}
