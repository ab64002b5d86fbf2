package com.ntprocesslab.ui.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.MachinePanels;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;

/** The panels highlight what the last command changed (no debugger has this); !diff says it in words. */
class WhatChangedIT extends BrowserTest {
    private static final String START_NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    @Test
    void aCreationHighlightsTheNewProcessAndHandlesAndAStepTheFieldsItSet() {
        signedIn(page, "changes", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        MachinePanels panels = workspace.panels();

        workspace.run(START_NOTEPAD);
        page.waitForCondition(() -> panels.marked("process-tree", "added").contains("notepad.exe"));
        assertThat(panels.marked("process-tree", "added")).doesNotContain("System");
        panels.selectProcess("explorer.exe");
        panels.openTab("Handles");
        page.waitForCondition(() -> panels.marked("handle-grid", "added").stream().anyMatch(t -> t.contains("notepad.exe")));
        // an unnamed event or port has no name: the Target cell stays empty rather than reading (null)
        assertThat(panels.handleCells().filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("(null)"))).hasCount(0);
        screenshot("what-changed-1280-handles");

        // an inspection command keeps the highlight of the last change
        workspace.run("!process 0 0");
        assertThat(panels.marked("handle-grid", "added")).anyMatch(t -> t.contains("notepad.exe"));

        // inside PspAllocateProcess !diff names the fields the new EPROCESS (on no list yet) gets, step by step
        workspace.run("bp nt!PspAllocateProcess");
        workspace.run(START_NOTEPAD);
        workspace.run("t");
        workspace.run("!diff");
        String eprocess = workspace.lastAnswer().textContent().replaceAll("(?s).*EPROCESS ([0-9a-f`]+): added.*", "$1");
        panels.openTab("Inspector");
        panels.inspect(eprocess);
        assertThat(panels.inspectorHeading()).containsText("EPROCESS");
        workspace.run("p");
        workspace.run("!diff");
        assertThat(workspace.lastAnswer()).containsText("EPROCESS " + eprocess + ": Token");
        // the inspector brings the field the step set into view, marked, far down the EPROCESS as it is
        page.waitForCondition(() -> panels.marked("inspector-fields", "changed").contains("Token"));
        screenshot("what-changed-1280-inspector");

        page.setViewportSize(1920, 1080);
        assertThat(panels.inspectorHeading()).isInViewport();
        screenshot("what-changed-1920-inspector");
    }
}
