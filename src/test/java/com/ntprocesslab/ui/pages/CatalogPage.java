package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The lab catalog where students land: labs with difficulty and progress, and the sandbox link. */
public class CatalogPage {

    private final Page page;

    public CatalogPage(Page page) {
        this.page = page;
    }

    public CatalogPage waitUntilShown() {
        page.waitForURL(url -> url.contains("/labs"));
        page.locator("#lab-list").waitFor();
        return this;
    }

    public CatalogPage open(String labsUrl) {
        page.navigate(labsUrl);
        return waitUntilShown();
    }

    /** The text of a lab's row: title, difficulty and progress. */
    public String row(String labTitle) {
        return (String) page.locator("#lab-list").evaluate("(grid, title) => { const rows = [...grid.shadowRoot.querySelectorAll('tr[part~=\"row\"]')];"
                + " const cellsOf = r => [...r.querySelectorAll('slot')].map(s => s.assignedElements()[0]).filter(e => e);"
                + " const row = rows.find(r => (cellsOf(r)[0]?.textContent ?? '') === title);"
                + " return row ? cellsOf(row).map(c => c.textContent).join('|') : ''; }", labTitle);
    }

    public Locator labLink(String labTitle) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(labTitle).setExact(true));
    }

    public void openLab(String labTitle) {
        labLink(labTitle).click();
        page.waitForURL(url -> url.contains("/lab/"));
    }

    /** The app-wide language switch; the catalog comes back in the chosen language. */
    public void chooseLanguage(String label) {
        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label)).click();
        page.waitForLoadState();
        page.locator("#lab-list").waitFor();
    }

    public Locator sandboxLink() {
        return page.locator("#sandbox-link");
    }
}
