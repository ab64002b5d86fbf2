package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** One accepted command of a machine, with the answer the student saw and the kernel that gave it. */
@Entity
@Table(name = "command_log", uniqueConstraints = @UniqueConstraint(columnNames = {"machine_id", "seq"}))
public class CommandLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 4000)
    private String command;

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(nullable = false)
    private String output;

    @Column(name = "kernel_version", nullable = false, length = 32)
    private String kernelVersion;

    @Column(name = "accepted_at", nullable = false)
    private Instant acceptedAt;

    protected CommandLogEntry() {
    }

    public CommandLogEntry(Long machineId, long seq, String command, String output, String kernelVersion, Instant acceptedAt) {
        this.machineId = machineId;
        this.seq = seq;
        this.command = command;
        this.output = output;
        this.kernelVersion = kernelVersion;
        this.acceptedAt = acceptedAt;
    }

    public Long getMachineId() {
        return machineId;
    }

    public long getSeq() {
        return seq;
    }

    public String getCommand() {
        return command;
    }

    public String getOutput() {
        return output;
    }

    public String getKernelVersion() {
        return kernelVersion;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
