package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What an instructor sees first: their active classes, what their students did last, and who
 * has been stuck on the same checkpoint for a long time while still working on the lab.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class InstructorDashboard {

    /** Working this long on one checkpoint without reaching it counts as stuck. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(15);
    /** Only students who typed something this recently: someone who left yesterday is not stuck, just gone. */
    static final Duration STILL_WORKING = Duration.ofHours(12);

    private final AccessPolicy access;
    private final ClassroomService classrooms;
    private final AccountRepository accounts;
    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final BestResults best;
    private final Labs labs;
    private final Clock clock;

    public record ClassSummary(long classroomId, String name, String joinCode, long students) {
    }

    /** A student's latest command: on which machine, for which purpose, when. */
    public record Activity(String student, long machineId, String purpose, long commandIndex, String command, Instant at) {
    }

    /** A student working on a lab whose next checkpoint has not been reached for {@code stuckFor}. */
    public record Stuck(String student, long machineId, String labId, String checkpointId, Duration stuckFor, long commands) {
    }

    public record Dashboard(List<ClassSummary> classes, List<Activity> recent, List<Stuck> stuck) {
    }

    public Dashboard dashboard(String instructor) {
        access.requireInstructor(instructor);
        List<ClassSummary> classes = classrooms.classesOf(instructor).stream().filter(c -> !c.isArchived())
                .map(c -> new ClassSummary(c.getId(), c.getName(), c.getJoinCode(), classrooms.size(c))).toList();
        Set<Long> students = access.studentsTaughtBy(instructor);
        if (students.isEmpty()) {
            return new Dashboard(classes, List.of(), List.of());
        }
        Map<Long, String> names = accounts.findAllById(students).stream().collect(Collectors.toMap(Account::getId, Account::getUsername));
        Map<Long, MachineRecord> theirMachines = machines.findByOwnerIdIn(students).stream()
                .collect(Collectors.toMap(MachineRecord::getId, Function.identity()));
        List<Activity> recent = theirMachines.isEmpty() ? List.of()
                : commandLog.findTop12ByMachineIdInOrderByAcceptedAtDesc(theirMachines.keySet()).stream().map(entry -> {
                    MachineRecord machine = theirMachines.get(entry.getMachineId());
                    return new Activity(names.getOrDefault(machine.getOwnerId(), "?"), machine.getId(), machine.getPurpose(), entry.getSeq(),
                            entry.getCommand(), entry.getAcceptedAt());
                }).toList();
        return new Dashboard(classes, recent, stuck(theirMachines.values(), names));
    }

    private List<Stuck> stuck(Iterable<MachineRecord> machinesOfStudents, Map<Long, String> names) {
        Map<String, Lab> byId = labs.labs().stream().collect(Collectors.toMap(Lab::id, Function.identity()));
        Instant now = clock.instant();
        List<Stuck> stuck = new ArrayList<>();
        for (MachineRecord machine : machinesOfStudents) {
            Lab lab = byId.get(machine.getPurpose());
            Optional<CommandLogEntry> last = commandLog.findFirstByMachineIdOrderBySeqDesc(machine.getId());
            if (!machine.isActive() || lab == null || last.isEmpty() || last.get().getAcceptedAt().isBefore(now.minus(STILL_WORKING))) {
                continue;
            }
            Map<String, Reached> reached = best.of(machine.getOwnerId(), lab.id());
            Optional<Checkpoint> next = lab.checkpoints().stream().filter(c -> !reached.containsKey(c.id())).findFirst();
            if (next.isEmpty()) {
                continue;
            }
            // since the last checkpoint they reached (or since they started this machine)
            Instant since = reached.values().stream().flatMap(r -> r.at().stream()).max(Comparator.naturalOrder())
                    .filter(at -> at.isAfter(machine.getCreatedAt())).orElse(machine.getCreatedAt());
            Duration stuckFor = Duration.between(since, now);
            if (stuckFor.compareTo(STUCK_AFTER) >= 0 && last.get().getAcceptedAt().isAfter(since)) {
                stuck.add(new Stuck(names.getOrDefault(machine.getOwnerId(), "?"), machine.getId(), lab.id(), next.get().id(), stuckFor,
                        last.get().getSeq()));
            }
        }
        stuck.sort(Comparator.comparing(Stuck::stuckFor).reversed());
        return stuck;
    }
}
