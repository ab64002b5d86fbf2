package com.ntprocesslab.store.grading;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One grading of one checkpoint: a student pressing Check, or an instructor re-grading the
 * class. Feedback is kept in both languages, so either can be shown later. Never updated.
 */
@Entity
@Table(name = "attempt")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class Attempt extends GeneratedIdEntity {

    /** Who asked for the grade. */
    public enum Kind { CHECK, REGRADE }

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
}
