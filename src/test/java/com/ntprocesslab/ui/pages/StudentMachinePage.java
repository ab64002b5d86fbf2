package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The instructor's review of one student's machine: the scrubber, the commands with their times, forks. */
public class StudentMachinePage {

    private final Page page;

    public StudentMachinePage(Page page) {
        this.page = page;
    }

    public StudentMachinePage open(String url) {
        page.navigate(url);
        return waitUntilReplayed();
    }

    public StudentMachinePage waitUntilReplayed() {
        page.locator("#scrubber #moment").waitFor();
        return this;
    }

    /** The sentence naming the moment shown ("After command 3 of 9 · step ..."). */
    public Locator moment() {
        return page.locator("#moment");
    }

    public void scrubToCommand(int command) {
        page.locator("#scrub-command").fill(String.valueOf(command));
    }

    public void scrubToStep(long step) {
        page.locator("#scrub-step").fill(String.valueOf(step));
    }

    public long firstStep() {
        return Long.parseLong(page.locator("#scrub-step").getAttribute("min"));
    }

    public long lastStep() {
        return Long.parseLong(page.locator("#scrub-step").getAttribute("max"));
    }

    public Locator markers() {
        return page.locator("#checkpoint-markers vaadin-button");
    }

    public void previous() {
        page.locator("#scrub-previous").click();
    }

    public Locator commandRows() {
        return page.locator("#command-history vaadin-grid-cell-content");
    }

    public void forkIntoMySandbox() {
        page.locator("#fork-mine").click();
    }

    public void handToStudent() {
        page.locator("#fork-student").click();
    }

    public Locator outcome() {
        return page.locator("#fork-outcome");
    }

    /** Downloads the student's command history (link "#history-csv" or "#history-json") and returns its text. */
    public String downloadHistory(String link) {
        com.microsoft.playwright.Download download = page.waitForDownload(() -> page.locator(link).click());
        try {
            return java.nio.file.Files.readString(download.path(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The downloaded history could not be read", e);
        }
    }

    public void backToClass() {
        page.locator("#back-to-class").click();
        page.waitForURL(url -> url.contains("/instructor/class/"));
    }
}
