package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The student sign-up form. */
public class SignupPage {

    private final Page page;

    public SignupPage(Page page) {
        this.page = page;
    }

    public void signUp(String username, String password, String confirmation) {
        signUp(username, password, confirmation, "");
    }

    public void signUp(String username, String password, String confirmation, String joinCode) {
        page.getByLabel("Class join code").fill(joinCode);
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByLabel("Repeat the password").fill(confirmation);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        waitForTheServerToAnswer();
    }

    /**
     * The same refusal twice leaves the same text on the page, so a test that checks the text
     * after each attempt could go on while the previous one is still on its way, and the next
     * attempt's typing would race it. Each attempt therefore waits for its round trip.
     */
    private void waitForTheServerToAnswer() {
        page.waitForFunction("""
                () => {
                    const clients = (window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients) || {};
                    return !Object.values(clients).some(client => client.isActive && client.isActive());
                }""");
    }

    public Locator error() {
        return page.locator("#signup-error");
    }
}
