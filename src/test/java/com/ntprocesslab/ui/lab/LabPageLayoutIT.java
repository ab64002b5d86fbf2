package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.LoginPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lab page stays usable however long the session: the command line on screen, the console at its newest line. */
class LabPageLayoutIT extends BrowserTest {

    private static final String LONG_CALL = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS";

    @Autowired
    LabMachines machines;

    @Autowired
    MachineSessions sessions;

    @Autowired
    ClassroomService classrooms;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void afterTwoHundredCommandsTheCommandLineIsOnScreenAndTheConsoleShowsTheNewestAnswer() {
        String student = signedIn(page, "long-session", Role.STUDENT);
        long machine = machines.openLab(student, "01-tour");
        for (int i = 0; i < 199; i++) {
            sessions.submit(machine, student, i % 2 == 0 ? "!process 0 0" : LONG_CALL);
        }
        for (int[] size : List.of(new int[] {1280, 800}, new int[] {1920, 1080})) {
            page.setViewportSize(size[0], size[1]);
            LabPage lab = new LabPage(page).open(url("lab/01-tour"));
            lab.runAccepted("!process 0 0");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots",
                    "lab-after-200-commands-" + size[0] + "x" + size[1] + ".png")));

            BoundingBox line = lab.commandLine().boundingBox();
            assertThat(line.y + line.height).as("the command line's bottom at " + size[0] + "x" + size[1]).isLessThanOrEqualTo(size[1]);
            assertThat(line.y).isGreaterThan(0);
            assertThat(lab.lastAnswer()).isInViewport();
            Object scroll = page.locator("#console-transcript").evaluate("t => [t.scrollHeight, t.clientHeight, t.scrollTop].join(' ')");
            assertThat((Boolean) page.locator("#console-transcript").evaluate(
                    "t => t.scrollHeight > t.clientHeight && t.scrollTop + t.clientHeight >= t.scrollHeight - 4"))
                    .as("the transcript scrolls and stands at its newest line: " + scroll).isTrue();
            assertThat((Boolean) page.locator("#console-transcript").evaluate("t => t.scrollWidth <= t.clientWidth + 1"))
                    .as("long lines wrap inside the console").isTrue();
            assertThat(page.locator("#lab-readme")).isInViewport();
            assertThat(page.locator(".lab-explorer")).isInViewport();
            BoundingBox tree = page.locator("#process-tree").boundingBox();
            assertThat(tree.height).as("the process tree shows the booted machine's processes, not three rows").isGreaterThanOrEqualTo(250);
            assertThat(tree.y + tree.height).isLessThanOrEqualTo(size[1]);
        }
    }

    @Test
    void everyPageHasNoSeriousOrCriticalAccessibilityViolation() {
        new LoginPage(page).open(url(""));
        assertAccessible("login");
        new LoginPage(page).goToSignup();
        page.waitForURL(u -> u.contains("signup"));
        assertAccessible("sign-up");
        String student = signedIn(page, "axe", Role.STUDENT);
        page.navigate(url("labs"));
        page.locator("#lab-list").waitFor();
        assertAccessible("catalog");
        new LabPage(page).open(url("lab/04-suspended-start")).runAccepted("!process 0 0");
        new LabPage(page).checkAndWait();
        assertAccessible("lab page");
        page.navigate(url("labs"));
        page.locator("#sandbox-link").click();
        page.waitForURL(u -> u.contains("/machine/"));
        page.locator("#console-input input").waitFor();
        assertAccessible("sandbox");
        page.locator("#console-input input").focus();
        assertAccessible("sandbox, command line focused");
        assertBusyCommandLineReadable();
        page.navigate(url("profile"));
        page.locator("vaadin-password-field").first().waitFor();
        assertAccessible("profile");

        context.clearCookies();
        // An instructor who is also the administrator sees every page there is.
        String teacher = uniqueUsername("axe-teacher");
        accounts.create(teacher, PASSWORD, Role.INSTRUCTOR);
        jdbc.update("UPDATE account SET admin = TRUE WHERE username = ?", teacher);
        new LoginPage(page).open(url("")).signIn(teacher, PASSWORD);
        page.waitForURL(u -> !u.contains("/login"));
        Classroom classroom = classrooms.create(teacher, "Axe class");
        String pupil = uniqueUsername("axe-pupil");
        accounts.signUpStudent(pupil, PASSWORD, classroom.getJoinCode());
        long pupilsMachine = machines.openLab(pupil, "04-suspended-start");
        sessions.submit(pupilsMachine, pupil, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        page.navigate(url("labs"));
        page.locator("#lab-list").waitFor();
        assertAccessible("instructor's labs");
        page.navigate(url("instructor/classes"));
        page.getByText("Axe class").first().waitFor();
        assertAccessible("classes");
        page.navigate(url("instructor/class/" + classroom.getId()));
        page.locator("vaadin-grid").first().waitFor();
        assertAccessible("class results grid");
        page.navigate(url("instructor/machine/" + pupilsMachine));
        page.locator("#console-transcript").waitFor();
        assertAccessible("a student's machine, read only");
        page.navigate(url("instructor/replay-report"));
        page.locator("#divergences").waitFor();
        assertAccessible("replay report");
        page.navigate(url("profile"));
        page.locator("vaadin-password-field").first().waitFor();
        assertAccessible("instructor's profile");
        page.navigate(url("admin/accounts"));
        page.locator("#create-instructor").waitFor();
        assertAccessible("accounts");
        assertThat(student).isNotBlank();
    }

    /**
     * While a history replays the command line is disabled, and axe leaves disabled fields out;
     * the student still reads its label and help then, so their contrast is measured here, with
     * the field disabled as the server disables it.
     */
    private void assertBusyCommandLineReadable() {
        page.locator("#console-input").evaluate("f => f.disabled = true");
        List<?> ratios = (List<?>) page.locator("#console-input").evaluate("""
                f => {
                    const luminance = rgba => {
                        const [red, green, blue, alpha = 1] = rgba.match(/[\\d.]+/g).map(Number);
                        const [r, g, b] = [red, green, blue].map(v => alpha * v / 255 + (1 - alpha))
                                .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
                        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                    };
                    const ratio = el => (1.05) / (luminance(getComputedStyle(el).webkitTextFillColor) + 0.05);
                    return [ratio(f.querySelector('[slot=label]')), ratio(f.querySelector('[slot=helper]'))];
                }""");
        page.locator("#console-input").evaluate("f => f.disabled = false");
        assertThat(ratios).as("contrast of the busy command line's label and help on white")
                .allSatisfy(ratio -> assertThat(((Number) ratio).doubleValue()).isGreaterThanOrEqualTo(4.5));
    }

    /**
     * axe measures colours as they are painted at that instant: a scan during a page's round trip,
     * a history replay (the command line is disabled then) or a colour fade reads a half-drawn page.
     * Every scan waits until the page stands still.
     */
    private void waitUntilIdle() {
        page.waitForFunction("""
                () => {
                    const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
                    const busy = Object.values(clients).some(client => client.isActive && client.isActive());
                    const fading = document.getAnimations().some(a => a.playState === 'running'
                            && Number.isFinite(a.effect.getComputedTiming().endTime));
                    return !busy && !fading && !document.querySelector('#console-input[disabled]');
                }""");
    }

    private void assertAccessible(String what) {
        waitUntilIdle();
        List<Rule> serious = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .toList();
        assertThat(serious).as(what + ": " + serious.stream().map(r -> r.getId() + " " + r.getNodes().stream()
                .map(n -> n.getTarget().toString()).toList()).toList()).isEmpty();
    }
}
