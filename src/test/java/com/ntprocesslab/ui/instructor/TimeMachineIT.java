package com.ntprocesslab.ui.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.machine.MachineForkRepository;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.ClassGridPage;
import com.ntprocesslab.ui.pages.ClassesPage;
import com.ntprocesslab.ui.pages.MachinePanels;
import com.ntprocesslab.ui.pages.StudentMachinePage;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An instructor scrubs a student's history from the grid, forks a moment for themselves and hands one back. */
class TimeMachineIT extends BrowserTest {

    private static final String LAB = "04-suspended-start";
    private static final String LAB_TITLE = "CREATE_SUSPENDED: a process whose first thread has not run";
    private static final String CREATE_SUSPENDED = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED";

    @Autowired
    LabMachines labs;
    @Autowired
    LabChecks checks;
    @Autowired
    MachineSessions sessions;
    @Autowired
    MachineForkRepository forks;

    private record Student(String name, long machine, int suspendedAt, int commands) {
    }

    /** A student who created notepad suspended (checked: two checkpoints reached there), then resumed it. */
    private Student studentWhoWorked(String className) {
        String code = new ClassesPage(page).open(url("")).create(className);
        String name = uniqueUsername("scrubbed");
        accounts.signUpStudent(name, PASSWORD, code);
        long machine = labs.openLab(name, LAB);
        sessions.submit(machine, name, CREATE_SUSPENDED);
        int suspendedAt = sessions.history(machine, name).size();
        checks.check(name, LAB);
        sessions.submit(machine, name, ".call explorer.exe ResumeThread $hThread");
        sessions.submit(machine, name, "g");
        return new Student(name, machine, suspendedAt, sessions.history(machine, name).size());
    }

    @Test
    void aGridCellOpensTheMomentItsCheckpointWasReachedAndTheScrubberRebuildsAnyOther() {
        signedIn(page, "scrubber", Role.INSTRUCTOR);
        String className = "Scrubbing " + uniqueUsername("class");
        Student student = studentWhoWorked(className);
        ClassGridPage grid = new ClassGridPage(page).openFromClasses(className).chooseLab(LAB_TITLE);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Show the machine of " + student.name() + " when created-suspended was first reached")).click();
        StudentMachinePage machine = new StudentMachinePage(page).waitUntilReplayed();

        assertThat(page).hasURL(Pattern.compile("/instructor/machine/" + student.machine() + "\\?at=" + student.suspendedAt() + "$"));
        assertThat(machine.moment()).containsText("After command " + student.suspendedAt() + " of " + student.commands());
        // both checkpoints were first reached by the same command: one marker names them
        assertThat(machine.markers()).hasCount(1);
        assertThat(machine.markers().first()).hasAttribute("aria-label",
                "Checkpoint created-suspended, registered-while-suspended first reached after command " + student.suspendedAt());
        MachinePanels panels = new MachinePanels(page);
        assertThat(panels.processCell("notepad.exe")).isVisible();
        assertThat(machine.commandRows().getByText(CREATE_SUSPENDED)).isVisible();
        assertThat(machine.commandRows().getByText(Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$")).first()).isVisible();
        screenshot("time-machine-1280");
        page.setViewportSize(1920, 1080);
        screenshot("time-machine-1920");
        page.setViewportSize(1280, 800);

        machine.previous();
        assertThat(machine.moment()).containsText("After command " + (student.suspendedAt() - 1) + " of ");
        assertThat(panels.processCell("notepad.exe")).hasCount(0);
        assertThat(page).hasURL(Pattern.compile("\\?at=" + (student.suspendedAt() - 1) + "$"));

        machine.scrubToCommand(student.commands());
        assertThat(machine.moment()).containsText("After command " + student.commands() + " of " + student.commands());
        assertThat(page.locator("#console-transcript")).containsText("ResumeThread");
        machine.markers().first().click();
        assertThat(machine.moment()).containsText("After command " + student.suspendedAt() + " of ");

        long middle = (machine.firstStep() + machine.lastStep()) / 2;
        machine.scrubToStep(middle);
        assertThat(machine.moment()).containsText("At step " + middle + " of " + machine.lastStep());
        assertThat(page).hasURL(Pattern.compile("\\?step=" + middle + "$"));

        page.navigate(page.url());
        new StudentMachinePage(page).waitUntilReplayed();
        assertThat(machine.moment()).containsText("At step " + middle + " of ");

        machine.open(url("instructor/machine/" + student.machine() + "?at=middle"));
        assertThat(machine.outcome()).containsText("The address names no moment this page knows");
        assertThat(machine.moment()).containsText("After command " + student.commands() + " of " + student.commands());

        List<String> csv = machine.downloadHistory("#history-csv").lines().toList();
        assertThat(csv.getFirst()).isEqualTo("command_index,accepted_at,command,output");
        assertThat(csv.get(1)).startsWith("1,20").contains(CREATE_SUSPENDED);
        assertThat(machine.downloadHistory("#history-json")).contains("\"student\" : \"" + student.name() + "\"", "\"acceptedAt\"");

        machine.backToClass();
        assertThat(grid.grid()).hasAttribute("aria-label", "Students and checkpoints of " + LAB_TITLE);
        assertThat(sessions.history(student.machine(), student.name())).hasSize(student.commands());
    }

    @Test
    void aForkOfAMomentIsTheInstructorsOwnMachineAndAHandedBackCopyBecomesTheStudentsMachine() {
        String instructor = signedIn(page, "forker", Role.INSTRUCTOR);
        Student student = studentWhoWorked("Forking " + uniqueUsername("class"));
        List<ConsoleEntry> before = sessions.history(student.machine(), student.name());
        StudentMachinePage machine = new StudentMachinePage(page)
                .open(url("instructor/machine/" + student.machine() + "?at=" + student.suspendedAt()));

        machine.forkIntoMySandbox();

        assertThat(machine.outcome()).containsText("Your sandbox machine");
        screenshot("time-machine-forked");
        Locator open = machine.outcome().getByRole(AriaRole.LINK);
        long fork = Long.parseLong(open.textContent().replaceAll("\\D", ""));
        assertThat(forks.findByForkMachineId(fork)).hasValueSatisfying(row -> {
            assertThat(row.getSourceMachineId()).isEqualTo(student.machine());
            assertThat(row.getSourceCommand()).isEqualTo(student.suspendedAt());
        });
        List<ConsoleEntry> forked = sessions.history(fork, instructor);
        assertThat(forked).hasSize(student.suspendedAt() + 1);
        assertThat(forked.getLast().command()).isEqualTo(".fork");
        open.click();
        page.waitForURL(u -> u.contains("/machine/" + fork));
        assertThat(new MachinePanels(page).processCell("notepad.exe")).isVisible();

        machine.open(url("instructor/machine/" + student.machine() + "?at=" + student.suspendedAt()));
        machine.handToStudent();

        assertThat(machine.outcome()).containsText(student.name() + " now works on machine");
        long copy = labs.openLab(student.name(), LAB);
        assertThat(copy).isNotEqualTo(student.machine()).isNotEqualTo(fork);
        assertThat(sessions.history(copy, student.name())).hasSize(student.suspendedAt() + 1);
        assertThat(sessions.history(student.machine(), student.name())).isEqualTo(before);
        assertThat(sessions.status(student.machine(), student.name()).active()).isFalse();
    }
}
