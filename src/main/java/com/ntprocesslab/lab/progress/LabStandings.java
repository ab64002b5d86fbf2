package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.grading.AttemptRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** How far a student got in every lab, for the catalog: the best result at each checkpoint counts. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class LabStandings {

    private final Labs labs;
    private final BestResults best;
    private final AttemptRepository attempts;
    private final AccessPolicy access;

    /** The student's standing in every lab, in catalog order. */
    public List<LabStanding> standings(String username) {
        long studentId = access.caller(username).getId();
        Map<String, Map<String, Reached>> reached = best.ofStudent(studentId);
        return labs.labs().stream().map(lab -> standing(lab, reached.getOrDefault(lab.id(), Map.of()), studentId)).toList();
    }

    private LabStanding standing(Lab lab, Map<String, Reached> reached, long studentId) {
        int passed = (int) lab.checkpoints().stream().filter(c -> reached.containsKey(c.id())).count();
        boolean started = passed > 0 || !attempts.findByStudentIdAndLabIdOrderById(studentId, lab.id()).isEmpty();
        return new LabStanding(lab, passed, lab.checkpoints().size(), started);
    }
}
