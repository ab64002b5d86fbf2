package com.ntprocesslab.store.token;

import com.ntprocesslab.store.InputRejectedException;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.account.Account;
import com.ntprocesslab.store.account.AccountRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Personal access tokens for the HTTP API: every user creates, lists and revokes their own
 * (anyone else's token id is not found). A token is 256 random bits; only its SHA-256 is
 * stored, which is enough for a secret that cannot be guessed (no salt or slow hash needed,
 * unlike a password), and lets a request find its token with one indexed look-up.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccessTokens {

    /** Marks our tokens, so a leaked one is recognizable (and secret scanners can match it). */
    static final String PREFIX = "ntlab_";
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_ACTIVE_PER_ACCOUNT = 20;
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 4;
    /** Longer than any token we make: a longer one is refused before it is hashed. */
    private static final int MAX_PRESENTED_LENGTH = 128;
    /** Last use is kept to the minute, so a burst of API calls writes the row once, not on every call. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final AccountRepository accounts;
    private final AccessPolicy access;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * A new token of the caller's, named so they can tell it from their others.
     *
     * @throws InputRejectedException for a missing or too long name, or too many tokens
     */
    @Transactional
    public CreatedAccessToken create(String username, String name) {
        Account caller = access.caller(username);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InputRejectedException("tokens.rejected.name",
                    "A token needs a name of 1 to {0} characters: say where you use it, e.g. grading script.", MAX_NAME_LENGTH);
        }
        if (tokens.findByAccountIdAndRevokedAtIsNullOrderByIdDesc(caller.getId()).size() >= MAX_ACTIVE_PER_ACCOUNT) {
            throw new InputRejectedException("tokens.rejected.many",
                    "You have {0} tokens already; revoke one you no longer use first.", MAX_ACTIVE_PER_ACCOUNT);
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        AccessToken token = tokens.save(new AccessToken(caller.getId(), trimmed, sha256(secret),
                secret.substring(0, HINT_LENGTH), clock.instant()));
        return new CreatedAccessToken(token, secret);
    }

    /** The caller's tokens that still work, newest first. */
    @Transactional(readOnly = true)
    public List<AccessToken> activeTokens(String username) {
        return tokens.findByAccountIdAndRevokedAtIsNullOrderByIdDesc(access.caller(username).getId());
    }

    /**
     * The token stops working at once; its row stays, marked revoked.
     *
     * @throws AccessTokenNotFoundException for a token that is not the caller's, or already revoked
     */
    @Transactional
    public void revoke(String username, long tokenId) {
        Account caller = access.caller(username);
        AccessToken token = tokens.findById(tokenId)
                .filter(t -> t.getAccountId().equals(caller.getId()) && !t.isRevoked())
                .orElseThrow(() -> new AccessTokenNotFoundException(tokenId));
        token.revokeAt(clock.instant());
    }

    /** Whom a presented token speaks for; an unknown, malformed or revoked token speaks for nobody. */
    @Transactional
    public Optional<TokenHolder> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_PRESENTED_LENGTH) {
            return Optional.empty();
        }
        Optional<AccessToken> found = tokens.findByTokenHash(sha256(secret)).filter(token -> !token.isRevoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Instant now = clock.instant();
        if (token.getLastUsedAt().map(last -> last.plus(LAST_USED_PRECISION).isBefore(now)).orElse(true)) {
            token.usedAt(now);
        }
        return accounts.findById(token.getAccountId()).map(account -> new TokenHolder(token.getId(), account.getUsername()));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
