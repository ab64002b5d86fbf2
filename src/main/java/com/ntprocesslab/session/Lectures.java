package com.ntprocesslab.session;

import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.store.classroom.ClassroomRepository;
import com.ntprocesslab.store.classroom.EnrollmentRepository;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import com.ntprocesslab.store.machine.MachineFork;
import com.ntprocesslab.store.machine.MachineForkRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Lecture mode: an instructor shows their sandbox machine live to a class they teach. Every
 * enrolled student who opens the lecture follows each accepted command as it happens; any of
 * them forks the current moment into a sandbox machine of their own; the instructor sees how
 * many follow. Lectures live in this server's memory: a restart ends them (the machine and its
 * log stay).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Lectures {

    private static final String FORK = ".fork";

    /** A running lecture: whose machine, how many follow, who listens to that number. */
    private record Lecture(String instructor, long machineId, AtomicInteger followers, List<IntConsumer> hosts) {
    }

    /** What a follower sees on arrival: the machine, its history and its state now; run {@code stop} on leaving. */
    public record Following(long machineId, String instructor, List<ConsoleEntry> history, String snapshotJson, Runnable stop) {
    }

    private final Map<Long, Lecture> running = new ConcurrentHashMap<>();
    private final AccessPolicy access;
    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final MachineRepository machines;
    private final CommandLogRepository commandLog;
    private final MachineForkRepository forks;
    private final MachineOwnership ownership;
    private final MachineCommands commands;
    private final LiveMachines live;
    private final MachineEvents events;
    private final MachineWorkExecutor work;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Starts (or keeps) a lecture of the caller's sandbox machine for a class they teach; returns the machine id. */
    public long start(String instructor, long classroomId) {
        access.requireInstructor(instructor);
        access.taughtClass(instructor, classroomId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
        long machine = ownership.sandbox(instructor);
        return running.compute(classroomId, (id, existing) -> existing != null && existing.instructor().equals(instructor) && existing.machineId() == machine
                ? existing : new Lecture(instructor, machine, new AtomicInteger(), new CopyOnWriteArrayList<>())).machineId();
    }

    public void stop(String instructor, long classroomId) {
        access.taughtClass(instructor, classroomId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
        running.remove(classroomId);
    }

    /** Whether the caller teaches the class, so hosts its lecture rather than following it. */
    public boolean teaches(String caller, long classroomId) {
        return access.taughtClass(caller, classroomId).isPresent();
    }

    /** Whether a lecture runs for the class (for a caller who teaches it or is enrolled in it). */
    public boolean isRunning(String caller, long classroomId) {
        mayFollow(caller, classroomId);
        return running.containsKey(classroomId);
    }

    /** The number of followers now, and each change of it to the host's page; run the returned action to stop listening. */
    public Runnable watchFollowers(String instructor, long classroomId, IntConsumer count) {
        Lecture lecture = lecture(instructor, classroomId);
        access.taughtClass(instructor, classroomId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
        lecture.hosts().add(count);
        count.accept(lecture.followers().get());
        return () -> lecture.hosts().remove(count);
    }

    /** Follows the lecture of a class the caller is enrolled in (or teaches): every accepted command reaches {@code changes}. */
    public Following follow(String caller, long classroomId, Consumer<MachineChanged> changes) {
        Lecture lecture = lecture(caller, classroomId);
        String snapshot = work.call(MachineWorkExecutor.observerLane(caller),
                () -> live.with(lecture.machineId(), ReplayProgress.NONE, machine -> machine.machine.snapshotJson()));
        List<ConsoleEntry> history = commandLog.findByMachineIdOrderBySeq(lecture.machineId()).stream()
                .map(entry -> new ConsoleEntry(entry.getCommand(), entry.getOutput(), true)).toList();
        Runnable unsubscribe = events.subscribe(lecture.machineId(), MachineEvents.onChange(changes, retired -> { }));
        announce(lecture, lecture.followers().incrementAndGet());
        return new Following(lecture.machineId(), lecture.instructor(), history, snapshot, () -> {
            unsubscribe.run();
            announce(lecture, lecture.followers().decrementAndGet());
        });
    }

    /** The lecture machine's state now, for a follower's page after a change. */
    public String snapshot(String caller, long classroomId) {
        Lecture lecture = lecture(caller, classroomId);
        return work.call(MachineWorkExecutor.observerLane(caller),
                () -> live.with(lecture.machineId(), ReplayProgress.NONE, machine -> machine.machine.snapshotJson()));
    }

    /** The lecture's current moment as a new sandbox machine of the caller's (which becomes their sandbox); returns its id. */
    public long forkCurrent(String caller, long classroomId) {
        Lecture lecture = lecture(caller, classroomId);
        Account follower = access.caller(caller);
        MachineRecord source = machines.findById(lecture.machineId()).orElseThrow(() -> new MachineNotFoundException(lecture.machineId()));
        List<CommandLogEntry> log = commandLog.findByMachineIdOrderBySeq(source.getId());
        return work.call(MachineWorkExecutor.studentLane(caller), () -> {
            long forked = transactions.execute(status -> {
                MachineRecord fork = ownership.createCopyOf(source, follower.getId(), MachineRecord.SANDBOX);
                for (CommandLogEntry e : log) {
                    commandLog.save(new CommandLogEntry(fork.getId(), e.getSeq(), e.getCommand(), e.getOutput(), e.getKernelVersion(),
                            e.getAcceptedAt()));
                }
                return fork.getId();
            });
            commands.submit(forked, caller, FORK, null);
            forks.save(new MachineFork(forked, source.getId(), log.size(), null, follower.getId(), MachineFork.Kind.LECTURE, clock.instant()));
            return forked;
        });
    }

    private Lecture lecture(String caller, long classroomId) {
        mayFollow(caller, classroomId);
        return Optional.ofNullable(running.get(classroomId))
                .orElseThrow(() -> new IllegalStateException("No lecture is running for this class right now; wait for your instructor to start it."));
    }

    /**
     * Enrolled students and the class's teachers may follow; for anyone else the class does not exist.
     *
     * @throws ClassroomNotFoundException for a class the caller neither teaches nor is enrolled in, or no class at all
     */
    public void mayFollow(String caller, long classroomId) {
        Account account = access.caller(caller);
        Classroom classroom = classrooms.findById(classroomId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
        boolean enrolled = enrollments.existsByClassroomIdAndStudentId(classroom.getId(), account.getId());
        if (!enrolled && access.taughtClass(caller, classroomId).isEmpty()) {
            throw new ClassroomNotFoundException(classroomId);
        }
        if (classroom.isArchived()) {
            throw new AccessRefusedException("This class is archived: it has no lectures any more.");
        }
    }

    private static void announce(Lecture lecture, int followers) {
        lecture.hosts().forEach(host -> host.accept(followers));
    }
}
