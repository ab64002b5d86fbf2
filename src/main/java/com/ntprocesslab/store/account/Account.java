package com.ntprocesslab.store.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Locale;

@Entity
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    /** The name as compared: lower case, unique, so 'ALICE' and 'alice' are one account. */
    @Column(name = "username_key", nullable = false, unique = true, length = 64)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 8)
    private String language = "en";

    /** May create instructor accounts; the first-start account is one (and is an instructor too). */
    @Column(nullable = false)
    private boolean admin;

    protected Account() {
    }

    public Account(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    /** The form a user name is compared in. User names are ASCII, so Locale.ROOT lower case is exact. */
    public static String keyOf(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** A language tag the UI is translated into, e.g. {@code en} or {@code zh-CN}. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isAdmin() {
        return admin;
    }

    void makeAdmin() {
        this.admin = true;
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}
