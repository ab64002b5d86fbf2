package com.ntprocesslab.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The sign-in page, as a student sees it. */
public class LoginPage {

    private final Page page;

    public LoginPage(Page page) {
        this.page = page;
    }

    public LoginPage open(String baseUrl) {
        page.navigate(baseUrl + "login");
        page.getByLabel("Username").waitFor();
        return this;
    }

    public void signIn(String username, String password) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }

    public Locator errorMessage() {
        return page.getByText("Incorrect username or password");
    }

    public void goToSignup() {
        page.locator("#signup-link").click();
    }
}
