package com.ntprocesslab.ui.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.SignupPage;
import com.ntprocesslab.ui.BrowserTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sign-up, sign-in, profile and accounts pages fed the worst an attacker or a careless paste
 * gives them, in Chromium at two screen sizes (screenshots under target/screenshots for review):
 * every input is refused with a short sentence, nothing runs as HTML, no account appears, and
 * what a message repeats of the input is clean and short.
 */
class HostileAccountInputIT extends BrowserTest {

    /** The worst inputs, by what they try. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("10 KB", "a".repeat(10_240));
        HOSTILE.put("right-to-left override", "\u202Eevil\u202Cadmin");
        HOSTILE.put("Arabic letters", "مستخدم");
        HOSTILE.put("zero-width space", "ad\u200Bmin");
        HOSTILE.put("NUL", "ali\u0000ce");
        HOSTILE.put("emoji", "👩‍💻student");
        HOSTILE.put("SQL", "x' OR '1'='1' --");
        HOSTILE.put("HTML", "<img src=x onerror=alert(1)><b>bold</b>");
    }

    @Autowired
    AccountRepository repository;
    @Autowired
    JdbcTemplate jdbc;

    private final List<String> dialogs = new ArrayList<>();

    @BeforeEach
    void anyScriptThatRunsOpensADialogWeRecord() {
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
    }

    /** A refusal the visitor can read: a sentence, short, with nothing invisible or reversed in it, and no markup run. */
    private void refusedCleanly(Locator error, String what) {
        assertThat(error).not().isEmpty();
        String text = error.textContent();
        assertThat(text).as(what).hasSizeLessThan(300).doesNotContain("\u202E", "\u200B", "\u0000", "Exception");
        assertThat(page.locator("img[src=x]")).hasCount(0);
        assertThat(dialogs).as(what + ": no script ran").isEmpty();
    }

    private long accountCount() {
        return jdbc.queryForObject("select count(*) from account", Long.class);
    }

    /** Each attempt on a fresh page, so the message read is this attempt's. */
    private SignupPage signUpOnAFreshPage(String username, String password, String joinCode) {
        page.navigate(url("signup"));
        SignupPage signup = new SignupPage(page);
        signup.signUp(username, password, password, joinCode);
        return signup;
    }

    @Test
    void signUpRefusesEveryHostileNamePasswordAndJoinCodeWithAShortCleanSentence() {
        page.setViewportSize(1280, 800);
        long before = accountCount();
        for (Map.Entry<String, String> input : HOSTILE.entrySet()) {
            SignupPage signup = signUpOnAFreshPage(input.getValue(), PASSWORD, "");
            refusedCleanly(signup.error(), "user name: " + input.getKey());
            if (input.getKey().equals("10 KB") || input.getKey().equals("HTML")) {
                screenshot("hostile-signup-name-" + input.getKey().replace(' ', '-') + "-1280");
            }
            signup = signUpOnAFreshPage(uniqueUsername("hostile"), PASSWORD, input.getValue());
            refusedCleanly(signup.error(), "join code: " + input.getKey());
        }
        SignupPage signup = signUpOnAFreshPage(uniqueUsername("hostile"), PASSWORD, "\u202E" + "x".repeat(10_000));
        assertThat(signup.error()).containsText("No class has the join code 'xxxxxxxxxxxxxxxxxxxxxxxx…'.");
        screenshot("hostile-signup-joincode-1280");
        page.setViewportSize(1920, 1080);
        screenshot("hostile-signup-joincode-1920");
        signup = signUpOnAFreshPage(uniqueUsername("hostile"), "p".repeat(10_240), "");
        refusedCleanly(signup.error(), "10 KB password");
        assertThat(accountCount()).as("no hostile sign-up created an account").isEqualTo(before);
    }

    @Test
    void signInWithHostileNamesAndPasswordsIsAPlainWrongPassword() {
        for (Map.Entry<String, String> input : HOSTILE.entrySet()) {
            LoginPage login = new LoginPage(page).open(url(""));
            login.signIn(input.getValue(), input.getValue());
            page.waitForURL(u -> u.contains("/login?error"));
            assertThat(login.errorMessage()).isVisible();
            assertThat(dialogs).as(input.getKey()).isEmpty();
        }
        page.setViewportSize(1280, 800);
        screenshot("hostile-login-1280");
        page.setViewportSize(1920, 1080);
        screenshot("hostile-login-1920");
    }

    @Test
    void theProfileAndAccountsPagesRefuseHostilePasswordsAndNames() {
        String admin = uniqueUsername("hostile-admin");
        accounts.create(admin, PASSWORD, Role.INSTRUCTOR);
        jdbc.update("UPDATE account SET admin = TRUE WHERE username = ?", admin);
        new LoginPage(page).open(url("")).signIn(admin, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));

        for (Map.Entry<String, String> input : HOSTILE.entrySet()) {
            // Each attempt on a fresh page, so the message read is this attempt's.
            page.navigate(url("profile"));
            page.locator("#current-password input").fill(input.getValue());
            page.locator("#new-password input").fill("a-new-password-77");
            page.locator("#confirm-password input").fill("a-new-password-77");
            page.locator("#change-password").click();
            refusedCleanly(page.locator("#profile-error"), "current password: " + input.getKey());
            page.navigate(url("profile"));
            page.locator("#current-password input").fill(PASSWORD);
            page.locator("#new-password input").fill(input.getValue());
            page.locator("#confirm-password input").fill(input.getValue());
            page.locator("#change-password").click();
            Locator error = page.locator("#profile-error");
            Locator current = page.locator("#current-password input");
            page.waitForCondition(() -> !error.textContent().isEmpty() || current.inputValue().isEmpty());
            if (!error.textContent().isEmpty()) {
                refusedCleanly(error, "new password: " + input.getKey());
            } else {
                // A strange but long enough password is a password (any language, any sign): change it back.
                current.fill(input.getValue());
                page.locator("#new-password input").fill(PASSWORD);
                page.locator("#confirm-password input").fill(PASSWORD);
                page.locator("#change-password").click();
                page.waitForCondition(() -> current.inputValue().isEmpty());
                assertThat(error).isEmpty();
            }
        }
        page.setViewportSize(1280, 800);
        screenshot("hostile-profile-1280");

        for (Map.Entry<String, String> input : HOSTILE.entrySet()) {
            page.navigate(url("admin/accounts"));
            page.locator("#instructor-name input").fill(input.getValue());
            page.locator("#instructor-password input").fill(PASSWORD);
            page.locator("#create-instructor").click();
            refusedCleanly(page.locator("#accounts-error"), "instructor name: " + input.getKey());
            assertThat(repository.existsByUsername(input.getValue())).isFalse();
        }
        page.setViewportSize(1920, 1080);
        screenshot("hostile-accounts-1920");
    }
}
