package com.ntprocesslab.store.machine;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A command of a machine at its place in the machine's log: the columns the command log and a
 * replay divergence both key a command by, so that a divergence names the entry it replayed.
 */
@MappedSuperclass
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class LoggedCommand extends GeneratedIdEntity {

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 4000)
    private String command;

    protected LoggedCommand(Long machineId, long seq, String command) {
        this.machineId = machineId;
        this.seq = seq;
        this.command = command;
    }
}
