package com.ntprocesslab.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.ntprocesslab.Application;
import com.ntprocesslab.CommandMix;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The console as a student feels it, in Chromium through the running application (one node,
 * H2, in this JVM): on a machine whose transcript has {@code ntlab.bench.browser.history}
 * (1,000) entries, the time from pressing Enter to the answer standing in the transcript, at
 * the median and p99 over {@code ntlab.bench.browser.commands} (200) commands; beside it the
 * round trip of a bare Vaadin button on the same page (a click whose listener only changes the
 * button's text), which is the floor the framework sets. Both are timed inside the page
 * ({@code performance.now()} from the key or click to the DOM change), so Playwright's own
 * messaging is not in them. Then the server's heap per open workspace page, with 1 and with
 * 30 pages (tabs of the student's browser on that machine) open, after a full GC each time.
 */
public final class BrowserBenchmark {

    private static final int HISTORY = Integer.getInteger("ntlab.bench.browser.history", 1_000);
    private static final int COMMANDS = Integer.getInteger("ntlab.bench.browser.commands", 200);
    private static final int PAGES = Integer.getInteger("ntlab.bench.browser.pages", 30);
    private static final String STUDENT = "browser-bench";
    private static final String PASSWORD = "browser-bench-pass-1";
    private static final String FLOOR_BUTTON = "bench-floor";

    /** Starts timing at the Enter key on the command line; done when a new block stands and none waits for its answer. */
    private static final String ARM_CONSOLE = """
            () => {
              const input = document.querySelector('#console-input input');
              const transcript = document.querySelector('#console-transcript');
              const timing = window.__benchConsole = {start: 0, elapsed: -1, before: 0};
              const answered = () => transcript.querySelectorAll('pre').length > timing.before
                  && transcript.querySelectorAll('pre.pending').length === 0;
              input.addEventListener('keydown', e => {
                if (e.key === 'Enter') { timing.before = transcript.querySelectorAll('pre').length; timing.start = performance.now(); timing.elapsed = -1; }
              }, true);
              new MutationObserver(() => {
                if (timing.start && timing.elapsed < 0 && answered()) { timing.elapsed = performance.now() - timing.start; }
              }).observe(transcript, {childList: true, subtree: true, attributes: true, characterData: true});
            }""";

    /** Starts timing at the click on the bare button; done when the server's new text is in it. */
    private static final String ARM_FLOOR = """
            () => {
              const button = document.getElementById('%s');
              const timing = window.__benchFloor = {start: 0, elapsed: -1, text: ''};
              button.addEventListener('click', () => { timing.text = button.textContent; timing.start = performance.now(); timing.elapsed = -1; }, true);
              new MutationObserver(() => {
                if (timing.start && timing.elapsed < 0 && button.textContent !== timing.text) { timing.elapsed = performance.now() - timing.start; }
              }).observe(button, {childList: true, subtree: true, characterData: true});
            }""".formatted(FLOOR_BUTTON);

    private BrowserBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== Browser benchmark: Chromium through one node (H2, this JVM), a " + HISTORY + "-entry transcript, "
                + COMMANDS + " commands; heap with 1 and " + PAGES + " workspace pages ==");
        try (ConfigurableApplicationContext node = start();
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Paths.get("/usr/bin/chromium")).setHeadless(true)
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                             "--no-first-run", "--disable-sync", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost")))) {
            String baseUrl = "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + "/";
            long machine = machineWithHistory(node);
            try (BrowserContext student = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
                student.setDefaultTimeout(60_000);
                Page first = student.newPage();
                new LoginPage(first).open(baseUrl).signIn(STUDENT, PASSWORD);
                first.waitForURL(u -> !u.contains("/login"));
                long heapWithoutPage = usedHeapAfterGc();
                WorkspacePage workspace = open(first, baseUrl, machine);
                long heapWithOnePage = usedHeapAfterGc();

                double[] console = timeConsole(first, workspace);
                double[] floor = timeFloor(first);
                for (int i = 1; i < PAGES; i++) {
                    open(student.newPage(), baseUrl, machine);
                }
                long heapWithAllPages = usedHeapAfterGc();

                System.out.printf(Locale.ROOT, "%-44s %10s %10s%n", "", "median", "p99");
                System.out.printf(Locale.ROOT, "%-44s %8.1f ms %7.1f ms%n", "Enter to answer (" + HISTORY + "-entry transcript)",
                        percentile(console, 0.50), percentile(console, 0.99));
                System.out.printf(Locale.ROOT, "%-44s %8.1f ms %7.1f ms%n", "bare Vaadin button round trip (the floor)",
                        percentile(floor, 0.50), percentile(floor, 0.99));
                System.out.printf(Locale.ROOT, "server heap per open workspace page: %.1f MB with 1 page, %.1f MB each with %d pages%n",
                        (heapWithOnePage - heapWithoutPage) / 1e6, (heapWithAllPages - heapWithoutPage) / 1e6 / PAGES, PAGES);
            }
        }
    }

    /** One node in this JVM whose every page carries a bare button: a click, a round trip, a new text, nothing else. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("benchFloorButton", VaadinServiceInitListener.class,
                        () -> service -> service.getSource().addUIInitListener(init -> {
                            Button floor = new Button("0");
                            floor.setId(FLOOR_BUTTON);
                            floor.addClickListener(click -> floor.setText(String.valueOf(Integer.parseInt(floor.getText()) + 1)));
                            init.getUI().add(floor);
                        })))
                .run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /** The student and their sandbox with the history already typed (through the service, as the console would). */
    private static long machineWithHistory(ConfigurableApplicationContext node) {
        node.getBean(AccountService.class).create(STUDENT, PASSWORD, Role.STUDENT);
        MachineSessions sessions = node.getBean(MachineSessions.class);
        long machine = sessions.openSandbox(STUDENT);
        for (int i = 0; i < HISTORY; i++) {
            sessions.submit(machine, STUDENT, CommandMix.command(i));
        }
        return machine;
    }

    private static WorkspacePage open(Page tab, String baseUrl, long machine) {
        tab.navigate(baseUrl + "machine/" + machine);
        WorkspacePage workspace = new WorkspacePage(tab);
        workspace.commandLine().waitFor();
        workspace.blocks().last().waitFor();
        workspace.waitUntilAnswered();
        return workspace;
    }

    private static double[] timeConsole(Page page, WorkspacePage workspace) {
        page.evaluate(ARM_CONSOLE);
        double[] elapsed = new double[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            workspace.commandLine().fill(CommandMix.command(HISTORY + i));
            workspace.commandLine().press("Enter");
            page.waitForFunction("() => window.__benchConsole.elapsed >= 0");
            elapsed[i] = ((Number) page.evaluate("() => window.__benchConsole.elapsed")).doubleValue();
        }
        return elapsed;
    }

    private static double[] timeFloor(Page page) {
        page.evaluate(ARM_FLOOR);
        double[] elapsed = new double[COMMANDS];
        for (int i = 0; i < COMMANDS; i++) {
            page.locator("#" + FLOOR_BUTTON).click();
            page.waitForFunction("() => window.__benchFloor.elapsed >= 0");
            elapsed[i] = ((Number) page.evaluate("() => window.__benchFloor.elapsed")).doubleValue();
        }
        return elapsed;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
