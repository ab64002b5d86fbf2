package com.ntprocesslab.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.pages.LoginPage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser tests drive the real server in Debian's Chromium. All of them share one Spring
 * context (same configuration) and one browser; each test gets a fresh browser context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static Playwright playwright;
    private static Browser browser;

    protected static final String PASSWORD = "correct-horse-9";

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountService accounts;

    @Autowired
    private LabCatalog labCatalog;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        // The server starts before its labs are verified; these tests start from the whole catalog.
        labCatalog.loading().join();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    /** Starts over in a browser whose clock is in {@code timeZoneId} (for pages that show times). */
    protected void browseFrom(String timeZoneId) {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setTimezoneId(timeZoneId));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    /** Creates an account directly (sign-up itself has its own test) and signs in on the given page. */
    protected String signedIn(Page onPage, String prefix, Role role) {
        String username = uniqueUsername(prefix);
        accounts.create(username, PASSWORD, role);
        new LoginPage(onPage).open(url("")).signIn(username, PASSWORD);
        onPage.waitForURL(u -> !u.contains("/login"));
        return username;
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    /** A user name no other test uses, even across runs on the same database. */
    protected static String uniqueUsername(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
    }

    /** Keeps a picture of the page for people to review under target/screenshots. */
    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")).setFullPage(true));
    }
}
