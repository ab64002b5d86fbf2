package com.ntprocesslab.store.access;

import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.classroom.ClassTeacher;
import com.ntprocesslab.store.classroom.ClassTeacherRepository;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomRepository;
import com.ntprocesslab.store.classroom.Enrollment;
import com.ntprocesslab.store.classroom.EnrollmentRepository;
import com.ntprocesslab.store.machine.MachineRecord;
import com.ntprocesslab.store.machine.MachineRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Who may read or change what; every service entry that touches a machine, attempt, grade,
 * class, replay report entry or lab action asks here, whatever the page showed or hid.
 * <ul>
 * <li>Everyone reaches their own machines and attempts, nobody else's machine to change.</li>
 * <li>An instructor also reads the machines, attempts and grades of the students of the
 * classes they teach (created or co-instructed), and re-grades only those.</li>
 * <li>An administrator creates instructor accounts. Being one shows no class one does not teach.</li>
 * </ul>
 * What the caller may not see is "not found", so a forged id tells nothing about what exists.
 */
@Component
@Transactional(readOnly = true)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessPolicy {

    private final AccountRepository accounts;
    private final ClassroomRepository classrooms;
    private final ClassTeacherRepository teachers;
    private final EnrollmentRepository enrollments;
    private final MachineRepository machines;

    /** The signed-in caller's account; no account (or none signed in) is refused. */
    public Account caller(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new AccessRefusedException("Sign in first: this needs an account."));
    }

    public Account requireInstructor(String username) {
        Account caller = caller(username);
        if (!caller.isInstructor()) {
            throw new AccessRefusedException("Only an instructor may do this.");
        }
        return caller;
    }

    public Account requireAdmin(String username) {
        Account caller = caller(username);
        if (!caller.isAdmin()) {
            throw new AccessRefusedException("Only an administrator may do this.");
        }
        return caller;
    }

    /** The caller's own machine (to use, change or reset); anyone else's is not found. */
    public Optional<MachineRecord> ownMachine(String username, long machineId) {
        Account caller = caller(username);
        return machines.findById(machineId).filter(machine -> machine.getOwnerId().equals(caller.getId()));
    }

    /** A machine the caller may read: their own, or one of a student they teach. */
    public Optional<MachineRecord> readableMachine(String username, long machineId) {
        Account caller = caller(username);
        return machines.findById(machineId).filter(machine -> machine.getOwnerId().equals(caller.getId())
                || studentsTaughtBy(caller).contains(machine.getOwnerId()));
    }

    /** A class the caller teaches; any other id is not found. */
    public Optional<Classroom> taughtClass(String username, long classroomId) {
        Account caller = caller(username);
        return classrooms.findById(classroomId).filter(classroom -> teaches(caller, classroom));
    }

    /** The classes the caller teaches, created or co-instructed, newest first (none for a student). */
    public List<Classroom> classesTaughtBy(String username) {
        return classesTaughtBy(caller(username));
    }

    /** The account ids of every student in a class the caller teaches (empty for a student). */
    public Set<Long> studentsTaughtBy(String username) {
        return studentsTaughtBy(caller(username));
    }

    /** The account ids whose work the caller may read: their own and their students'. */
    public Set<Long> readableOwners(String username) {
        Account caller = caller(username);
        Set<Long> owners = new HashSet<>(studentsTaughtBy(caller));
        owners.add(caller.getId());
        return Set.copyOf(owners);
    }

    private boolean teaches(Account caller, Classroom classroom) {
        return caller.isInstructor() && (classroom.getInstructorId().equals(caller.getId())
                || teachers.existsByClassroomIdAndInstructorId(classroom.getId(), caller.getId()));
    }

    private List<Classroom> classesTaughtBy(Account caller) {
        if (!caller.isInstructor()) {
            return List.of();
        }
        Set<Long> ids = teachers.findByInstructorId(caller.getId()).stream()
                .map(ClassTeacher::getClassroomId).collect(Collectors.toCollection(HashSet::new));
        classrooms.findByInstructorIdOrderByCreatedAtDesc(caller.getId()).forEach(classroom -> ids.add(classroom.getId()));
        return classrooms.findByIdInOrderByCreatedAtDesc(ids);
    }

    private Set<Long> studentsTaughtBy(Account caller) {
        List<Long> classIds = classesTaughtBy(caller).stream().map(Classroom::getId).toList();
        if (classIds.isEmpty()) {
            return Set.of();
        }
        return enrollments.findByClassroomIdIn(classIds).stream().map(Enrollment::getStudentId).collect(Collectors.toUnmodifiableSet());
    }
}
