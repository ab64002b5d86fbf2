package com.ntprocesslab.store.account;

import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts; the only place passwords are hashed. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Signs a student up.
     *
     * @throws SignupRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account signUpStudent(String username, String password) {
        return create(username, password, Role.STUDENT);
    }

    @Transactional
    public Account create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new SignupRejectedException("A user name has 3 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new SignupRejectedException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (accounts.existsByUsername(name)) {
            throw new SignupRejectedException("The user name '" + name + "' is taken; choose another.");
        }
        return accounts.save(new Account(name, passwordEncoder.encode(password), role, clock.instant()));
    }
}
