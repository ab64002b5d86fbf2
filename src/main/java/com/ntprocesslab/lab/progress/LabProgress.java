package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.grading.CheckpointResult;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Localized;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineReading;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.OpenedMachine;
import com.ntprocesslab.session.PurposeMachine;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.grading.Attempt;
import com.ntprocesslab.store.grading.AttemptRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import org.springframework.stereotype.Service;

/**
 * Students working on labs: each lab runs on the student's machine for that lab (prepared
 * with the lab's setup through ordinary logged commands), a Check grades it and records one
 * attempt per checkpoint, and an instructor can re-grade a whole class by replaying every
 * student's machine.
 */
@Service
public class LabProgress {

    /** Failed checks of a checkpoint after which its hint is shown. */
    static final int FAILURES_BEFORE_HINT = 2;

    private final LabCatalog catalog;
    private final Grader grader;
    private final MachineSessions sessions;
    private final AttemptRepository attempts;
    private final AccessPolicy access;
    private final Clock clock;

    LabProgress(LabCatalog catalog, Grader grader, MachineSessions sessions, AttemptRepository attempts,
                AccessPolicy access, Clock clock) {
        this.catalog = catalog;
        this.grader = grader;
        this.sessions = sessions;
        this.attempts = attempts;
        this.access = access;
        this.clock = clock;
    }

    public List<Lab> labs() {
        return catalog.labs();
    }

    public Lab lab(String labId) {
        return catalog.lab(labId).orElseThrow(() -> new LabNotFoundException(labId));
    }

    /** The loaded labs and the problems of the ones left out. */
    public LabCatalog.Contents catalog(String caller) {
        access.requireInstructor(caller);
        return catalog.contents();
    }

    /** Reads the lab folders again; only an instructor may, since every student's page changes. */
    public LabCatalog.Contents reloadLabs(String caller) {
        access.requireInstructor(caller);
        return catalog.reload();
    }

    /** The student's machine for the lab, booted and set up on first use. */
    public long openLab(String username, String labId) {
        Lab lab = lab(labId);
        OpenedMachine machine = sessions.openForPurpose(username, lab.id(), lab.profile());
        if (machine.created()) {
            runSetup(username, lab, machine.machineId());
        }
        return machine.machineId();
    }

    /** A fresh machine for the lab, set up again; the old one is kept for the instructor. */
    public long resetLab(String username, String labId) {
        Lab lab = lab(labId);
        long old = openLab(username, labId);
        long fresh = sessions.reset(old, username);
        runSetup(username, lab, fresh);
        return fresh;
    }

    /**
     * Grades every checkpoint of the lab on the student's machine and records the attempts.
     * Only reads the machine: its state and log are the same afterwards.
     */
    public List<CheckOutcome> check(String username, String labId) {
        Lab lab = lab(labId);
        long machineId = openLab(username, labId);
        Long studentId = access.caller(username).getId();
        MachineReading reading = sessions.read(machineId, username);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckpointResult result : grader.gradeAll(lab, reading.snapshotJson())) {
            record(studentId, lab, reading, result, Attempt.Kind.CHECK);
            long failures = attempts.countByStudentIdAndLabIdAndCheckpointIdAndKindAndPassedFalse(studentId, lab.id(),
                    result.checkpointId(), Attempt.Kind.CHECK);
            Optional<Localized> hint = result.passed() || failures < FAILURES_BEFORE_HINT ? Optional.empty()
                    : lab.checkpoint(result.checkpointId()).flatMap(c -> c.hint());
            outcomes.add(new CheckOutcome(result.checkpointId(), result.title(), result.passed(),
                    new Localized(result.feedbackIn(Language.EN), result.feedbackIn(Language.ZH_CN)), hint));
        }
        return outcomes;
    }

    /**
     * Re-grades the active machine for the lab of every student the instructor teaches (in
     * all their classes), replaying each from its log; no other instructor's student is
     * touched. The replays run one after another in the re-grade lane of the machine work
     * executor, so a class re-grade holds one worker and never slows the students typing meanwhile.
     */
    public RegradeSummary regrade(String instructor, String labId, RegradeProgress progress) {
        return regrade(instructor, labId, studentId -> true, progress);
    }

    /** Re-grades, among the instructor's students, only the chosen ones (one class). */
    public RegradeSummary regrade(String instructor, String labId, LongPredicate students, RegradeProgress progress) {
        access.requireInstructor(instructor);
        Set<Long> taught = access.studentsTaughtBy(instructor);
        Lab lab = lab(labId);
        List<PurposeMachine> machines = sessions.activeMachinesFor(instructor, lab.id()).stream()
                .filter(machine -> taught.contains(machine.ownerId()) && students.test(machine.ownerId())).toList();
        List<RegradeSummary.StudentGrade> results = new ArrayList<>();
        for (PurposeMachine machine : machines) {
            results.add(regradeOne(instructor, lab, machine));
            progress.graded(results.size(), machines.size(), machine.ownerName());
        }
        return new RegradeSummary(lab.id(), List.copyOf(results));
    }

    private RegradeSummary.StudentGrade regradeOne(String instructor, Lab lab, PurposeMachine machine) {
        MachineReading reading = sessions.replayHeadless(instructor, machine.machineId());
        List<CheckpointResult> results = grader.gradeAll(lab, reading.snapshotJson());
        results.forEach(result -> record(machine.ownerId(), lab, reading, result, Attempt.Kind.REGRADE));
        int passed = (int) results.stream().filter(CheckpointResult::passed).count();
        return new RegradeSummary.StudentGrade(machine.ownerName(), machine.machineId(), passed, results.size());
    }

    /** The student's standing in every lab, in catalog order: the latest attempt at each checkpoint counts. */
    public List<LabStanding> standings(String username) {
        Long studentId = access.caller(username).getId();
        List<LabStanding> standings = new ArrayList<>();
        for (Lab lab : catalog.labs()) {
            Map<String, Boolean> latest = new HashMap<>();
            attempts.findByStudentIdAndLabIdOrderById(studentId, lab.id())
                    .forEach(attempt -> latest.put(attempt.getCheckpointId(), attempt.isPassed()));
            int passed = (int) lab.checkpoints().stream().filter(c -> latest.getOrDefault(c.id(), false)).count();
            standings.add(new LabStanding(lab, passed, lab.checkpoints().size(), !latest.isEmpty()));
        }
        return List.copyOf(standings);
    }

    /** The student's attempts at the lab, oldest first. */
    public List<Attempt> attempts(String username, String labId) {
        Long studentId = access.caller(username).getId();
        return attempts.findByStudentIdAndLabIdOrderById(studentId, labId);
    }

    private void runSetup(String username, Lab lab, long machineId) {
        for (ScriptLine line : lab.setup()) {
            ConsoleEntry entry = sessions.submit(machineId, username, line.command());
            if (!entry.accepted()) {
                throw new IllegalStateException("Lab " + lab.id() + " setup.cmd:" + line.line() + " was rejected: " + entry.output());
            }
        }
    }

    private void record(Long studentId, Lab lab, MachineReading reading, CheckpointResult result, Attempt.Kind kind) {
        attempts.save(new Attempt(studentId, reading.machineId(), lab.id(), result.checkpointId(), result.passed(),
                result.feedbackIn(Language.EN), result.feedbackIn(Language.ZH_CN), reading.logPosition(), kind, clock.instant()));
    }
}
