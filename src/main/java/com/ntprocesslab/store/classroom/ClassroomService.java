package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classes, their join codes and rosters. An instructor only ever sees their own classes. */
@Service
public class ClassroomService {

    /** No 0/O or 1/I/L: a code read aloud in a classroom must survive being typed. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;

    private final ClassroomRepository classrooms;
    private final EnrollmentRepository enrollments;
    private final AccountRepository accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ClassroomService(ClassroomRepository classrooms, EnrollmentRepository enrollments, AccountRepository accounts, Clock clock) {
        this.classrooms = classrooms;
        this.enrollments = enrollments;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Classroom create(String instructorUsername, String name) {
        Account instructor = instructor(instructorUsername);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new IllegalArgumentException("A class needs a name of 1 to 100 characters.");
        }
        return classrooms.save(new Classroom(trimmed, instructor.getId(), freshCode(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Classroom> classesOf(String instructorUsername) {
        return classrooms.findByInstructorIdOrderByCreatedAtDesc(instructor(instructorUsername).getId());
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
        Classroom classroom = owned(instructorUsername, classroomId);
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

    @Transactional(readOnly = true)
    public Classroom owned(String instructorUsername, long classroomId) {
        Account instructor = instructor(instructorUsername);
        return classrooms.findById(classroomId)
                .filter(classroom -> classroom.getInstructorId().equals(instructor.getId()))
                .orElseThrow(() -> new ClassroomNotFoundException(classroomId));
    }

    private Account instructor(String username) {
        return accounts.findByUsername(username)
                .filter(account -> account.getRole() == Role.INSTRUCTOR)
                .orElseThrow(() -> new IllegalArgumentException("Only an instructor has classes."));
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
