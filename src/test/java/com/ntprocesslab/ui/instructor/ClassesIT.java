package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.SignupPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClassesIT extends BrowserTest {

    @Autowired
    AccountRepository accountRepository;

    @Test
    void aStudentJoinsWithTheCodeAndOnlyTheOwningInstructorSeesTheClass() {
        String teacher = signedIn(page, "teacher", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        String className = "Internals " + uniqueUsername("class");
        String code = classes.create(className);
        screenshot("classes");
        context.clearCookies();

        String student = uniqueUsername("joiner");
        new LoginPage(page).open(url("")).goToSignup();
        new SignupPage(page).signUp(student, PASSWORD, PASSWORD, code.toLowerCase());
        page.waitForURL(url -> url.contains("/login"));

        new LoginPage(page).open(url("")).signIn(teacher, PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        classes.open(url("")).openRoster(className);
        assertThat(classes.roster()).containsText(student);
        context.clearCookies();

        signedIn(page, "other-teacher", Role.INSTRUCTOR);
        classes.open(url(""));
        assertThat(page.locator("#classes")).not().containsText(className);
    }

    @Test
    void theInstructorSeesWhoJoined() {
        signedIn(page, "owner-teacher", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        String className = "Kernel " + uniqueUsername("class");
        String code = classes.create(className);
        String student = uniqueUsername("pupil");
        accounts.signUpStudent(student, PASSWORD, code);

        page.reload();
        classes.openRoster(className);

        assertThat(classes.roster()).containsText(student);
        screenshot("classes-roster");
    }

    @Test
    void aWrongJoinCodeIsRefusedAndCreatesNoAccount() {
        new LoginPage(page).open(url("")).goToSignup();
        SignupPage signup = new SignupPage(page);
        String student = uniqueUsername("lost");

        signup.signUp(student, PASSWORD, PASSWORD, "NOPE2345");

        assertThat(signup.error()).containsText("No class has the join code 'NOPE2345'");
        assertThat(accountRepository.existsByUsername(student)).isFalse();
    }

    @Test
    void aStudentIsRefusedTheClassesPage() {
        signedIn(page, "curious", Role.STUDENT);
        new WorkspacePage(page).waitUntilShown();

        page.navigate(url("instructor/classes"));

        assertThat(page.locator("#class-name")).hasCount(0);
    }
}
