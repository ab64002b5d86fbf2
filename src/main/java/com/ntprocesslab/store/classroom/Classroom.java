package com.ntprocesslab.store.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** An instructor's class. Students join it by typing its join code at sign-up. */
@Entity
public class Classroom {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "instructor_id", nullable = false)
    private Long instructorId;

    @Column(name = "join_code", nullable = false, unique = true, length = 16)
    private String joinCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "feedback_released", nullable = false)
    private boolean feedbackReleased = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "solution_release", nullable = false, length = 16)
    private SolutionRelease solutionRelease = SolutionRelease.LAB_RULE;

    protected Classroom() {
    }

    Classroom(String name, Long instructorId, String joinCode, Instant createdAt) {
        this.name = name;
        this.instructorId = instructorId;
        this.joinCode = joinCode;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getInstructorId() {
        return instructorId;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isArchived() {
        return archivedAt != null;
    }

    /** Whether the class's students see the feedback and hints of their checks. */
    public boolean isFeedbackReleased() {
        return feedbackReleased;
    }

    public SolutionRelease getSolutionRelease() {
        return solutionRelease;
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
