package com.ntprocesslab.store.token;

import com.ntprocesslab.store.GeneratedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A personal access token of one account for the HTTP API. Only the SHA-256 of the token is
 * kept; {@code hint} is its first characters, so the owner can tell their tokens apart.
 */
@Entity
@Table(name = "access_token")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AccessToken extends GeneratedIdEntity {

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 64)
    private String name;

    @Getter(AccessLevel.NONE)
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_hint", nullable = false, length = 16)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Getter(AccessLevel.NONE)
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Getter(AccessLevel.NONE)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    AccessToken(Long accountId, String name, String tokenHash, String hint, Instant createdAt) {
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.hint = hint;
        this.createdAt = createdAt;
    }

    public Optional<Instant> getLastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void usedAt(Instant when) {
        this.lastUsedAt = when;
    }

    void revokeAt(Instant when) {
        this.revokedAt = when;
    }
}
