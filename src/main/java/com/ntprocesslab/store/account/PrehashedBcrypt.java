package com.ntprocesslab.store.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt reads at most 72 bytes (24 Chinese characters), and Spring's encoder refuses longer
 * input. So the password is first hashed with SHA-256 (44 Base64 characters, never a NUL)
 * and that goes to BCrypt: every password of up to {@link PasswordRules#MAX_LENGTH}
 * characters counts in full. Hashes from before carry no {@code {id}} prefix and are plain
 * BCrypt; they still match, and Spring upgrades them at the next sign-in.
 */
public final class PrehashedBcrypt implements PasswordEncoder {

    static final String ID = "bcrypt-sha256";
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    private PrehashedBcrypt() {
    }

    /** The application's encoder: this one for new hashes, plain BCrypt for the old ones. */
    public static PasswordEncoder encoder() {
        PrehashedBcrypt prehashed = new PrehashedBcrypt();
        DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder(ID, Map.of(ID, prehashed, "bcrypt", prehashed.bcrypt));
        delegating.setDefaultPasswordEncoderForMatches(new LegacyBcrypt(prehashed.bcrypt));
        return delegating;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(sha256(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bcrypt.matches(sha256(rawPassword), encodedPassword);
    }

    private static String sha256(CharSequence raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** An old, unprefixed BCrypt hash: a password past 72 bytes can never have made it, so it simply does not match. */
    private record LegacyBcrypt(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("New hashes are pre-hashed");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= 72 && bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
