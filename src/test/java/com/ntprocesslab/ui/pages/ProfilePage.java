package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The profile page's personal access tokens: create one, read it the one time it is shown, revoke one. */
public class ProfilePage {

    private final Page page;

    public ProfilePage(Page page) {
        this.page = page;
    }

    public ProfilePage open(String baseUrl) {
        page.navigate(baseUrl + "profile");
        page.locator("#token-name input").waitFor();
        return this;
    }

    /** Creates a token and returns it as the page shows it, once. */
    public String createToken(String name) {
        page.locator("#token-name input").fill(name);
        page.locator("#create-token").click();
        page.locator("#new-token input").waitFor();
        return page.locator("#new-token input").inputValue();
    }

    public void tryToCreateToken(String name) {
        page.locator("#token-name input").fill(name);
        page.locator("#create-token").click();
    }

    public Locator newToken() {
        return page.locator("#new-token");
    }

    public Locator error() {
        return page.locator("#token-error");
    }

    public Locator tokenList() {
        return page.locator("#token-list");
    }

    /** The list's row cells of a token, found by its name. */
    public Locator rowOf(String name) {
        return tokenList().locator("vaadin-grid-cell-content").getByText(name, new Locator.GetByTextOptions().setExact(true));
    }

    public void revoke(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke " + name).setExact(true)).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Revoke").setExact(true)).click();
    }
}
