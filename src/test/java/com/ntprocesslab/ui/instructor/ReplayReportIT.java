package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ReplayReportIT extends BrowserTest {

    @Autowired
    MachineSessions sessions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ClassroomService classrooms;

    @Test
    void anInstructorSeesWhichMachineOfTheirStudentsReplaysDifferently() {
        String teacher = uniqueUsername("teacher");
        accounts.create(teacher, PASSWORD, Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(teacher, "Replay class");
        String student = uniqueUsername("old-log");
        accounts.signUpStudent(student, PASSWORD, classroom.getJoinCode());
        long machineId = sessions.openSandbox(student);
        // A command accepted long ago by an older kernel, whose answer this kernel no longer gives.
        jdbc.update("INSERT INTO command_log (machine_id, seq, command, output, kernel_version, accepted_at) "
                + "VALUES (?, 1, '!process 0 0', 'PROCESS (older format)', '0.0.1', CURRENT_TIMESTAMP)", machineId);
        sessions.evict(machineId);
        sessions.snapshot(machineId, student);

        new LoginPage(page).open(url("")).signIn(teacher, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Replay report")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Replay report"))).isVisible();
        assertThat(page.getByText("1 logged commands answer differently on replay")).isVisible();
        assertThat(page.locator("#divergences")).containsText("0.0.1");
        assertThat(page.locator("#divergences vaadin-grid-cell-content")
                .getByText(Long.toString(machineId), new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        screenshot("replay-report");
    }

    @Test
    void aStudentIsRefusedTheInstructorPage() {
        signedIn(page, "pupil", Role.STUDENT);

        page.navigate(url(ReplayReportView.ROUTE));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Replay report"))).hasCount(0);
        assertThat(page.locator("#divergences")).hasCount(0);
    }
}
