package com.ntprocesslab.ui.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.SignupPage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 14: sign-up had no limit per address, so one script could create accounts or probe
 * user names without end. Past the limit an address is told how long to wait and nothing is
 * created; another address signs up as before. (The test server trusts X-Forwarded-For from
 * the local proxy, as production does, which gives each visitor here its own address.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ntlab.signup.attempts-per-address=3")
class SignupThrottleIT extends BrowserTest {

    @Autowired
    AccountRepository repository;

    private SignupPage openSignupFrom(String address) {
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", address));
        page.navigate(url("signup"));
        return new SignupPage(page);
    }

    @Test
    void anAddressPastItsSignupAttemptsIsToldToWaitAndNothingIsCreated() {
        SignupPage signup = openSignupFrom("198.51.100.7");
        for (int attempt = 0; attempt < 3; attempt++) {
            signup.signUp("x" + attempt, PASSWORD, PASSWORD);
            assertThat(signup.error()).containsText("A user name has 3 to 64");
        }
        String name = uniqueUsername("throttled");

        signup.signUp(name, PASSWORD, PASSWORD);

        assertThat(signup.error()).hasText("Too many sign-up attempts came from your network address. "
                + "Try again in 20 minute(s), or ask your instructor to create the account.");
        screenshot("signup-throttled");
        assertThat(repository.existsByUsername(name)).isFalse();

        String other = uniqueUsername("elsewhere");
        openSignupFrom("198.51.100.8").signUp(other, PASSWORD, PASSWORD);
        page.waitForURL(u -> u.contains("/login"));
        assertThat(repository.existsByUsername(other)).isTrue();
    }
}
