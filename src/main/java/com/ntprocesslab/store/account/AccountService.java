package com.ntprocesslab.store.account;

import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts; the only place passwords are hashed. */
@Service
public class AccountService {

    static final int MIN_PASSWORD_LENGTH = 8;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    /** The languages the UI is translated into. */
    public static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private final AccountRepository accounts;
    private final ClassroomService classrooms;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(AccountRepository accounts, ClassroomService classrooms, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /**
     * Signs a self-paced student up (no class).
     *
     * @throws SignupRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account signUpStudent(String username, String password) {
        return signUpStudent(username, password, "");
    }

    /**
     * Signs a student up and, with a join code, into that class. A wrong code creates nothing.
     *
     * @throws SignupRejectedException with a sentence the form can show as it is
     */
    @Transactional
    public Account signUpStudent(String username, String password, String joinCode) {
        Optional<Classroom> classroom = Optional.empty();
        if (joinCode != null && !joinCode.isBlank()) {
            classroom = classrooms.byJoinCode(joinCode);
            if (classroom.isEmpty()) {
                throw new SignupRejectedException("signup.rejected.joinCode",
                        "No class has the join code ''{0}''. Check it with your instructor, or leave it empty to study on your own.",
                        joinCode.strip());
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

    @Transactional
    public Account create(String username, String password, Role role) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new SignupRejectedException("signup.rejected.username",
                    "A user name has 3 to 64 letters, digits, dots, dashes or underscores.");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new SignupRejectedException("signup.rejected.password",
                    "The password needs at least {0} characters.", MIN_PASSWORD_LENGTH);
        }
        if (accounts.existsByUsername(name)) {
            throw new SignupRejectedException("signup.rejected.taken",
                    "The user name ''{0}'' is taken; choose another.", name);
        }
        return accounts.save(new Account(name, passwordEncoder.encode(password), role, clock.instant()));
    }
}
