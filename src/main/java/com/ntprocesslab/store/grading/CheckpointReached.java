package com.ntprocesslab.store.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A student's best result at one checkpoint: the machine, log position and command where it
 * was first reached, and when that command was accepted. One row per student, lab and
 * checkpoint; never updated nor removed, so what was reached stays reached.
 */
@Entity
@Table(name = "checkpoint_reached")
public class CheckpointReached {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    @Column(name = "reached_at")
    private Instant reachedAt;

    protected CheckpointReached() {
    }

    public CheckpointReached(Long studentId, String labId, String checkpointId, Long machineId, long logPosition, String command,
                             Instant reachedAt) {
        this.studentId = studentId;
        this.labId = labId;
        this.checkpointId = checkpointId;
        this.machineId = machineId;
        this.logPosition = logPosition;
        this.command = command;
        this.reachedAt = reachedAt;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getLabId() {
        return labId;
    }

    public String getCheckpointId() {
        return checkpointId;
    }

    public Long getMachineId() {
        return machineId;
    }

    public long getLogPosition() {
        return logPosition;
    }

    public String getCommand() {
        return command;
    }

    public Optional<Instant> getReachedAt() {
        return Optional.ofNullable(reachedAt);
    }
}
