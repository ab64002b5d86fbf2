package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;

/** An instructor's class results: the students x checkpoints grid, re-grade, CSV and read-only machines. */
public class ClassGridPage {

    private final Page page;

    public ClassGridPage(Page page) {
        this.page = page;
    }

    public ClassGridPage open(String classGridUrl) {
        page.navigate(classGridUrl);
        return this;
    }

    /** From the classes page: the class's Results link. */
    public ClassGridPage openFromClasses(String className) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Results of " + className)).click();
        page.waitForURL(url -> url.contains("/instructor/class/"));
        grid().waitFor();
        return this;
    }

    /** Picks the lab whose results the grid shows. */
    public ClassGridPage chooseLab(String labTitle) {
        page.locator("#grid-lab input").fill(labTitle);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(labTitle)).click();
        // The grid names its lab once the server has redrawn it.
        page.locator("#class-grid[aria-label$=\"" + labTitle.replace("\"", "\\\"") + "\"]").waitFor();
        return this;
    }

    public Locator grid() {
        return page.locator("#class-grid");
    }

    /** A student's row as text, cells joined with '|'. */
    public String row(String student) {
        return (String) grid().evaluate("(grid, name) => { const rows = [...grid.shadowRoot.querySelectorAll('tr[part~=\"row\"]')];"
                + " const cellsOf = r => [...r.querySelectorAll('slot')].map(s => s.assignedElements()[0]).filter(e => e);"
                + " const row = rows.find(r => (cellsOf(r)[0]?.textContent ?? '') === name);"
                + " return row ? cellsOf(row).map(c => c.textContent).join('|') : ''; }", student);
    }

    public void regrade() {
        page.locator("#regrade").click();
    }

    public Locator regradeStatus() {
        return page.locator("#regrade-status");
    }

    /** Clicks the CSV link and returns the downloaded file's text. */
    public String downloadCsv() {
        return download("#csv-download");
    }

    /** Clicks the JSON link and returns the downloaded file's text. */
    public String downloadJson() {
        return download("#json-download");
    }

    private String download(String link) {
        Download download = page.waitForDownload(() -> page.locator(link).click());
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The downloaded CSV could not be read", e);
        }
    }

    public void openMachineOf(String student) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the machine of " + student + " read-only")).click();
        page.waitForURL(url -> url.contains("/instructor/machine/"));
    }

    public Locator notFound() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"));
    }
}
