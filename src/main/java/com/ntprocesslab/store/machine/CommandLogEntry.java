package com.ntprocesslab.store.machine;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.AllArgsConstructor;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** One accepted command of a machine, with the answer the student saw and the kernel that gave it. */
@Entity
@Table(name = "command_log", uniqueConstraints = @UniqueConstraint(columnNames = {"machine_id", "seq"}))
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
@AllArgsConstructor
public class CommandLogEntry extends GeneratedIdEntity {

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
}
