package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LabPageIT extends BrowserTest {

    @Autowired
    LabMachines labs;
    @Autowired
    ClassroomService classrooms;

    @Test
    void aStudentOpensALabRunsCommandsAndReadsTheFeedbackOfEachCheckpoint() {
        signedIn(page, "lab", Role.STUDENT);
        new WorkspacePage(page).waitUntilShown();
        LabPage lab = new LabPage(page).openFromWorkspace("CREATE_SUSPENDED: a process whose first thread has not run");
        assertThat(lab.instructions()).containsText("Create notepad.exe suspended");
        // one title: the header's; the README's own "# CREATE_SUSPENDED" heading is not repeated below it
        assertThat(page.locator("h1, .lab-header h2")).hasCount(1);
        assertThat(page.locator(".lab-header h2")).hasText("CREATE_SUSPENDED: a process whose first thread has not run");

        lab.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        assertThat(lab.lastAnswer()).containsText("returned TRUE");
        lab.check();

        assertThat(lab.checkpoint("created-suspended")).containsText("passed");
        assertThat(lab.checkpoint("created-suspended")).containsText("Reached after command 1");
        assertThat(lab.checkpoint("resumed")).containsText("next");
        assertThat(lab.checkpoint("resumed")).containsText("explorer.exe has not called ResumeThread yet");
        screenshot("lab-checked");

        lab.chooseLanguage("简体中文");
        assertThat(lab.instructions()).containsText("以挂起方式创建 notepad.exe");
        lab.check();
        assertThat(lab.checkpoint("resumed")).containsText("explorer.exe 尚未调用 ResumeThread");
        screenshot("lab-checked-zh");
    }

    @Test
    void anInstructorReGradesALabForTheirStudentsOnlyAndSeesTheResult() {
        String teacher = uniqueUsername("teacher");
        accounts.create(teacher, PASSWORD, Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(teacher, "Re-graded class");
        String student = uniqueUsername("regraded");
        accounts.signUpStudent(student, PASSWORD, classroom.getJoinCode());
        labs.openLab(student, "09-termination");
        // Issue 14 finding 3: another instructor's student is never re-graded from this page.
        String stranger = uniqueUsername("not-taught");
        accounts.create(stranger, PASSWORD, Role.STUDENT);
        labs.openLab(stranger, "09-termination");
        new LoginPage(page).open(url("")).signIn(teacher, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));

        page.navigate(url("labs"));
        page.locator("#regrade-lab").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Termination: ExitProcess, TerminateProcess and the last handle")).click();
        page.locator("#regrade-start").click();

        assertThat(page.locator("#regrade-status")).containsText("Re-graded");
        assertThat(page.locator("#regrade-status")).containsText("student machine(s)");
        assertThat(page.locator("#regrade-results")).containsText(student + ": 0 of 3 checkpoints passed");
        assertThat(page.locator("#regrade-results")).not().containsText(stranger);
        screenshot("lab-regrade");
    }

    @Test
    void anUnknownLabSaysNotFound() {
        signedIn(page, "lab", Role.STUDENT);
        page.navigate(url("lab/99-nope"));
        assertThat(page.getByText("There is no lab '99-nope'.")).isVisible();
    }
}
