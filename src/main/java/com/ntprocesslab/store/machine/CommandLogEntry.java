package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One accepted command of a machine, with the answer the student saw and the kernel that gave it. */
@Entity
@Table(name = "command_log", uniqueConstraints = @UniqueConstraint(columnNames = {"machine_id", "seq"}))
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CommandLogEntry extends LoggedCommand {

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String output;

    @Column(name = "kernel_version", nullable = false, length = 32)
    private String kernelVersion;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    public CommandLogEntry(Long machineId, long seq, String command, String output, String kernelVersion, Instant acceptedAt) {
        super(machineId, seq, command);
        this.output = output;
        this.kernelVersion = kernelVersion;
        this.acceptedAt = acceptedAt;
    }
}
