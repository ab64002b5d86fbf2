package com.ntprocesslab.store.machine;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A student's machine: who owns it, what it is for, and which boot profile it started from. */
@Entity
@Table(name = "machine")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MachineRecord extends GeneratedIdEntity {

    /** The purpose of a student's free machine (labs use their lab id). */
    public static final String SANDBOX = "sandbox";

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(nullable = false, length = 16)
    private String profile;

    @Column(nullable = false, length = 64)
    private String purpose;

    @Column(name = "kernel_version", nullable = false, length = 32)
    private String kernelVersion;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The seed the machine boots with on every replay; null (machines from before seeds, sandboxes): the kernel's default seed. */
    @Column(name = "boot_seed")
    private Long bootSeed;

    public MachineRecord(Long ownerId, String profile, String purpose, String kernelVersion, Instant createdAt) {
        this(ownerId, profile, purpose, kernelVersion, createdAt, null);
    }

    public MachineRecord(Long ownerId, String profile, String purpose, String kernelVersion, Instant createdAt, Long bootSeed) {
        this.bootSeed = bootSeed;
        this.ownerId = ownerId;
        this.profile = profile;
        this.purpose = purpose;
        this.kernelVersion = kernelVersion;
        this.active = true;
        this.createdAt = createdAt;
    }

    /** Retires the machine (a reset): it and its log stay for the instructor, the student gets a new one. */
    public void retire() {
        this.active = false;
    }
}
