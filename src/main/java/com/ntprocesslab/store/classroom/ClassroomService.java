package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.access.AccessRefusedException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Classes, their join codes, rosters and teachers. An instructor only ever sees the classes
 * they teach ({@link AccessPolicy}); any other class is not found.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClassroomService {

    /** No 0/O or 1/I/L: a code read aloud in a classroom must survive being typed. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final AccountRepository accounts;
    private final ClassTeacherRepository teachers;
    private final AccessPolicy access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Transactional
    public Classroom create(String instructorUsername, String name) {
        Account instructor = access.requireInstructor(instructorUsername);
        String trimmed = validName(instructor.getId(), name, null);
        return classrooms.save(new Classroom(trimmed, instructor.getId(), freshCode(), clock.instant()));
    }

    /** Renames a class the caller teaches; the name stays unique among its creator's classes. */
    @Transactional
    public Classroom rename(String instructorUsername, long classroomId, String name) {
        Classroom classroom = taught(instructorUsername, classroomId);
        classroom.rename(validName(classroom.getInstructorId(), name, classroom.getId()));
        return classrooms.save(classroom);
    }

    /**
     * Archives a class the caller teaches: it leaves the active lists and its join code stops
     * admitting students; its roster, machines, logs and results all stay (restore brings it back).
     */
    @Transactional
    public Classroom archive(String instructorUsername, long classroomId) {
        Classroom classroom = taught(instructorUsername, classroomId);
        classroom.archive(clock.instant());
        return classrooms.save(classroom);
    }

    @Transactional
    public Classroom restore(String instructorUsername, long classroomId) {
        Classroom classroom = taught(instructorUsername, classroomId);
        classroom.restore();
        return classrooms.save(classroom);
    }

    /**
     * Deletes a class: only the instructor who created it may. The roster and the co-instructors
     * go with it; the students keep their accounts, machines, logs and results.
     */
    @Transactional
    public void delete(String instructorUsername, long classroomId) {
        Classroom classroom = taught(instructorUsername, classroomId);
        if (!classroom.getInstructorId().equals(access.caller(instructorUsername).getId())) {
            throw new AccessRefusedException("Only the instructor who created " + classroom.getName() + " may delete it; archive it instead.");
        }
        enrollments.deleteAll(enrollments.findByClassroomIdOrderByJoinedAt(classroom.getId()));
        teachers.deleteAll(teachers.findByClassroomIdOrderById(classroom.getId()));
        classrooms.delete(classroom);
    }

    /** The name stripped, when it fits and no other class of the same creator has it (compared ignoring case). */
    private String validName(long creatorId, String name, Long renamed) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("A class needs a name of 1 to 100 characters.");
        }
        boolean taken = classrooms.findByInstructorIdOrderByCreatedAtDesc(creatorId).stream()
                .anyMatch(other -> !other.getId().equals(renamed) && other.getName().equalsIgnoreCase(trimmed));
        if (taken) {
            throw new IllegalArgumentException("You already have a class named '" + trimmed
                    + "' (archived classes count too); choose another name, for example with the term or year.");
        }
        return trimmed;
    }

    /** The classes the instructor teaches, created or co-instructed, newest first. */
    @Transactional(readOnly = true)
    public List<Classroom> classesOf(String instructorUsername) {
        return access.classesTaughtBy(access.requireInstructor(instructorUsername).getUsername());
    }

    /**
     * Lets another instructor teach the class too: they see its roster and grid and re-grade
     * it. Only a teacher of the class may invite, and only an instructor account be invited.
     */
    @Transactional
    public void invite(String instructorUsername, long classroomId, String coInstructorName) {
        Classroom classroom = taught(instructorUsername, classroomId);
        Account inviter = access.caller(instructorUsername);
        Account invited = accounts.findByUsername(coInstructorName).filter(Account::isInstructor)
                .orElseThrow(() -> new IllegalArgumentException("No instructor account is named '"
                        + (coInstructorName == null ? "" : coInstructorName.strip()) + "'; an administrator creates instructor accounts."));
        if (classroom.getInstructorId().equals(invited.getId())
                || teachers.existsByClassroomIdAndInstructorId(classroom.getId(), invited.getId())) {
            throw new IllegalArgumentException(invited.getUsername() + " already teaches " + classroom.getName() + ".");
        }
        teachers.save(new ClassTeacher(classroom.getId(), invited.getId(), inviter.getId(), clock.instant()));
    }

    /** Who teaches the class: its creator first, then the co-instructors in the order they were invited. */
    @Transactional(readOnly = true)
    public List<String> teachersOf(String instructorUsername, long classroomId) {
        Classroom classroom = taught(instructorUsername, classroomId);
        return Stream.concat(Stream.of(classroom.getInstructorId()),
                        teachers.findByClassroomIdOrderById(classroom.getId()).stream().map(ClassTeacher::getInstructorId))
                .map(id -> accounts.findById(id).map(Account::getUsername).orElse("?"))
                .toList();
    }

    /** The class with this code, if the code is valid and the class not archived (case and surrounding spaces are forgiven). */
    @Transactional(readOnly = true)
    public Optional<Classroom> byJoinCode(String joinCode) {
        return joinCode == null ? Optional.empty()
                : classrooms.findByJoinCode(joinCode.strip().toUpperCase(Locale.ROOT)).filter(classroom -> !classroom.isArchived());
    }

    @Transactional
    public void enroll(Classroom classroom, Account student) {
        if (!enrollments.existsByClassroomIdAndStudentId(classroom.getId(), student.getId())) {
            enrollments.save(new Enrollment(classroom.getId(), student.getId(), clock.instant()));
        }
    }

    /** The roster of one of the instructor's classes; another instructor's class is not found. */
    @Transactional(readOnly = true)
    public List<RosterEntry> roster(String instructorUsername, long classroomId) {
        Classroom classroom = taught(instructorUsername, classroomId);
        return enrollments.findByClassroomIdOrderByJoinedAt(classroom.getId()).stream()
                .map(enrollment -> new RosterEntry(enrollment.getStudentId(),
                        accounts.findById(enrollment.getStudentId()).map(Account::getUsername).orElse("?"),
                        enrollment.getJoinedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    public long size(Classroom classroom) {
        return enrollments.countByClassroomId(classroom.getId());
    }

    /** A class the instructor teaches; another instructor's class is not found. */
    @Transactional(readOnly = true)
    public Classroom taught(String instructorUsername, long classroomId) {
        return access.taughtClass(instructorUsername, classroomId).orElseThrow(() -> new ClassroomNotFoundException(classroomId));
    }

    private String freshCode() {
        String code;
        do {
            StringBuilder builder = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                builder.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            code = builder.toString();
        } while (classrooms.existsByJoinCode(code));
        return code;
    }
}
