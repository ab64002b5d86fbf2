package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.StudentMachinePage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** An instructor lands on their dashboard, sees who is stuck and what was typed, and manages their classes. */
class DashboardIT extends BrowserTest {

    private static final String LAB = "04-suspended-start";

    @Autowired
    LabMachines labs;
    @Autowired
    MachineSessions sessions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDashboardShowsTheClassesWhoIsStuckAndTheLatestCommandsEachLeadingToTheMoment() {
        signedIn(page, "dash", Role.INSTRUCTOR);
        String className = "Dashboard " + uniqueUsername("class");
        String code = new ClassesPage(page).open(url("")).create(className);
        String student = uniqueUsername("stuck");
        accounts.signUpStudent(student, PASSWORD, code);
        long machine = labs.openLab(student, LAB);
        jdbc.update("UPDATE machine SET created_at = DATEADD('MINUTE', -25, CURRENT_TIMESTAMP) WHERE id = ?", machine);
        sessions.submit(machine, student, "!process 0 0");

        page.navigate(url(""));

        assertThat(page).hasURL(Pattern.compile("/instructor$"));
        assertThat(page.locator("#dashboard-classes")).containsText(className);
        assertThat(page.locator("#dashboard-stuck")).containsText(student);
        assertThat(page.locator("#dashboard-stuck")).containsText("created-suspended");
        assertThat(page.locator("#dashboard-recent")).containsText("!process 0 0");
        screenshot("dashboard-1280");
        page.setViewportSize(1920, 1080);
        screenshot("dashboard-1920");
        page.setViewportSize(1280, 800);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show the machine of " + student + " after command "
                + sessions.history(machine, student).size())).click();
        assertThat(new StudentMachinePage(page).waitUntilReplayed().moment()).containsText("After command "
                + sessions.history(machine, student).size() + " of ");
    }

    @Test
    void classesAreRenamedWithUniqueNamesArchivedAndDeleted() {
        signedIn(page, "manager", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        String first = "Managed " + uniqueUsername("class");
        String second = "Managed " + uniqueUsername("class");
        classes.create(first);
        classes.create(second);

        classes.rename(second, first.toUpperCase());
        assertThat(classes.renameError()).containsText("You already have a class named '" + first.toUpperCase() + "'");
        page.locator("#rename-class input").fill(second + " (spring)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name")).click();
        assertThat(classes.row(second + " (spring)")).isVisible();

        classes.archive(first);
        assertThat(page.getByText(first + " is archived")).isVisible();
        assertThat(classes.classes()).containsText("archived");
        screenshot("classes-managed");

        classes.delete(second + " (spring)");
        assertThat(page.getByText(second + " (spring) was deleted.")).isVisible();
        assertThat(classes.row(second + " (spring)")).hasCount(0);
        assertThat(classes.row(first).first()).isVisible();
    }
}
