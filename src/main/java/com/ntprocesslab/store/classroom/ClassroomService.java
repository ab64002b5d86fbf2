package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.access.AccessPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classes, their join codes, rosters and teachers. An instructor only ever sees the classes
 * they teach ({@link AccessPolicy}); any other class is not found.
 */
@Service
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

    ClassroomService(ClassroomRepository classrooms, EnrollmentRepository enrollments, AccountRepository accounts,
                     ClassTeacherRepository teachers, AccessPolicy access, Clock clock) {
        this.classrooms = classrooms;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.teachers = teachers;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Classroom create(String instructorUsername, String name) {
        Account instructor = access.requireInstructor(instructorUsername);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("A class needs a name of 1 to 100 characters.");
        }
        return classrooms.save(new Classroom(trimmed, instructor.getId(), freshCode(), clock.instant()));
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

    /** The class with this code, if the code is valid (case and surrounding spaces are forgiven). */
    @Transactional(readOnly = true)
    public Optional<Classroom> byJoinCode(String joinCode) {
        return joinCode == null ? Optional.empty() : classrooms.findByJoinCode(joinCode.strip().toUpperCase(Locale.ROOT));
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
