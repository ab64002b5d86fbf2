package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LoggedCommand;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.session.MachineSeeds;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Grades a lab machine over its stored log. It reads only committed log rows and replays them
 * on a private machine, so grading never touches the live machine nor waits for its lock.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class MachineHistories {

    private final CommandLogRepository commandLog;
    private final MachineRepository machines;
    private final HistoryGrader grader;

    HistoryGrade grade(Lab lab, long machineId) {
        List<LoggedCommand> log = commandLog.findByMachineIdOrderBySeq(machineId).stream()
                .map(entry -> new LoggedCommand(entry.getCommand(), Optional.ofNullable(entry.getAcceptedAt())))
                .toList();
        long seed = machines.findById(machineId).map(MachineSeeds::of).orElse(BootSeed.DEFAULT);
        return grader.grade(lab, log, lab.setup().size(), seed);
    }
}
