package com.ntprocesslab.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.LabRunBudget;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: labs were verified one after the other at start-up, so a lab whose solution spins
 * until its budget is spent held up every lab after it (and the server's start). Each lab now
 * loads on its own within its own time budget: the good labs are there while the bad one
 * still runs, and the bad one is reported broken with the reason.
 */
class SlowLabLoadingTest {

    private static final String GOOD = "04-suspended-start";
    /** Far more than the good lab needs even on a busy machine; the endless one needs it all. */
    private static final Duration LAB_TIME = Duration.ofSeconds(6);

    @TempDir
    Path labs;

    @BeforeEach
    void givenAGoodLabAndOneWhoseSolutionSpinsForever() throws IOException {
        copy(GOOD, GOOD);
        Path endless = copy(GOOD, "00-endless");
        Files.writeString(endless.resolve("lab.yaml"), Files.readString(endless.resolve("lab.yaml")).replace("id: " + GOOD, "id: 00-endless"));
        // spinner.exe never exits: each g runs it another 100,000 steps, 50,000 of them far past any budget.
        Files.writeString(endless.resolve("setup.cmd"), ".call explorer.exe CreateProcessW C:\\Tools\\spinner.exe\n" + "g\n".repeat(50_000));
    }

    private Path copy(String from, String to) throws IOException {
        Path target = labs.resolve(to);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(LabFixtures.PROJECT_LABS.resolve(from))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** Runs without a step or time limit of their own, so only the lab's whole budget can stop the endless one. */
    private LabCatalog catalogWithUnboundedRuns() {
        ReferenceRuns references = new ReferenceRuns(new LabRunBudget(Long.MAX_VALUE, Duration.ofDays(1)));
        LabVerifier verifier = new LabVerifier(references, new Grader(references));
        return new LabCatalog(() -> LabFolders.in(labs), lab -> verifier.verify(lab).problems(),
                LabCatalog.Verifications.THREAD_PER_LAB, LAB_TIME);
    }

    @Test
    void theGoodLabIsAvailableWhileTheEndlessOneRunsAndTheEndlessOneIsReportedBrokenAtItsBudget() {
        LabCatalog catalog = catalogWithUnboundedRuns();

        CompletableFuture<LabCatalog.Contents> loading = catalog.reloadInBackground();
        LabCatalog.Contents startedWith = catalog.contents();
        assertThat(startedWith.labs()).isEmpty();
        assertThat(startedWith.pending()).containsExactly("00-endless", GOOD);

        // Opening the good lab waits for that lab alone: it is there while the endless one still runs.
        assertThat(catalog.lab(GOOD)).isPresent();
        assertThat(catalog.contents().pending()).containsExactly("00-endless");
        assertThat(loading).isNotDone();

        LabCatalog.Contents done = loading.join();
        assertThat(done.loaded()).isTrue();
        assertThat(done.labs()).extracting(Lab::id).containsExactly(GOOD);
        assertThat(done.problems()).singleElement().asString()
                .isEqualTo("00-endless/: took longer than 6 s to load and verify, so it is left out: make its setup and solution shorter");
        assertThat(catalog.lab("00-endless")).isEmpty();
    }

    @Test
    void aReloadKeepsServingTheLabsItIsReReading() {
        LabCatalog catalog = catalogWithUnboundedRuns();
        catalog.reload();

        catalog.reloadInBackground();

        assertThat(catalog.contents().pending()).containsExactly("00-endless", GOOD);
        assertThat(catalog.lab(GOOD)).isPresent();
        assertThat(catalog.loading().join().labs()).extracting(Lab::id).containsExactly(GOOD);
    }
}
