package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A logged command whose replayed answer differs from the answer recorded when it was accepted. */
@Entity
@Table(name = "replay_divergence")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReplayDivergence extends LoggedCommand {

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

    public ReplayDivergence(CommandLogEntry entry, String replayVersion, String replayedOutput, Instant detectedAt) {
        super(entry.getMachineId(), entry.getSeq(), entry.getCommand());
        this.recordedVersion = entry.getKernelVersion();
        this.replayVersion = replayVersion;
        this.recordedOutput = entry.getOutput();
        this.replayedOutput = replayedOutput;
        this.detectedAt = detectedAt;
    }
}
