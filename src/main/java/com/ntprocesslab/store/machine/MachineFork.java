package com.ntprocesslab.store.machine;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A machine made from a moment of another: who made it, from which machine, after which command (and at which step). */
@Entity
@Table(name = "machine_fork")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class MachineFork extends GeneratedIdEntity {

    /** For whom the fork was made. */
    public enum Kind { SANDBOX, STUDENT, LECTURE }

    @Column(name = "fork_machine_id", nullable = false)
    private Long forkMachineId;

    @Column(name = "source_machine_id", nullable = false)
    private Long sourceMachineId;

    @Column(name = "source_command", nullable = false)
    private int sourceCommand;

    /** The step the fork travelled to after the command, when it was made from a step position. */
    @Column(name = "source_position")
    private Long sourcePosition;

    @Column(name = "forked_by", nullable = false)
    private Long forkedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "forked_at", nullable = false)
    private Instant forkedAt;
}
