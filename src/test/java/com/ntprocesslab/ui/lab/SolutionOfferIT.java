package com.ntprocesslab.ui.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.ui.BrowserTest;
import com.ntprocesslab.ui.pages.LabPage;
import org.junit.jupiter.api.Test;

/** "Show solution" appears after the number of failed checks the lab sets, and never where the instructor says never. */
class SolutionOfferIT extends BrowserTest {

    @Test
    void labThreeOffersItsSolutionAfterThreeFailedChecks() {
        signedIn(page, "stuck", Role.STUDENT);
        LabPage lab = new LabPage(page).open(url("lab/03-seven-stages"));
        lab.runAccepted("bu nt!NtCreateUserProcess");
        for (int failed = 1; failed <= 2; failed++) {
            lab.checkAndWait();
            assertThat(lab.checkpoint("stage-2-image")).containsText("next");
            assertThat(page.locator("#show-solution")).hasCount(0);
        }
        lab.checkAndWait();
        assertThat(page.locator("#show-solution")).isVisible();
        page.locator("#show-solution").click();
        assertThat(page.locator("#lab-solution")).containsText("bu ntdll!LdrInitializeThunk");
        screenshot("lab-solution-offered");
    }

    @Test
    void labElevenNeverOffersItsSolution() {
        signedIn(page, "never", Role.STUDENT);
        LabPage lab = new LabPage(page).open(url("lab/11-two-kernels"));
        for (int failed = 1; failed <= 5; failed++) {
            lab.checkAndWait();
        }
        assertThat(lab.checkpoint("phase-two-process")).containsText("next");
        assertThat(page.locator("#show-solution")).hasCount(0);
    }
}
