package com.ntprocesslab.store.classroom;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An instructor's class. Students join it by typing its join code at sign-up. */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Classroom extends GeneratedIdEntity {

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Getter(AccessLevel.NONE)
    @Column(name = "archived_at")
    private Instant archivedAt;

    /** Whether the class's students see the feedback and hints of their checks. */
    @Column(name = "feedback_released", nullable = false)
    private boolean feedbackReleased = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "solution_release", nullable = false, length = 16)
    private SolutionRelease solutionRelease = SolutionRelease.LAB_RULE;

    Classroom(String name, Long instructorId, String joinCode, Instant createdAt) {
        this.name = name;
        this.instructorId = instructorId;
        this.joinCode = joinCode;
        this.createdAt = createdAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    void releaseFeedback(boolean released) {
        this.feedbackReleased = released;
    }

    void releaseSolution(SolutionRelease release) {
        this.solutionRelease = release;
    }

    void rename(String name) {
        this.name = name;
    }

    void archive(Instant when) {
        this.archivedAt = when;
    }

    void restore() {
        this.archivedAt = null;
    }
}
