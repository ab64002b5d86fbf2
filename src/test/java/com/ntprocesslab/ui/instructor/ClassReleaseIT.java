package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.LoginPage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An instructor withholds feedback and releases the solution for one class; its student sees
 * no feedback but is offered the solution at once; then the instructor turns it around and the
 * student sees feedback and no solution. The instructor's page as it looks at 1280x800 and
 * 1920x1080 is kept under target/screenshots.
 */
class ClassReleaseIT extends BrowserTest {

    /** Offers its solution only after 3 failed checks when left to the lab. */
    private static final String LAB = "lab/03-seven-stages";

    @Test
    void theStudentSeesFeedbackAndSolutionOnlyAsTheClassReleasesThem() {
        String teacher = signedIn(page, "release-teacher", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        String className = "Release " + uniqueUsername("class");
        String code = classes.create(className);
        String student = uniqueUsername("release-student");
        accounts.signUpStudent(student, PASSWORD, code);

        classes.openRoster(className);
        assertThat(page.locator("#release-feedback input")).isChecked();
        classes.releaseFeedback(false);
        assertThat(page.locator("vaadin-notification-card").last()).containsText("no feedback or hints");
        classes.releaseSolution("Released for every lab");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("solution release of " + className + " is saved");
        shootAtBothSizes("class-release");

        signInAs(student);
        LabPage lab = new LabPage(page).open(url(LAB));
        assertThat(page.locator("#show-solution")).isVisible();
        lab.checkAndWait();
        assertThat(page.locator("#checkpoints")).containsText("has not released the feedback");
        page.locator("#show-solution").click();
        assertThat(page.locator("#lab-solution pre")).containsText("bu nt!PspAllocateProcess");
        shootAtBothSizes("class-release-student");

        signInAs(teacher);
        classes.open(url("")).openRoster(className);
        assertThat(page.locator("#release-feedback input")).not().isChecked();
        classes.releaseFeedback(true);
        classes.releaseSolution("Withheld");
        assertThat(page.locator("vaadin-notification-card").last()).containsText("is saved");

        signInAs(student);
        new LabPage(page).open(url(LAB)).checkAndWait();
        assertThat(page.locator("#checkpoints")).not().containsText("has not released the feedback");
        assertThat(page.locator("#show-solution")).hasCount(0);
    }

    private void signInAs(String username) {
        context.clearCookies();
        new LoginPage(page).open(url("")).signIn(username, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));
    }

    private void shootAtBothSizes(String name) {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            page.setViewportSize(size[0], size[1]);
            page.waitForTimeout(300);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + "-" + size[0] + "x" + size[1] + ".png")));
        }
        page.setViewportSize(1280, 800);
    }
}
