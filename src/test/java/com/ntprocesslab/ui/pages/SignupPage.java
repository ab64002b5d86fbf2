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
    }

    public Locator error() {
        return page.locator("#signup-error");
    }
}
