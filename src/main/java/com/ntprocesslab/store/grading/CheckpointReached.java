package com.ntprocesslab.store.grading;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A student's best result at one checkpoint: the machine, log position and command where it
 * was first reached, and when that command was accepted. One row per student, lab and
 * checkpoint; never updated nor removed, so what was reached stays reached.
 */
@Entity
@Table(name = "checkpoint_reached")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class CheckpointReached extends GeneratedIdEntity {

    @Column(name = "student_id", nullable = false)
    private Long studentId;

    @Column(name = "lab_id", nullable = false, length = 64)
    private String labId;

    @Column(name = "checkpoint_id", nullable = false, length = 64)
    private String checkpointId;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(name = "log_position", nullable = false)
    private long logPosition;

    @Column(nullable = false, length = 4000)
    private String command;

    @Getter(AccessLevel.NONE)
    @Column(name = "reached_at")
    private Instant reachedAt;

    public Optional<Instant> getReachedAt() {
        return Optional.ofNullable(reachedAt);
    }
}
