package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The instructor's classes: create one, read its join code, open its roster. */
public class ClassesPage {

    private final Page page;

    public ClassesPage(Page page) {
        this.page = page;
    }

    public ClassesPage open(String baseUrl) {
        page.navigate(baseUrl + "instructor/classes");
        page.locator("#class-name input").waitFor();
        return this;
    }

    /** Creates a class and returns the join code the grid shows for it. */
    public String create(String name) {
        page.locator("#class-name input").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create class")).click();
        Locator nameCell = page.locator("#classes vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true));
        nameCell.waitFor();
        return page.locator("#classes vaadin-grid-cell-content").getByText(java.util.regex.Pattern.compile("^[A-Z2-9]{8}$")).first().textContent().strip();
    }

    public void openRoster(String name) {
        page.locator("#classes vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true)).click();
    }

    public Locator roster() {
        return page.locator("#roster");
    }

    public void invite(String coInstructor) {
        page.locator("#co-instructor input").fill(coInstructor);
        page.locator("#invite").click();
    }

    public Locator teachers() {
        return page.locator("#teachers");
    }

    /** Renames a class in its dialog; the dialog stays open (with the service's message) when the name is refused. */
    public void rename(String name, String newName) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename " + name)).click();
        page.locator("#rename-class input").fill(newName);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save name")).click();
    }

    /** The message under the rename dialog's name field. */
    public Locator renameError() {
        return page.locator("#rename-class [slot='error-message']");
    }

    public void archive(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Archive " + name)).click();
    }

    public void delete(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + name)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the class")).click();
    }

    /** The class's row as text, cells joined with '|'. */
    public Locator row(String name) {
        return page.locator("#classes vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true));
    }

    /** Shows or withholds the selected class's feedback (the checkbox of the release form). */
    public void releaseFeedback(boolean released) {
        Locator box = page.locator("#release-feedback input");
        box.waitFor();
        if (box.isChecked() != released) {
            box.click();
        }
    }

    /** Chooses the selected class's solution release by its label. */
    public void releaseSolution(String label) {
        page.locator("#release-solution").getByText(label, new Locator.GetByTextOptions().setExact(true)).click();
    }

    public Locator release() {
        return page.locator("#class-release");
    }

    public Locator classes() {
        return page.locator("#classes");
    }
}
