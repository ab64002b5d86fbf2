package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A co-instructor of a class: invited by one of its teachers, sees and grades it like them. */
@Entity
@Table(name = "class_teacher")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor(access = AccessLevel.PACKAGE)
public class ClassTeacher extends GeneratedIdEntity {

    @Column(name = "classroom_id", nullable = false)
    private Long classroomId;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "invited_by", nullable = false)
    private Long invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;
}
