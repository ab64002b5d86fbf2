package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.MachinePanels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One instructor lectures, two students follow live, one forks the moment; a student of another class finds nothing. */
class LectureIT extends BrowserTest {

    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    @Autowired
    ClassroomService classrooms;
    @Autowired
    MachineSessions sessions;

    @Test
    void twoStudentsFollowTheInstructorsMachineLiveAndOneForksIt() {
        String instructor = signedIn(page, "lecturer", Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(instructor, "Lecture " + uniqueUsername("class"));
        page.navigate(url("lecture/" + classroom.getId()));
        page.locator("#lecture-start").click();
        assertThat(page.locator("#lecture-status")).containsText("The lecture is running");

        Page[] students = new Page[2];
        String[] names = new String[2];
        BrowserContext[] contexts = new BrowserContext[2];
        for (int i = 0; i < 2; i++) {
            contexts[i] = page.context().browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            students[i] = contexts[i].newPage();
            names[i] = uniqueUsername("follower");
            accounts.signUpStudent(names[i], PASSWORD, classroom.getJoinCode());
            new com.ntprocesslab.ui.pages.LoginPage(students[i]).open(url("")).signIn(names[i], PASSWORD);
            students[i].waitForURL(u -> !u.contains("/login"));
            students[i].navigate(url("lecture/" + classroom.getId()));
            assertThat(students[i].locator("#lecture-status")).containsText("Live: " + instructor + "'s machine");
        }
        assertThat(page.locator("#lecture-followers")).hasText("2 student(s) following");

        long lectureMachine = sessions.openSandbox(instructor);
        sessions.submit(lectureMachine, instructor, NOTEPAD);

        for (Page student : students) {
            assertThat(student.locator("#console-transcript")).containsText("CreateProcessW");
            assertThat(new MachinePanels(student).processCell("notepad.exe")).isVisible();
        }
        page.bringToFront();
        screenshot("lecture-host");
        students[0].screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "lecture-student.png")));

        students[0].locator("#lecture-fork").click();
        assertThat(students[0].locator("#lecture-fork-outcome")).containsText("Your sandbox machine");
        long fork = sessions.openSandbox(names[0]);
        assertThat(sessions.history(fork, names[0])).hasSize(2);
        assertThat(sessions.history(lectureMachine, instructor)).hasSize(1);

        contexts[1].close();
        assertThat(page.locator("#lecture-followers")).hasText("1 student(s) following");
        contexts[0].close();

        // a student of no class of this instructor: the lecture does not exist for them
        context.clearCookies();
        signedIn(page, "stranger", Role.STUDENT);
        page.navigate(url("lecture/" + classroom.getId()));
        // the same "Not found" page as for a class that does not exist (RouteAccessMatrixIT compares the two)
        assertThat(page.locator("h2:text-is('Not found')")).isVisible();
        assertThat(page.locator("#lecture-status")).hasCount(0);
        assertThat(page.locator("#lecture-fork")).hasCount(0);
    }
}
