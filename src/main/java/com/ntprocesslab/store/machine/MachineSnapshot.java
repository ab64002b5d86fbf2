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

/** The serialized machine after command {@code seq}, with a checksum to detect corruption. */
@Entity
@Table(name = "machine_snapshot")
public class MachineSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "machine_id", nullable = false)
    private Long machineId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "kernel_version", nullable = false, length = 32)
    private String kernelVersion;

    // BLOB on H2, bytea on PostgreSQL (a JPA @Lob would be an oid there)
    @JdbcTypeCode(SqlTypes.LONG32VARBINARY)
    @Column(nullable = false)
    private byte[] data;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MachineSnapshot() {
    }

    public MachineSnapshot(Long machineId, long seq, String kernelVersion, byte[] data, String sha256, Instant createdAt) {
        this.machineId = machineId;
        this.seq = seq;
        this.kernelVersion = kernelVersion;
        this.data = data;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getMachineId() {
        return machineId;
    }

    public long getSeq() {
        return seq;
    }

    public String getKernelVersion() {
        return kernelVersion;
    }

    public byte[] getData() {
        return data;
    }

    public String getSha256() {
        return sha256;
    }
}
