package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.CatalogPage;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;

class LabCatalogIT extends BrowserTest {

    private static final String SUSPENDED_LAB = "CREATE_SUSPENDED: a process whose first thread has not run";

    @Test
    void aStudentLandsOnTheCatalogAndSeesTheirProgressAfterACheck() {
        signedIn(page, "catalog", Role.STUDENT);
        CatalogPage catalog = new CatalogPage(page).waitUntilShown();
        assertThat(catalog.row(SUSPENDED_LAB)).contains("Not checked yet (3 checkpoints)");
        screenshot("catalog");

        catalog.openLab(SUSPENDED_LAB);
        LabPage lab = new LabPage(page);
        lab.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        lab.check();
        assertThat(lab.checkpoint("created-suspended")).containsText("passed");
        assertThat(lab.checkpoint("resumed")).containsText("next");
        assertThat(lab.checkpoint("resumed")).containsText("explorer.exe has not called ResumeThread yet");
        int passed = page.locator(".checkpoint.passed").count();

        catalog.open(url("labs"));
        assertThat(catalog.row(SUSPENDED_LAB)).contains(passed + " of 3 checkpoints passed");

        catalog.sandboxLink().click();
        new WorkspacePage(page).waitUntilShown();
    }

    @Test
    void theCatalogSpeaksChinese() {
        signedIn(page, "catalog-zh", Role.STUDENT);
        CatalogPage catalog = new CatalogPage(page).waitUntilShown();
        catalog.chooseLanguage("简体中文");
        assertThat(page.getByText("打开沙盒")).isVisible();
        assertThat(page.locator("#lab-list")).containsText("尚未检查");
        screenshot("catalog-zh");
    }
}
