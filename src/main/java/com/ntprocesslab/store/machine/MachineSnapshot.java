package com.ntprocesslab.store.machine;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** The serialized machine after command {@code seq}, with a checksum to detect corruption. */
@Entity
@Table(name = "machine_snapshot")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class MachineSnapshot extends GeneratedIdEntity {

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
}
