package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A lab as a student works on it: instructions, checkpoints, the Check button and the console. */
public class LabPage {

    private final Page page;
    private final WorkspacePage console;

    public LabPage(Page page) {
        this.page = page;
        this.console = new WorkspacePage(page);
    }

    /** From the sandbox: follow the Labs link, then the lab's title. */
    public LabPage openFromWorkspace(String labTitle) {
        page.locator("#labs-link").click();
        page.locator("#lab-list").waitFor();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(labTitle)).click();
        page.waitForURL(url -> url.contains("/lab/"));
        console.commandLine().waitFor();
        return this;
    }

    public Locator instructions() {
        return page.locator("#lab-readme");
    }

    public void run(String command) {
        console.run(command);
    }

    public Locator lastAnswer() {
        return console.lastAnswer();
    }

    public void check() {
        page.locator("#check-button").click();
    }

    public Locator checkpoint(String id) {
        return page.locator("#checkpoint-" + id);
    }

    /** Opens the lab by its address (a signed-in student). */
    public LabPage open(String labUrl) {
        page.navigate(labUrl);
        console.commandLine().waitFor();
        return this;
    }

    /** Types a command and fails when the machine rejects it: a README's commands must all be accepted. */
    public void runAccepted(String command) {
        console.run(command);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(console.lastAnswer().locator(".rejected")).hasCount(0);
    }

    /** Presses Check and waits until the server has redrawn the checkpoints (the list counts the checks it showed). */
    public void checkAndWait() {
        String before = page.locator("#checkpoints").getAttribute("data-checks");
        page.locator("#check-button").click();
        page.waitForCondition(() -> !java.util.Objects.equals(page.locator("#checkpoints").getAttribute("data-checks"), before));
    }

    public Locator completion() {
        return page.locator("#lab-complete");
    }

    public Locator commandLine() {
        return console.commandLine();
    }

    /** The app-wide language switch; the page reloads in the chosen language. */
    public void chooseLanguage(String label) {
        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label)).click();
        page.waitForLoadState();
        console.commandLine().waitFor();
    }
}
