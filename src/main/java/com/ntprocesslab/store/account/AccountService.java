package com.ntprocesslab.store.account;

import com.ntprocesslab.store.InputRejectedException;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Creates accounts and changes passwords; the only place passwords are checked and hashed. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AccountService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    /** The languages the UI is translated into. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private final AccountRepository accounts;
    private final ClassroomService classrooms;
    private final AccessPolicy access;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    /**
     * Signs a self-paced student up (no class).
     *
     * @throws InputRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account signUpStudent(String username, String password) {
        return signUpStudent(username, password, "");
    }

    /**
     * Signs a student up and, with a join code, into that class. A wrong code creates nothing.
     *
     * @throws InputRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account signUpStudent(String username, String password, String joinCode) {
        Optional<Classroom> classroom = Optional.empty();
        if (joinCode != null && !joinCode.isBlank()) {
            classroom = classrooms.byJoinCode(joinCode);
            if (classroom.isEmpty()) {
                throw new InputRejectedException("signup.rejected.joinCode",
                        "No class has the join code ''{0}''. Check it with your instructor, or leave it empty to study on your own.",
                        EchoedInput.of(joinCode));
            }
        }
        Account student = create(username, password, Role.STUDENT);
        classroom.ifPresent(joined -> classrooms.enroll(joined, student));
        return student;
    }

    /** Remembers the language the user reads the UI in. */
    @Transactional
    public void setLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("The UI is available in " + LANGUAGES + ", not in '" + language + "'.");
        }
        accounts.findByUsername(username).ifPresent(account -> account.setLanguage(language));
    }

    /**
     * An administrator creates an instructor account (instructors cannot sign themselves up).
     *
     * @throws InputRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account createInstructor(String adminUsername, String username, String password) {
        access.requireAdmin(adminUsername);
        return create(username, password, Role.INSTRUCTOR);
    }

    /** The first-start account: an instructor who is also the administrator. */
    @Transactional
    Account createAdministrator(String username, String password) {
        Account admin = create(username, password, Role.INSTRUCTOR);
        admin.makeAdmin();
        return admin;
    }

    /**
     * The signed-in user replaces their password; the current one must be typed again, so a
     * browser left open does not hand the account over.
     *
     * @throws InputRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        Account account = access.caller(username);
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new InputRejectedException("password.rejected.current", "The current password is not right; type it again.");
        }
        PasswordRules.check(account.getUsername(), newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    /** Spring Security re-hashes an old-style hash at sign-in; this stores the new one. */
    @Transactional
    public void replaceHash(String username, String newHash) {
        accounts.findByUsername(username).ifPresent(account -> account.setPasswordHash(newHash));
    }

    @Transactional
    public Account create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InputRejectedException("signup.rejected.username",
                    "A user name has 3 to 64 characters, each a Latin letter (a-z, A-Z), a digit, a dot, a dash or an underscore.");
        }
        PasswordRules.check(name, password);
        // Checked last, after everything else is valid: whether a name exists is only ever
        // answered to a complete, acceptable sign-up (which the sign-up page also throttles).
        if (accounts.existsByUsername(name)) {
            throw new InputRejectedException("signup.rejected.taken",
                    "The user name ''{0}'' is taken; choose another.", name);
        }
        return accounts.save(new Account(name, passwordEncoder.encode(password), role, clock.instant()));
    }
}
