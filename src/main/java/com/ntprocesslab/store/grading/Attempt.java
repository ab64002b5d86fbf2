package com.ntprocesslab.store.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/**
 * One grading of one checkpoint: a student pressing Check, or an instructor re-grading the
 * class. Feedback is kept in both languages, so either can be shown later. Never updated.
 */
@Entity
@Table(name = "attempt")
public class Attempt {

    /** Who asked for the grade. */
    public enum Kind { CHECK, REGRADE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(name = "lab_id", nullable = false, length = 64)
    private String labId;

    @Column(name = "checkpoint_id", nullable = false, length = 64)
    private String checkpointId;

    @Column(nullable = false)
    private boolean passed;

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "feedback_en", nullable = false)
    private String feedbackEn;

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "feedback_zh", nullable = false)
    private String feedbackZh;

    @Column(name = "log_position", nullable = false)
    private long logPosition;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected Attempt() {
    }

    public Attempt(Long studentId, Long machineId, String labId, String checkpointId, boolean passed, String feedbackEn,
                   String feedbackZh, long logPosition, Kind kind, Instant checkedAt) {
        this.studentId = studentId;
        this.machineId = machineId;
        this.labId = labId;
        this.checkpointId = checkpointId;
        this.passed = passed;
        this.feedbackEn = feedbackEn;
        this.feedbackZh = feedbackZh;
        this.logPosition = logPosition;
        this.kind = kind;
        this.checkedAt = checkedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getMachineId() {
        return machineId;
    }

    public String getLabId() {
        return labId;
    }

    public String getCheckpointId() {
        return checkpointId;
    }

    public boolean isPassed() {
        return passed;
    }

    public String getFeedbackEn() {
        return feedbackEn;
    }

    public String getFeedbackZh() {
        return feedbackZh;
    }

    public long getLogPosition() {
        return logPosition;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
