package com.ntprocesslab.ui.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.SignupPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StudentConsoleIT extends BrowserTest {

    @Test
    void aNewStudentSignsUpRunsProcessDumpAndFindsTheHistoryAfterReload() {
        String student = uniqueUsername("ada");
        LoginPage login = new LoginPage(page).open(url(""));
        screenshot("login");
        login.goToSignup();
        new SignupPage(page).signUp(student, PASSWORD, PASSWORD);
        page.waitForURL(url -> url.contains("/login"));
        login.signIn(student, PASSWORD);

        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        workspace.run("!process 0 0");
        assertThat(workspace.lastAnswer()).containsText("Image: System");
        assertThat(workspace.lastAnswer()).containsText("Cid: 0004");
        workspace.run("frobnicate now");
        assertThat(workspace.lastAnswer()).containsText("frobnicate");
        screenshot("workspace");

        page.reload();
        workspace.waitUntilShown();
        assertThat(workspace.blocks().first()).containsText("!process 0 0");
        assertThat(workspace.blocks().first()).containsText("Image: explorer.exe");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() {
        String student = uniqueUsername("bob");
        LoginPage login = new LoginPage(page).open(url(""));
        login.goToSignup();
        new SignupPage(page).signUp(student, PASSWORD, PASSWORD);
        page.waitForURL(url -> url.contains("/login"));

        login.signIn(student, "not-the-password");

        assertThat(login.errorMessage()).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

    @Test
    void signUpExplainsWhatIsWrongWithTheForm() {
        new LoginPage(page).open(url("")).goToSignup();
        SignupPage signup = new SignupPage(page);

        signup.signUp(uniqueUsername("cy"), "short", "short");
        assertThat(signup.error()).containsText("at least 8 characters");

        signup.signUp(uniqueUsername("cy"), PASSWORD, PASSWORD + "x");
        assertThat(signup.error()).containsText("differ");
        screenshot("signup-error");
    }
}
