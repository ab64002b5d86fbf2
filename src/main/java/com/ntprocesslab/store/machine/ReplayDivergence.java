package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/** A logged command whose replayed answer differs from the answer recorded when it was accepted. */
@Entity
@Table(name = "replay_divergence")
public class ReplayDivergence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(nullable = false)
    private long seq;

    @Column(nullable = false, length = 4000)
    private String command;

    @Column(name = "recorded_version", nullable = false, length = 32)
    private String recordedVersion;

    @Column(name = "replay_version", nullable = false, length = 32)
    private String replayVersion;

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "recorded_output", nullable = false)
    private String recordedOutput;

    // CLOB on H2, text on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    @Column(name = "replayed_output", nullable = false)
    private String replayedOutput;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    protected ReplayDivergence() {
    }

    public ReplayDivergence(CommandLogEntry entry, String replayVersion, String replayedOutput, Instant detectedAt) {
        this.machineId = entry.getMachineId();
        this.seq = entry.getSeq();
        this.command = entry.getCommand();
        this.recordedVersion = entry.getKernelVersion();
        this.replayVersion = replayVersion;
        this.recordedOutput = entry.getOutput();
        this.replayedOutput = replayedOutput;
        this.detectedAt = detectedAt;
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

    public String getRecordedVersion() {
        return recordedVersion;
    }

    public String getReplayVersion() {
        return replayVersion;
    }

    public String getRecordedOutput() {
        return recordedOutput;
    }

    public String getReplayedOutput() {
        return replayedOutput;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }
}
