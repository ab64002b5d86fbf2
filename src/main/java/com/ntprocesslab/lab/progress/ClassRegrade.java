package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.PurposeMachine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Re-grades the students' machines for a lab after the instructor edited it: each machine's
 * history is graded again on the application's bounded executor for machine work, one task
 * per machine; newly reached checkpoints are kept with the best results, nothing is taken away.
 */
@Service
public class ClassRegrade {

    private final Labs labs;
    private final MachineSessions sessions;
    private final MachineHistories histories;
    private final BestResults best;
    private final AsyncTaskExecutor executor;

    ClassRegrade(Labs labs, MachineSessions sessions, MachineHistories histories, BestResults best,
                 @Qualifier(LabConfiguration.REGRADE_EXECUTOR) AsyncTaskExecutor executor) {
        this.labs = labs;
        this.sessions = sessions;
        this.histories = histories;
        this.best = best;
        this.executor = executor;
    }

    /** Re-grades every student's active machine for the lab; waits for the result (tests, benchmarks). */
    public RegradeSummary regrade(String labId, RegradeProgress progress) {
        return start(labId, studentId -> true, progress).join();
    }

    /**
     * Starts the re-grade of the chosen students' active machines; the future completes on the
     * executor, and progress is told once per machine, one call at a time.
     */
    public CompletableFuture<RegradeSummary> start(String labId, LongPredicate students, RegradeProgress progress) {
        Lab lab = labs.lab(labId);
        List<PurposeMachine> machines = sessions.activeMachinesFor(lab.id()).stream()
                .filter(machine -> students.test(machine.ownerId())).toList();
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<RegradeSummary.StudentGrade>> grades = machines.stream()
                .map(machine -> CompletableFuture.supplyAsync(() -> {
                    RegradeSummary.StudentGrade grade = regradeOne(lab, machine);
                    synchronized (progress) {
                        progress.graded(done.incrementAndGet(), machines.size(), machine.ownerName());
                    }
                    return grade;
                }, executor))
                .toList();
        return CompletableFuture.allOf(grades.toArray(CompletableFuture[]::new))
                .thenApply(all -> new RegradeSummary(lab.id(), grades.stream().map(CompletableFuture::join).toList()));
    }

    private RegradeSummary.StudentGrade regradeOne(Lab lab, PurposeMachine machine) {
        HistoryGrade grade = histories.grade(lab, machine.machineId());
        best.record(machine.ownerId(), lab, machine.machineId(), grade);
        Map<String, Reached> reached = best.of(machine.ownerId(), lab.id());
        int passed = (int) lab.checkpoints().stream().filter(c -> reached.containsKey(c.id())).count();
        return new RegradeSummary.StudentGrade(machine.ownerName(), machine.machineId(), passed, lab.checkpoints().size());
    }
}
