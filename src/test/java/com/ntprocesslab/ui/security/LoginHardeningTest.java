package com.ntprocesslab.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Findings 4, 5 and 6 of issue 14 and the headers, over real HTTP against the running server:
 * what a script (not a browser) can do to POST /login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginHardeningTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String PASSWORD = "hardening-pass-31";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    /** One browser-like visitor: its own cookies, and the CSRF token its login page carries. */
    private final class Visitor {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        /** The address the local proxy reports for this visitor (the test server trusts it, as production does). */
        String address = "127.0.0.1";
        String loginPageToken;
        HttpResponse<String> loginPage;

        Visitor from(String forwardedAddress) {
            address = forwardedAddress;
            return this;
        }

        Visitor openLoginPage() throws IOException, InterruptedException {
            loginPage = http.send(HttpRequest.newBuilder(uri("login")).header("X-Forwarded-For", address).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF_META.matcher(loginPage.body());
            assertThat(token.find()).as("the login page carries the CSRF token for Vaadin's LoginForm").isTrue();
            loginPageToken = token.group(1);
            return this;
        }

        HttpResponse<String> postLogin(String username, String password, String csrf, String origin)
                throws IOException, InterruptedException {
            String form = "username=" + encode(username) + "&password=" + encode(password) + (csrf == null ? "" : "&_csrf=" + encode(csrf));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", address)
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (origin != null) {
                request.header("Origin", origin);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Spring refuses a bad CSRF token by sending the visitor back to the login page, signed out. */
    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() == 403
                || response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
    }

    private static boolean signedIn(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && !location.contains("/login");
    }

    private String user() {
        String name = "hard-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
        accounts.create(name, PASSWORD, Role.STUDENT);
        return name;
    }

    @Test
    void theRightTokenFromTheLoginPageSignsIn() throws Exception {
        String name = user();
        Visitor visitor = new Visitor().openLoginPage();

        assertThat(signedIn(visitor.postLogin(name.toUpperCase(), PASSWORD, visitor.loginPageToken, null)))
                .as("user names compare without case").isTrue();
    }

    @Test
    void aLoginWithoutTokenWithAWrongOneOrFromAnotherSiteIsRefused() throws Exception {
        String name = user();
        Visitor visitor = new Visitor().openLoginPage();

        assertThat(refused(visitor.postLogin(name, PASSWORD, null, null))).as("no _csrf").isTrue();
        assertThat(refused(visitor.postLogin(name, PASSWORD, "forged-token", null))).as("wrong _csrf").isTrue();
        assertThat(visitor.http.send(HttpRequest.newBuilder(uri("labs")).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("Location").orElse("")).as("still not signed in").endsWith("/login");
        Visitor fromElsewhere = new Visitor().openLoginPage();
        assertThat(fromElsewhere.postLogin(name, PASSWORD, fromElsewhere.loginPageToken, "http://evil.example").statusCode())
                .as("foreign Origin, even with the right token").isEqualTo(403);
        Visitor fromHere = new Visitor().openLoginPage();
        assertThat(signedIn(fromHere.postLogin(name, PASSWORD, fromHere.loginPageToken, "http://localhost:" + port)))
                .as("our own Origin").isTrue();
    }

    @Test
    void repeatedWrongPasswordsPauseTheAccountEvenForTheRightOne() throws Exception {
        String name = user();
        for (int attempt = 0; attempt < 10; attempt++) {
            Visitor visitor = new Visitor().openLoginPage();
            assertThat(visitor.postLogin(name, "wrong-password-" + attempt, visitor.loginPageToken, null).headers()
                    .firstValue("Location").orElseThrow()).contains("/login?error");
        }
        Visitor visitor = new Visitor().openLoginPage();

        HttpResponse<String> right = visitor.postLogin(name, PASSWORD, visitor.loginPageToken, null);

        assertThat(signedIn(right)).isFalse();
        assertThat(right.headers().firstValue("Location").orElseThrow()).contains("/login?throttled=");
    }

    @Test
    void wrongPasswordsForManyAccountsFromOneAddressPauseThatAddressOnly() throws Exception {
        // 30 attempts per address, one back every 10 s: the tries go on until the address is paused.
        int attempts = 0;
        String answer = "";
        while (!answer.contains("throttled") && attempts < 40) {
            Visitor visitor = new Visitor().from("203.0.113.9").openLoginPage();
            answer = visitor.postLogin("guess-" + attempts++, "wrong-password", visitor.loginPageToken, null).headers()
                    .firstValue("Location").orElseThrow();
        }
        assertThat(attempts).as("wrong tries from one address before it is paused").isBetween(31, 40);
        String name = user();
        Visitor sameAddress = new Visitor().from("203.0.113.9").openLoginPage();

        HttpResponse<String> right = sameAddress.postLogin(name, PASSWORD, sameAddress.loginPageToken, null);

        assertThat(signedIn(right)).as("an untouched account, from the paused address").isFalse();
        assertThat(right.headers().firstValue("Location").orElseThrow()).contains("/login?throttled=");
        Visitor otherAddress = new Visitor().from("203.0.113.10").openLoginPage();
        assertThat(signedIn(otherAddress.postLogin(name, PASSWORD, otherAddress.loginPageToken, null))).isTrue();
    }

    @Test
    void aPasswordOfTwentyFiveChineseCharactersSignsUpAndSignsIn() throws Exception {
        String name = "zh-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
        String password = "我们的操作系统实验室里有一个进程正在等待被唤醒然后继续";
        accounts.signUpStudent(name, password);
        Visitor visitor = new Visitor().openLoginPage();

        assertThat(signedIn(visitor.postLogin(name, password, visitor.loginPageToken, null))).isTrue();
    }

    @Test
    void pagesCarryTheSecurityHeadersAndALaxSessionCookie() throws Exception {
        HttpResponse<String> page = new Visitor().openLoginPage().loginPage;

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        String cookie = sessionCookie(page.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverHttps() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(sessionCookie(page.headers().allValues("Set-Cookie"))).contains("Secure", "SameSite=Lax");
    }

    private static String sessionCookie(List<String> cookies) {
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + "/" + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
