package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.PurposeMachine;
import com.ntprocesslab.store.access.AccessPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Re-grades the students' machines for a lab after the instructor edited it: each machine's
 * history is graded again; newly reached checkpoints are kept with the best results, nothing
 * is taken away.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClassRegrade {

    private final Labs labs;
    private final MachineSessions sessions;
    private final MachineHistories histories;
    private final BestResults best;
    private final AccessPolicy access;

    /** Re-grades the active machine for the lab of every student the instructor teaches; no other instructor's student is touched. */
    public RegradeSummary regrade(String instructor, String labId, RegradeProgress progress) {
        return regrade(instructor, labId, studentId -> true, progress);
    }

    /**
     * Re-grades the chosen students' active machines (among the instructor's students), one after another: pages run it in the
     * re-grade lane of the machine work executor, so it holds one worker and never slows the
     * students typing meanwhile. Progress is told once per machine.
     */
    public RegradeSummary regrade(String instructor, String labId, LongPredicate students, RegradeProgress progress) {
        access.requireInstructor(instructor);
        Set<Long> taught = access.studentsTaughtBy(instructor);
        Lab lab = labs.lab(labId);
        List<PurposeMachine> machines = sessions.activeMachinesFor(instructor, lab.id()).stream()
                .filter(machine -> taught.contains(machine.ownerId()) && students.test(machine.ownerId())).toList();
        List<RegradeSummary.StudentGrade> results = new ArrayList<>();
        for (PurposeMachine machine : machines) {
            results.add(regradeOne(lab, machine));
            progress.graded(results.size(), machines.size(), machine.ownerName());
        }
        return new RegradeSummary(lab.id(), List.copyOf(results));
    }

    private RegradeSummary.StudentGrade regradeOne(Lab lab, PurposeMachine machine) {
        HistoryGrade grade = histories.grade(lab, machine.machineId());
        best.record(machine.ownerId(), lab, machine.machineId(), grade);
        Map<String, Reached> reached = best.of(machine.ownerId(), lab.id());
        int passed = (int) lab.checkpoints().stream().filter(c -> reached.containsKey(c.id())).count();
        return new RegradeSummary.StudentGrade(machine.ownerName(), machine.machineId(), passed, lab.checkpoints().size());
    }
}
