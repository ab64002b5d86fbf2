package com.ntprocesslab.store.account;

import com.ntprocesslab.store.InputRejectedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.store.access.AccessRefusedException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Findings 5 and 6 of issue 14, at the service, against a real H2 database. */
@SpringBootTest
class AccountRulesTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    /** 25 Chinese characters: 75 bytes in UTF-8, past BCrypt's 72. */
    private static final String CHINESE = "我们的操作系统实验室里有一个进程正在等待被唤醒然后继续执行下去";

    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    PasswordEncoder encoder;

    private static String name() {
        return "rules-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
    }

    @Test
    void aLongPasswordInAnyLanguageIsAcceptedAndCountsInFull() {
        String password = CHINESE.substring(0, 25);
        String longOne = "x".repeat(128) + CHINESE;
        Account account = accounts.signUpStudent(name(), password);
        Account other = accounts.signUpStudent(name(), longOne);

        assertThat(encoder.matches(password, account.getPasswordHash())).isTrue();
        assertThat(encoder.matches(password.substring(0, 24) + "错", account.getPasswordHash()))
                .as("the 25th character (bytes 73-75) counts").isFalse();
        assertThat(encoder.matches(longOne, other.getPasswordHash())).isTrue();
        assertThat(encoder.matches("x".repeat(128), other.getPasswordHash())).isFalse();
    }

    @Test
    void aPasswordPastTheLimitIsRefusedWithASentence() {
        assertThatThrownBy(() -> accounts.signUpStudent(name(), "y".repeat(PasswordRules.MAX_LENGTH + 1)))
                .isInstanceOf(InputRejectedException.class).hasMessage("A password has at most 256 characters; this one has 257.");
    }

    @Test
    void spacesOnlyCommonPasswordsAndTheUserNameAreRefused() {
        String name = name();
        assertThatThrownBy(() -> accounts.signUpStudent(name, "        ")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("spaces only");
        assertThatThrownBy(() -> accounts.signUpStudent(name, "Password123")).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("most common");
        assertThatThrownBy(() -> accounts.signUpStudent(name, name.toUpperCase())).isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("most common");
        assertThat(repository.existsByUsername(name)).isFalse();
    }

    @Test
    void userNamesCompareWithoutCase() {
        String name = name();
        accounts.signUpStudent(name, "a-fine-password-1");

        assertThatThrownBy(() -> accounts.signUpStudent(name.toUpperCase(), "a-fine-password-1"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("is taken");
        assertThat(repository.findByUsername(name.toUpperCase())).get().extracting(Account::getUsername).isEqualTo(name);
    }

    @Test
    void whetherANameExistsIsOnlyAnsweredToAnOtherwiseValidSignUp() {
        String name = name();
        accounts.signUpStudent(name, "a-fine-password-1");

        assertThatThrownBy(() -> accounts.signUpStudent(name, "short")).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> accounts.signUpStudent(name, "a-fine-password-1", "NOSUCHCODE")).hasMessageContaining("join code");
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        String name = name();
        accounts.signUpStudent(name, "a-fine-password-1");

        assertThatThrownBy(() -> accounts.changePassword(name, "wrong-password-1", "another-password-2"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("current password");
        assertThatThrownBy(() -> accounts.changePassword(name, "a-fine-password-1", "        "))
                .isInstanceOf(InputRejectedException.class);
        accounts.changePassword(name.toUpperCase(), "a-fine-password-1", "another-password-2");

        String hash = repository.findByUsername(name).orElseThrow().getPasswordHash();
        assertThat(encoder.matches("another-password-2", hash)).isTrue();
        assertThat(encoder.matches("a-fine-password-1", hash)).isFalse();
    }

    @Test
    void onlyAnAdministratorCreatesInstructors() {
        String teacher = name();
        accounts.create(teacher, "a-fine-password-1", Role.INSTRUCTOR);

        assertThatThrownBy(() -> accounts.createInstructor(teacher, name(), "a-fine-password-1"))
                .isInstanceOf(AccessRefusedException.class);
        Account admin = accounts.createAdministrator(name(), "a-fine-password-1");
        Account made = accounts.createInstructor(admin.getUsername(), name(), "a-fine-password-1");

        assertThat(admin.isInstructor()).as("the administrator stays an instructor").isTrue();
        assertThat(made.getRole()).isEqualTo(Role.INSTRUCTOR);
        assertThat(made.isAdmin()).isFalse();
    }

    @Test
    void anOldPlainBcryptHashStillMatches() {
        String old = new BCryptPasswordEncoder().encode("an-old-password-1");

        assertThat(encoder.matches("an-old-password-1", old)).isTrue();
        assertThat(encoder.matches(CHINESE, old)).as("past 72 bytes: no match, no exception").isFalse();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
    }
}
