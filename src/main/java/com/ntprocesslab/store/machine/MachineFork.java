package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A machine made from a moment of another: who made it, from which machine, after which command (and at which step). */
@Entity
@Table(name = "machine_fork")
public class MachineFork {

    /**
     * For whom the fork was made: an instructor's sandbox, a copy handed to the student, a
     * student following a lecture, or a student's own {@code .fork} of their machine.
     */
    public enum Kind { SANDBOX, STUDENT, LECTURE, SELF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "fork_machine_id", nullable = false)
    private Long forkMachineId;

    @Column(name = "source_machine_id", nullable = false)
    private Long sourceMachineId;

    @Column(name = "source_command", nullable = false)
    private int sourceCommand;

    @Column(name = "source_position")
    private Long sourcePosition;

    @Column(name = "forked_by", nullable = false)
    private Long forkedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "forked_at", nullable = false)
    private Instant forkedAt;

    protected MachineFork() {
    }

    public MachineFork(Long forkMachineId, Long sourceMachineId, int sourceCommand, Long sourcePosition, Long forkedBy, Kind kind,
                       Instant forkedAt) {
        this.forkMachineId = forkMachineId;
        this.sourceMachineId = sourceMachineId;
        this.sourceCommand = sourceCommand;
        this.sourcePosition = sourcePosition;
        this.forkedBy = forkedBy;
        this.kind = kind;
        this.forkedAt = forkedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getForkMachineId() {
        return forkMachineId;
    }

    public Long getSourceMachineId() {
        return sourceMachineId;
    }

    public int getSourceCommand() {
        return sourceCommand;
    }

    /** The step the fork travelled to after the command, when it was made from a step position. */
    public Long getSourcePosition() {
        return sourcePosition;
    }

    public Long getForkedBy() {
        return forkedBy;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getForkedAt() {
        return forkedAt;
    }
}
