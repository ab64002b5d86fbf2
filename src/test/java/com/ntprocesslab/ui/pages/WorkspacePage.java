package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A student's machine: the console transcript and its command line. */
public class WorkspacePage {

    private final Page page;

    public WorkspacePage(Page page) {
        this.page = page;
    }

    /** Waits for the machine page; from the lab catalog (where students land) it follows the sandbox link first. */
    public WorkspacePage waitUntilShown() {
        page.waitForURL(url -> url.contains("/machine/") || url.contains("/labs"));
        if (!page.url().contains("/machine/")) {
            page.locator("#sandbox-link").click();
        }
        page.waitForURL(url -> url.contains("/machine/"));
        commandLine().waitFor();
        return this;
    }

    /** Types a command and waits until its answer is in the transcript. */
    public void run(String command) {
        int before = blocks().count();
        commandLine().fill(command);
        commandLine().press("Enter");
        page.waitForCondition(() -> blocks().count() > before);
        waitUntilAnswered();
    }

    /** Types each command and presses Enter at once, without waiting for the answers (they queue). */
    public void typeQuickly(java.util.List<String> commands) {
        for (String command : commands) {
            commandLine().fill(command);
            commandLine().press("Enter");
        }
    }

    /** Waits until no command in the transcript is waiting for its answer. */
    public void waitUntilAnswered() {
        page.waitForCondition(() -> page.locator("#console-transcript pre.pending").count() == 0);
    }

    public Locator commandLine() {
        return page.locator("#console-input input");
    }

    public Locator transcript() {
        return page.locator("#console-transcript");
    }

    public Locator blocks() {
        return page.locator("#console-transcript pre");
    }

    /** The machine id in the page's URL. */
    public long machineId() {
        String url = page.url();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1).replaceAll("[^0-9].*", ""));
    }

    /** Asks for a fresh machine and confirms in the dialog. */
    public void reset() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset machine")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset").setExact(true)).click();
    }

    /** Types without sending, then presses a key (Tab, ArrowUp ...) and waits for the line to change. */
    public void typeAndPress(String text, String key) {
        commandLine().fill(text);
        String before = commandLine().inputValue();
        commandLine().press(key);
        page.waitForCondition(() -> !commandLine().inputValue().equals(before));
    }

    public void press(String key) {
        String before = commandLine().inputValue();
        commandLine().press(key);
        page.waitForCondition(() -> !commandLine().inputValue().equals(before));
    }

    public Locator completions() {
        return page.locator("#console-completions");
    }

    public MachinePanels panels() {
        return new MachinePanels(page);
    }

    public Locator lastAnswer() {
        return blocks().last();
    }
}
