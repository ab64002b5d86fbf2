package com.ntprocesslab.store.account;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Account extends GeneratedIdEntity {

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    /** The name as compared: lower case, unique, so 'ALICE' and 'alice' are one account. */
    @Getter(AccessLevel.NONE)
    @Column(name = "username_key", nullable = false, unique = true, length = 64)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** A language tag the UI is translated into, e.g. {@code en} or {@code zh-CN}. */
    @Column(nullable = false, length = 8)
    private String language = "en";

    /** May create instructor accounts; the first-start account is one (and is an instructor too). */
    @Column(nullable = false)
    private boolean admin;

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

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    void makeAdmin() {
        this.admin = true;
    }

    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}
