package com.ntprocesslab.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.SignupPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The department topology on loopback (docker/cluster.sh: PostgreSQL, the built jar twice, nginx
 * with sticky sessions): a student works through nginx in Chromium, the node serving them is
 * killed with SIGKILL, and after signing in again (sessions are per node) the other node shows
 * their machine and history intact and says it reconnected.
 */
class ClusterIT {

    private static final int PORT = 18090;
    private static final Path STATE = Path.of("target", "cluster-it").toAbsolutePath();
    private static final String PASSWORD = "correct-horse-9";
    private static final String BASE = "http://127.0.0.1:" + PORT + "/";

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startCluster() throws Exception {
        // a run that was killed may have left its topology running: stop it before starting afresh
        cluster("stop");
        FileSystemUtils.deleteRecursively(STATE);
        cluster("start");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1")));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (playwright != null) {
            playwright.close();
        }
        cluster("stop");
    }

    @Test
    void aStudentKeepsTheirMachineWhenTheNodeServingThemDies() throws Exception {
        Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)).newPage();
        page.setDefaultTimeout(60_000);
        String student = "cluster-" + ProcessHandle.current().pid();
        LoginPage login = new LoginPage(page).open(BASE);
        login.goToSignup();
        new SignupPage(page).signUp(student, PASSWORD, PASSWORD);
        page.waitForURL(url -> url.contains("/login"));
        login.signIn(student, PASSWORD);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        workspace.run("!process 0 0");
        workspace.run("lm");
        workspace.run("!handle 0 0");
        long machine = workspace.machineId();
        String before = workspace.transcript().innerText();

        String serving = holderOf(machine);
        assertThat(serving).isIn("node-1", "node-2");
        long killedAt = System.nanoTime();
        cluster("kill-node", serving.substring("node-".length()));

        page.navigate(BASE + "machine/" + machine);
        page.waitForURL(url -> url.contains("/login"));
        login.signIn(student, PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(BASE + "machine/" + machine);
        assertThat(page.locator("#machine-reconnected")).containsText("Reconnected", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        System.out.printf("Cluster failover: %d ms from kill -9 of %s to the student's machine shown again on the other node"
                + " (signing in again included).%n", failoverMillis, serving);
        assertThat(page.locator("#machine-reconnected")).containsText(serving);
        assertThat(holderOf(machine)).isNotEqualTo(serving);
        assertThat(workspace.transcript().innerText()).isEqualTo(before);

        workspace.run("!process 0 0");
        assertThat(workspace.lastAnswer()).containsText("Image: System");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "cluster-reconnected.png")).setFullPage(true));
    }

    /** The node whose lease names the machine, read from the cluster's PostgreSQL. */
    private static String holderOf(long machine) throws SQLException, IOException {
        String password = Files.readString(STATE.resolve("db-password")).strip();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + (PORT + 3) + "/ntlab", "ntlab", password);
             PreparedStatement query = db.prepareStatement("SELECT node_id FROM machine_lease WHERE machine_id = ?")) {
            query.setLong(1, machine);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static void cluster(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "docker/cluster.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("NTLAB_CLUSTER_DIR", STATE.toString());
        builder.environment().put("NTLAB_CLUSTER_PORT", Integer.toString(PORT));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // a dead node's machines move after 5 s instead of 15 s
        builder.environment().put("NTLAB_LEASE_DURATION", "5s");
        builder.environment().put("NTLAB_LEASE_RENEW_EVERY", "1s");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("docker/cluster.sh " + String.join(" ", args) + " failed; see " + STATE);
        }
    }
}
