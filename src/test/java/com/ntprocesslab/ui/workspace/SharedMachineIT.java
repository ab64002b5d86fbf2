package com.ntprocesslab.ui.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SharedMachineIT extends BrowserTest {

    @Autowired
    MachineSessions sessions;

    @Test
    void twoTabsOfOneStudentSeeEachOthersCommands() {
        signedIn(page, "tabs", Role.STUDENT);
        WorkspacePage first = new WorkspacePage(page).waitUntilShown();
        Page secondTab = context.newPage();
        secondTab.navigate(page.url());
        WorkspacePage second = new WorkspacePage(secondTab).waitUntilShown();

        first.run("!process 0 0");

        assertThat(second.lastAnswer()).containsText("Image: System");
        second.run("!process 0 0");
        assertThat(first.blocks()).hasCount(2);
    }

    /** Finding 7 of issue 14: after Reset in one tab, the second tab kept changing the retired machine. */
    @Test
    void aResetInOneTabMovesTheOtherTabToTheFreshMachine() {
        signedIn(page, "reset-tabs", Role.STUDENT);
        WorkspacePage first = new WorkspacePage(page).waitUntilShown();
        long old = first.machineId();
        Page secondTab = context.newPage();
        secondTab.navigate(page.url());
        WorkspacePage second = new WorkspacePage(secondTab).waitUntilShown();

        first.reset();

        page.waitForURL(url -> !url.endsWith("/machine/" + old));
        secondTab.waitForURL(url -> !url.endsWith("/machine/" + old));
        assertThat(second.machineId()).isEqualTo(first.machineId()).isNotEqualTo(old);
        secondTab.navigate(secondTab.url().replaceAll("/machine/\\d+", "/machine/" + old));
        assertThat(secondTab.locator("#machine-retired")).containsText("was reset");
        assertThat(second.commandLine()).isHidden();
    }

    /** Finding 9 of issue 14: commands typed while one ran were dropped without a word (255 of 499). */
    @Test
    void commandsTypedWhileOneRunsAllQueueAndRunInOrder() {
        String student = signedIn(page, "fast-typist", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        java.util.List<String> typed = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            typed.add(i % 2 == 0 ? "!process 0 0" : "bl");
        }

        workspace.typeQuickly(typed);

        assertThat(workspace.blocks()).hasCount(40);
        workspace.waitUntilAnswered();
        assertThat(sessions.history(workspace.machineId(), student)).extracting(c -> c.command()).containsExactlyElementsOf(typed);
    }

    @Test
    void anEvictedMachineIsRestoredInTheBackgroundWhenThePageOpens() {
        String student = signedIn(page, "evicted", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        workspace.run("!process 0 0");
        String before = sessions.snapshot(workspace.machineId(), student);

        sessions.evict(workspace.machineId());
        page.reload();

        workspace.waitUntilShown();
        assertThat(workspace.lastAnswer()).containsText("Image: System");
        assertThat(page.locator("#replay-progress")).isHidden();
        assertThat(workspace.commandLine()).isEnabled();
        assertThat(sessions.snapshot(workspace.machineId(), student)).isEqualTo(before);
    }

    @Test
    void resetAsksFirstThenGivesAFreshMachine() {
        String student = signedIn(page, "reset", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();
        workspace.run("!process 0 0");
        long oldMachine = workspace.machineId();

        workspace.reset();

        page.waitForURL(url -> !url.endsWith("/" + oldMachine));
        workspace.waitUntilShown();
        assertThat(workspace.blocks()).hasCount(0);
        assertThat(workspace.machineId()).isNotEqualTo(oldMachine);
        assertThat(sessions.history(oldMachine, student)).hasSize(1);
    }

    @Test
    void anotherStudentsMachineIdShowsNotFoundAndChangesNothing() {
        String owner = signedIn(page, "owner", Role.STUDENT);
        long ownersMachine = new WorkspacePage(page).waitUntilShown().machineId();
        String before = sessions.snapshot(ownersMachine, owner);
        context.clearCookies();

        signedIn(page, "snoop", Role.STUDENT);
        page.navigate(url("machine/" + ownersMachine));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found"))).isVisible();
        assertThat(page.getByText("Machine " + ownersMachine + " was not found.")).isVisible();
        assertThat(page.locator("#console-input")).hasCount(0);
        screenshot("machine-not-found");
        assertThat(sessions.snapshot(ownersMachine, owner)).isEqualTo(before);
        assertThat(sessions.history(ownersMachine, owner)).isEmpty();
    }
}
