package com.ntprocesslab.ui.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.WorkspacePage;
import org.junit.jupiter.api.Test;

/** The console's WinDbg habits: Enter repeats, ; chains, F5/F10/F11/Shift+F11 run, .cls clears the view, a paste runs line by line. */
class ConsoleKeysIT extends BrowserTest {

    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    private void pressAndWaitForABlock(WorkspacePage workspace, String key) {
        int before = workspace.blocks().count();
        workspace.commandLine().press(key);
        page.waitForCondition(() -> workspace.blocks().count() > before);
        workspace.waitUntilAnswered();
    }

    @Test
    void enterRepeatsTheLastStepSemicolonsChainAndTheFunctionKeysStepAsInWinDbg() {
        signedIn(page, "keys", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();

        workspace.commandLine().fill("bp nt!PspAllocateProcess; " + NOTEPAD);
        pressAndWaitForABlock(workspace, "Enter");
        page.waitForCondition(() -> workspace.blocks().count() == 2);
        workspace.waitUntilAnswered();
        assertThat(workspace.blocks().nth(0).locator(".prompt")).hasText("0: kd> bp nt!PspAllocateProcess");
        assertThat(workspace.lastAnswer()).containsText("Breakpoint 0 hit");

        workspace.run("t");
        pressAndWaitForABlock(workspace, "Enter");
        assertThat(workspace.lastAnswer().locator(".prompt")).hasText("0: kd> t");
        assertThat(workspace.blocks()).hasCount(4);

        pressAndWaitForABlock(workspace, "F10");
        assertThat(workspace.lastAnswer().locator(".prompt")).hasText("0: kd> p");
        pressAndWaitForABlock(workspace, "F11");
        assertThat(workspace.lastAnswer().locator(".prompt")).hasText("0: kd> t");
        pressAndWaitForABlock(workspace, "Shift+F11");
        assertThat(workspace.lastAnswer().locator(".prompt")).hasText("0: kd> gu");
        assertThat(workspace.lastAnswer()).containsText("nt!NtCreateUserProcess+0x");
        pressAndWaitForABlock(workspace, "F5");
        assertThat(workspace.lastAnswer().locator(".prompt")).hasText("0: kd> g");
        assertThat(workspace.lastAnswer()).containsText("returned TRUE");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/machine/.*"));
        screenshot("console-keys-1280x800");

        workspace.commandLine().fill(".cls");
        workspace.commandLine().press("Enter");
        assertThat(workspace.blocks()).hasCount(0);

        page.reload();
        workspace.waitUntilShown();
        assertThat(workspace.blocks()).hasCount(8);
        page.waitForCondition(() -> (Boolean) workspace.transcript().evaluate(
                "t => t.scrollHeight <= t.clientHeight || t.scrollTop + t.clientHeight >= t.scrollHeight - 2"));
    }

    @Test
    void aPasteOfSeveralLinesRunsEachLineInOrder() {
        signedIn(page, "paste", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();

        workspace.commandLine().evaluate("""
                input => {
                    const data = new DataTransfer();
                    data.setData('text', 'vertarget\\r\\n!irql\\n\\nlm m nt\\n');
                    input.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true, composed: true}));
                }""");

        page.waitForCondition(() -> workspace.blocks().count() == 3);
        workspace.waitUntilAnswered();
        assertThat(workspace.blocks().nth(0).locator(".prompt")).hasText("0: kd> vertarget");
        assertThat(workspace.blocks().nth(1).locator(".prompt")).hasText("0: kd> !irql");
        assertThat(workspace.blocks().nth(2).locator(".prompt")).hasText("0: kd> lm m nt");
        assertThat(workspace.blocks().nth(0)).containsText("Windows 10 Kernel Version 19045");
        assertThat(workspace.commandLine()).hasValue("");
    }

    @Test
    void completionListsTypesApisImagesAndPathsAboveTheCommandLineNeverOverIt() {
        signedIn(page, "complete", Role.STUDENT);
        WorkspacePage workspace = new WorkspacePage(page).waitUntilShown();

        workspace.typeAndPress("dt nt!_EP", "Tab");
        assertThat(workspace.commandLine()).hasValue("dt nt!_EPROCESS");
        workspace.typeAndPress(".call explorer.exe CreateP", "Tab");
        assertThat(workspace.commandLine()).hasValue(".call explorer.exe CreateProcess");
        assertThat(workspace.completions()).containsText("CreateProcessW");
        assertThat(workspace.completions()).containsText("CreateProcessA");
        workspace.typeAndPress(".call note", "Tab");
        assertThat(workspace.commandLine()).hasValue(".call notepad.exe");
        workspace.typeAndPress(".call explorer.exe CreateProcessW C:\\Windows\\System32\\note", "Tab");
        assertThat(workspace.commandLine()).hasValue(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        workspace.typeAndPress("bp nt!PspAlloc", "Tab");
        assertThat(workspace.completions()).containsText("nt!PspAllocateThread");
        assertNotOver(workspace);
        screenshot("console-completion-1280x800");

        page.setViewportSize(1920, 1080);
        workspace.typeAndPress("x nt!PspAlloc", "Tab");
        assertNotOver(workspace);
        screenshot("console-completion-1920x1080");
    }

    private static void assertNotOver(WorkspacePage workspace) {
        BoundingBox list = workspace.completions().boundingBox();
        BoundingBox line = workspace.commandLine().boundingBox();
        assertThat(list.height).isPositive();
        assertThat(list.y + list.height).as("the list ends above the command line").isLessThanOrEqualTo(line.y);
    }
}
