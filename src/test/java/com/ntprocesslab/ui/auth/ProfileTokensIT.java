package com.ntprocesslab.ui.auth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ProfilePage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A student creates a personal access token on the profile page, uses it on the API, and revokes it, in Chromium. */
class ProfileTokensIT extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenIsShownOnceWorksOnTheApiAndStopsWhenRevoked() throws Exception {
        signedIn(page, "token-student", Role.STUDENT);
        ProfilePage profile = new ProfilePage(page).open(url(""));
        assertThat(profile.tokenList()).isHidden();

        String token = profile.createToken("grading script");

        assertThat(token).startsWith("ntlab_").hasSize(49);
        assertThat(profile.newToken()).containsText("not shown again");
        assertThat(profile.rowOf("grading script")).isVisible();
        assertThat(profile.tokenList()).containsText(token.substring(0, 10) + "…");
        assertThat(profile.tokenList()).containsText("never");
        page.setViewportSize(1280, 800);
        screenshot("profile-token-created-1280x800");
        page.setViewportSize(1920, 1080);
        screenshot("profile-token-created-1920x1080");
        assertThat(labsStatus(token)).isEqualTo(200);

        profile.open(url(""));
        assertThat(profile.newToken()).isHidden();
        assertThat(page.content()).as("the token is never shown again").doesNotContain(token.substring(10));
        assertThat(profile.tokenList()).containsText("UTC");
        assertThat(profile.tokenList()).not().containsText("never");

        profile.revoke("grading script");

        assertThat(page.getByText("Token \"grading script\" is revoked.")).isVisible();
        assertThat(profile.tokenList()).isHidden();
        assertThat(labsStatus(token)).isEqualTo(401);
        page.setViewportSize(1280, 800);
        profile.open(url(""));
        assertThat(profile.tokenList()).isHidden();
    }

    @Test
    void aTokenWithoutANameIsRefusedAndNothingIsCreated() {
        signedIn(page, "token-unnamed", Role.STUDENT);
        ProfilePage profile = new ProfilePage(page).open(url(""));

        profile.tryToCreateToken("   ");

        assertThat(profile.error()).hasText("A token needs a name of 1 to 64 characters: say where you use it, e.g. grading script.");
        assertThat(profile.newToken()).isHidden();
        assertThat(profile.tokenList()).isHidden();
        screenshot("profile-token-refused-1280x800");
    }

    private int labsStatus(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("api/v1/labs"))).header("Authorization", "Bearer " + token).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
