package com.ntprocesslab.store.machine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A student's machine: who owns it, what it is for, and which boot profile it started from. */
@Entity
@Table(name = "machine")
public class MachineRecord {

    /** The purpose of a student's free machine (labs use their lab id). */
    public static final String SANDBOX = "sandbox";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    /** Null for machines from before seeds, and for sandboxes: they boot with the default seed. */
    @Column(name = "boot_seed")
    private Long bootSeed;

    protected MachineRecord() {
    }

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

    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getProfile() {
        return profile;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getKernelVersion() {
        return kernelVersion;
    }

    public boolean isActive() {
        return active;
    }

    /** Retires the machine (a reset): it and its log stay for the instructor, the student gets a new one. */
    public void retire() {
        this.active = false;
    }

    /** The seed the machine boots with on every replay; null: the kernel's default seed. */
    public Long getBootSeed() {
        return bootSeed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
