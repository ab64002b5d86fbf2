package com.ntprocesslab.store.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A co-instructor of a class: invited by one of its teachers, sees and grades it like them. */
@Entity
@Table(name = "class_teacher")
public class ClassTeacher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "invited_by", nullable = false)
    private Long invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    protected ClassTeacher() {
    }

    ClassTeacher(Long classroomId, Long instructorId, Long invitedBy, Instant invitedAt) {
        this.classroomId = classroomId;
        this.instructorId = instructorId;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }

    public Long getClassroomId() {
        return classroomId;
    }

    public Long getInstructorId() {
        return instructorId;
    }
}
