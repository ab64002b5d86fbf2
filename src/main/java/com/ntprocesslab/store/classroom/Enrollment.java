package com.ntprocesslab.store.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A student in a class. */
@Entity
public class Enrollment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    protected Enrollment() {
    }

    Enrollment(Long classroomId, Long studentId, Instant joinedAt) {
        this.classroomId = classroomId;
        this.studentId = studentId;
        this.joinedAt = joinedAt;
    }

    public Long getClassroomId() {
        return classroomId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
