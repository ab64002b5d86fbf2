package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassGridPage;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.MachinePanels;
import com.ntprocesslab.ui.pages.WorkspacePage;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClassResultsIT extends BrowserTest {

    private static final String LAB = "04-suspended-start";
    private static final String LAB_TITLE = "CREATE_SUSPENDED: a process whose first thread has not run";
    private static final String CREATE_SUSPENDED = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED";

    @Autowired
    LabMachines labs;

    @Autowired
    LabChecks checks;

    @Autowired
    MachineSessions sessions;

    /** A class of two: one student worked on the lab (checked once, then resumed the thread without checking), one never opened it. */
    private record Class(String name, String worker, String idle, long workersMachine) {
    }

    private Class classWithOneWorkingStudent(ClassesPage classes) {
        String name = "Internals " + uniqueUsername("class");
        String code = classes.create(name);
        String worker = uniqueUsername("worker");
        String idle = uniqueUsername("idle");
        accounts.signUpStudent(worker, PASSWORD, code);
        accounts.signUpStudent(idle, PASSWORD, code);
        long machine = labs.openLab(worker, LAB);
        sessions.submit(machine, worker, CREATE_SUSPENDED);
        checks.check(worker, LAB);
        sessions.submit(machine, worker, ".call explorer.exe ResumeThread $hThread");
        sessions.submit(machine, worker, "g");
        return new Class(name, worker, idle, machine);
    }

    @Test
    void theGridShowsEachStudentsCheckpointsAndARegradeCatchesUpWithTheirMachine() {
        signedIn(page, "teacher", Role.INSTRUCTOR);
        ClassesPage classes = new ClassesPage(page).open(url(""));
        Class group = classWithOneWorkingStudent(classes);

        ClassGridPage grid = new ClassGridPage(page).openFromClasses(group.name()).chooseLab(LAB_TITLE);

        assertThat(grid.row(group.worker())).startsWith(group.worker() + "|passed · 1 check(s)|passed · 1 check(s)|not reached yet · 1 check(s)|2 / 3|");
        assertThat(grid.row(group.worker())).endsWith("|Open read-only");
        assertThat(grid.row(group.idle())).isEqualTo(group.idle() + "|not tried|not tried|not tried|0 / 3|—|not opened yet");
        screenshot("class-grid");

        grid.regrade();

        assertThat(grid.regradeStatus()).hasText("Re-grade finished: 1 machine(s) replayed and graded.");
        // Graded again over the machine's history: the thread was resumed after the student's check, and
        // what was reached before stays reached.
        assertThat(grid.row(group.worker())).startsWith(group.worker() + "|passed · 1 check(s)|passed · 1 check(s)|passed · 1 check(s)|3 / 3|");
        screenshot("class-grid-regraded");
    }

    @Test
    void theCsvHoldsOneRowPerStudentWithEveryCheckpoint() {
        signedIn(page, "csv-teacher", Role.INSTRUCTOR);
        Class group = classWithOneWorkingStudent(new ClassesPage(page).open(url("")));
        ClassGridPage grid = new ClassGridPage(page).openFromClasses(group.name()).chooseLab(LAB_TITLE);

        List<String> lines = grid.downloadCsv().lines().toList();

        assertThat(lines.getFirst()).isEqualTo("student,passed,checkpoints,last_activity,created-suspended,created-suspended_attempts,"
                + "created-suspended_reached_at_command,registered-while-suspended,registered-while-suspended_attempts,"
                + "registered-while-suspended_reached_at_command,resumed,resumed_attempts,resumed_reached_at_command");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(group.worker() + ",2,3,").endsWith(",passed,1,1,passed,1,1,not reached,1,");
        assertThat(lines.get(2)).isEqualTo(group.idle() + ",0,3,,not tried,0,,not tried,0,,not tried,0,");
    }

    @Test
    void theJsonNamesWhereAndWhenEachCheckpointWasFirstReached() {
        signedIn(page, "json-teacher", Role.INSTRUCTOR);
        Class group = classWithOneWorkingStudent(new ClassesPage(page).open(url("")));
        ClassGridPage grid = new ClassGridPage(page).openFromClasses(group.name()).chooseLab(LAB_TITLE);

        JsonNode results = JsonMapper.builder().build().readTree(grid.downloadJson());

        assertThat(results.get("lab").asString()).isEqualTo(LAB);
        JsonNode worker = results.get("students").get(0);
        assertThat(worker.get("student").asString()).isEqualTo(group.worker());
        JsonNode reached = worker.get("checkpoints").get(0).get("reached");
        assertThat(reached.get("machineId").asLong()).isEqualTo(group.workersMachine());
        assertThat(reached.get("commandIndex").asLong()).isEqualTo(1);
        assertThat(reached.get("command").asString()).isEqualTo(CREATE_SUSPENDED);
        assertThat(Instant.parse(reached.get("at").asString())).isBefore(Instant.now());
        assertThat(worker.get("checkpoints").get(2).get("state").asString()).isEqualTo("not reached");
        assertThat(results.get("students").get(1).get("checkpoints").get(0).get("state").asString()).isEqualTo("not tried");
    }

    @Test
    void aStudentsMachineOpensReadOnlyWithTheirHistoryAndStaysUnchanged() {
        signedIn(page, "observer", Role.INSTRUCTOR);
        Class group = classWithOneWorkingStudent(new ClassesPage(page).open(url("")));
        long logBefore = sessions.read(group.workersMachine(), group.worker()).logPosition();
        ClassGridPage grid = new ClassGridPage(page).openFromClasses(group.name()).chooseLab(LAB_TITLE);

        grid.openMachineOf(group.worker());

        WorkspacePage machine = new WorkspacePage(page);
        assertThat(page.locator("#read-only-note")).containsText("Read-only");
        assertThat(machine.blocks().filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("CREATE_SUSPENDED")).first()).isVisible();
        assertThat(machine.lastAnswer()).containsText("0: kd> g");
        MachinePanels panels = new MachinePanels(page);
        assertThat(panels.processCell("notepad.exe")).isVisible();
        assertThat(page.locator("#console-input")).isHidden();
        assertThat(page.locator("#step-buttons vaadin-button")).hasCount(7);
        assertThat(page.locator("#step-buttons vaadin-button").first()).isHidden();
        assertThat(page.getByText("Reset machine")).hasCount(0);
        screenshot("student-machine-read-only");
        assertThat(sessions.read(group.workersMachine(), group.worker()).logPosition()).isEqualTo(logBefore);
    }

    @Test
    void anotherInstructorFindsNeitherTheClassNorItsMachinesAndAStudentIsRefused() {
        signedIn(page, "owner", Role.INSTRUCTOR);
        Class group = classWithOneWorkingStudent(new ClassesPage(page).open(url("")));
        String classUrl = new ClassGridPage(page).openFromClasses(group.name()).grid().isVisible() ? page.url() : "";
        context.clearCookies();

        signedIn(page, "stranger", Role.INSTRUCTOR);
        ClassGridPage grid = new ClassGridPage(page).open(classUrl);
        assertThat(grid.notFound()).isVisible();
        assertThat(page.locator("#class-grid")).hasCount(0);
        grid.open(url("instructor/machine/" + group.workersMachine()));
        assertThat(grid.notFound()).isVisible();
        assertThat(page.locator("#console-transcript")).hasCount(0);
        context.clearCookies();

        signedIn(page, "pupil", Role.STUDENT);
        grid.open(classUrl);
        assertThat(page.locator("#not-found")).isVisible();
        assertThat(page.locator("#class-grid")).hasCount(0);
        grid.open(url("instructor/machine/" + group.workersMachine()));
        assertThat(page.locator("#not-found")).isVisible();
        grid.open(url("machine/" + group.workersMachine()));
        assertThat(page.getByText("Machine " + group.workersMachine() + " was not found.")).isVisible();
        screenshot("student-refused");
        assertThat(sessions.history(group.workersMachine(), group.worker())).hasSize(3);
    }
}
