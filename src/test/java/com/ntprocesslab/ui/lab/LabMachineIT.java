package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.CatalogPage;
import com.ntprocesslab.ui.pages.LabPage;
import com.ntprocesslab.ui.pages.MachinePanels;
import org.junit.jupiter.api.Test;

class LabMachineIT extends BrowserTest {

    @Test
    void aLabMachineShowsItsProcessesNextToTheInstructionsInBothLanguages() {
        signedIn(page, "labtree", Role.STUDENT);
        new CatalogPage(page).waitUntilShown().openLab("CREATE_SUSPENDED: a process whose first thread has not run");
        LabPage lab = new LabPage(page);
        MachinePanels panels = new MachinePanels(page);

        lab.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        // The lab page shows the process tree under the console, next to the instructions: no tab to open.
        assertThat(panels.processRowText("notepad.exe")).contains("|suspended|1|");
        panels.selectProcess("notepad.exe");
        panels.openTab("Threads");
        assertThat(panels.threadCells().filter(new Locator.FilterOptions().setHasText("Initialized"))
                .or(panels.threadCells().filter(new Locator.FilterOptions().setHasText("Waiting"))).first()).isVisible();
        screenshot("lab-processes-1280");

        lab.chooseLanguage("简体中文");
        assertThat(panels.processCell("notepad.exe")).isVisible();
        assertThat(page.locator("#stage-list")).containsText("创建 EPROCESS");
        screenshot("lab-processes-zh");
    }

    @Test
    void aClassicLabShowsTheSixPhasesOfWindowsXpAndHighlightsTheStop() {
        signedIn(page, "xp", Role.STUDENT);
        new CatalogPage(page).waitUntilShown().openLab("Two kernels side by side: the six phases of Windows XP's CreateProcessW");
        LabPage lab = new LabPage(page);
        Locator stages = page.locator("#stage-list li");

        assertThat(page.locator(".lab-readme table th").first()).containsText("XP phase");
        assertThat(stages).hasCount(6);
        assertThat(stages.nth(1)).containsText("Create the process object");
        lab.run("bu nt!PspCreateProcess");
        lab.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(lab.lastAnswer()).containsText("Breakpoint 0 hit");
        assertThat(page.locator("#stage-list li[aria-current=step]")).containsText("Create the process object");
        assertThat(page.locator("#call-stack")).containsText("kernel32!CreateProcessW");
        screenshot("lab-classic-timeline");
    }
}
