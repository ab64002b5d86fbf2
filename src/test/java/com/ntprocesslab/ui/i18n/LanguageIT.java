package com.ntprocesslab.ui.i18n;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LoginPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;

class LanguageIT extends BrowserTest {

    @Test
    void theWholeUiSwitchesToChineseAndRemembersItAtTheNextSignIn() {
        String student = signedIn(page, "lang", Role.STUDENT);
        new WorkspacePage(page).waitUntilShown();

        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("简体中文")).click();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重置机器"))).isVisible();
        assertThat(page.getByLabel("命令")).isVisible();
        WorkspacePage console = new WorkspacePage(page);
        console.run("frobnicate");
        assertThat(console.lastAnswer()).containsText("未知命令 'frobnicate'。调试器命令：");
        assertThat(console.lastAnswer()).not().containsText("Unknown command");
        // a fourth argument: !process takes at most an address, flags and an image name
        console.run("!process 0 0 explorer.exe extra");
        assertThat(console.lastAnswer()).containsText("语法错误，位于 'extra'：应为 !process");
        assertThat(console.lastAnswer()).not().containsText("Syntax error");
        assertThat(console.lastAnswer()).not().containsText("expected");
        screenshot("workspace-zh-CN");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出登录")).click();
        page.waitForURL(url -> url.contains("/login"));
        new LoginPage(page).signIn(student, PASSWORD);
        new WorkspacePage(page).waitUntilShown();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重置机器"))).isVisible();

        page.locator("#language-switch").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reset machine"))).isVisible();
    }
}
