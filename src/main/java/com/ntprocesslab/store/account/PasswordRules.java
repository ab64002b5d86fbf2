package com.ntprocesslab.store.account;

import com.ntprocesslab.store.InputRejectedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 8 to 256 characters of any language (counted as characters, not
 * bytes: the encoder pre-hashes, so BCrypt's 72-byte limit never truncates or refuses one),
 * not only spaces, not the user name and not on the bundled list of common passwords.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load("common-passwords.txt");

    private PasswordRules() {
    }

    /** @throws InputRejectedException saying what to change */
    static void check(String username, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InputRejectedException("signup.rejected.password",
                    "The password needs at least {0} characters.", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new InputRejectedException("signup.rejected.passwordLong",
                    "A password has at most {0} characters; this one has {1}.", MAX_LENGTH, length);
        }
        if (password.isBlank()) {
            throw new InputRejectedException("signup.rejected.passwordBlank",
                    "A password of spaces only is too easy to guess; add letters, digits or signs.");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON.contains(folded) || folded.equals(Account.keyOf(username))) {
            throw new InputRejectedException("signup.rejected.passwordCommon",
                    "This password is among the most common ones (or is your user name); choose one nobody would guess.");
        }
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The list of common passwords (" + resource + ") is missing from the build.");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(line -> line.strip().toLowerCase(Locale.ROOT))
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
