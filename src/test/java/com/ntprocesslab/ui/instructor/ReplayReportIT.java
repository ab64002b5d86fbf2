package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ReplayReportIT extends BrowserTest {

    @Autowired
    MachineSessions sessions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anInstructorSeesWhichMachineReplaysDifferently() {
        String student = uniqueUsername("old-log");
        accounts.create(student, PASSWORD, Role.STUDENT);
        long machineId = sessions.openSandbox(student);
        // A command accepted long ago by an older kernel, whose answer this kernel no longer gives.
        jdbc.update("INSERT INTO command_log (machine_id, seq, command, output, kernel_version, accepted_at) "
                + "VALUES (?, 1, '!process 0 0', 'PROCESS (older format)', '0.0.1', CURRENT_TIMESTAMP)", machineId);
        sessions.evict(machineId);
        sessions.snapshot(machineId, student);

        signedIn(page, "teacher", Role.INSTRUCTOR);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Replay report")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Replay report"))).isVisible();
        assertThat(page.getByText("answer differently on replay")).isVisible();
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
