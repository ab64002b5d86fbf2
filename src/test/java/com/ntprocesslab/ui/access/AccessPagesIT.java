package com.ntprocesslab.ui.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.LoginPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Co-instructors, the profile page and the CSP, in Chromium against the running server. */
class AccessPagesIT extends BrowserTest {

    @Test
    void anInvitedCoInstructorSeesTheClassAndAnotherInstructorDoesNot() {
        String coTeacher = uniqueUsername("co-teacher");
        accounts.create(coTeacher, PASSWORD, Role.INSTRUCTOR);
        String teacher = signedIn(page, "inviting-teacher", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        classes.create("Shared class");
        classes.openRoster("Shared class");

        classes.invite(coTeacher);

        assertThat(classes.teachers()).containsText(teacher + ", " + coTeacher);
        try (BrowserContext coContext = newContext(); BrowserContext otherContext = newContext()) {
            Page coPage = coContext.newPage();
            new LoginPage(coPage).open(url("")).signIn(coTeacher, PASSWORD);
            coPage.waitForURL(u -> !u.contains("/login"));
            assertThat(new ClassesPage(coPage).open(url("")).classes()).containsText("Shared class");
            Page otherPage = otherContext.newPage();
            signedIn(otherPage, "other-teacher", Role.INSTRUCTOR);
            ClassesPage others = new ClassesPage(otherPage).open(url(""));
            assertThat(others.classes()).not().containsText("Shared class");
        }
    }

    @Test
    void aStudentChangesTheirPasswordAndThePagesRunUnderTheCsp() {
        List<String> violations = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        String student = signedIn(page, "profile-student", Role.STUDENT);
        page.navigate(url("profile"));
        page.locator("#current-password input").fill(PASSWORD);
        page.locator("#new-password input").fill("新的密码也可以很长很长很长很长很长很长很长很长很长很长");
        page.locator("#confirm-password input").fill("新的密码也可以很长很长很长很长很长很长很长很长很长很长");
        page.locator("#change-password").click();
        assertThat(page.getByText("Your password is changed.")).isVisible();
        page.navigate(url("labs"));
        assertThat(page.locator("#lab-list")).isVisible();

        try (BrowserContext fresh = newContext()) {
            Page again = fresh.newPage();
            new LoginPage(again).open(url("")).signIn(student.toUpperCase(), "新的密码也可以很长很长很长很长很长很长很长很长很长很长");
            again.waitForURL(u -> !u.contains("/login"));
            assertThat(again.locator("#current-user")).hasText(student);
        }
        assertThat(violations).as("Vaadin runs under the Content-Security-Policy").isEmpty();
    }

    private BrowserContext newContext() {
        return page.context().browser().newContext();
    }
}
