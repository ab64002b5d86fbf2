package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabFolders;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LabRunBudget;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.session.work.MachineWorkExecutor;
import com.ntprocesslab.session.work.MachineWorkProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java lab loader and grader into the server; the CLI wires the same classes by hand. */
@Configuration
class LabConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LabConfiguration.class);

    @Bean
    ReferenceRuns referenceRuns(MachineWorkProperties limits) {
        return new ReferenceRuns(new LabRunBudget(limits.labRunSteps(), limits.labRunTime()));
    }

    @Bean
    Grader grader(ReferenceRuns references) {
        return new Grader(references);
    }

    @Bean
    HistoryGrader historyGrader(Grader grader) {
        return new HistoryGrader(grader);
    }

    /**
     * The catalog, loading in the background: the server starts at once, each lab appears as
     * soon as its own verification (in a machine-work lane of its own) ends, and a lab over its
     * time budget is reported broken without holding up the others.
     */
    @Bean
    LabCatalog labCatalog(LabProperties properties, ReferenceRuns references, Grader grader, MachineWorkExecutor work) {
        LabVerifier verifier = new LabVerifier(references, grader);
        Path folder = Path.of(properties.path());
        LabCatalog catalog = new LabCatalog(
                () -> Files.isDirectory(folder) ? LabFolders.in(folder) : PackagedLabs.list(),
                lab -> verifier.verify(lab).problems(),
                new LabCatalog.Verifications() {
                    @Override
                    public <T> CompletableFuture<T> start(String lab, Supplier<T> verification) {
                        return work.submit(MachineWorkExecutor.labLane(lab), verification);
                    }
                },
                properties.labTime());
        String from = Files.isDirectory(folder) ? folder.toAbsolutePath().toString() : "the packaged labs";
        CompletableFuture<LabCatalog.Contents> loading = catalog.reloadInBackground().thenApply(contents -> {
            log.info("Loaded {} lab(s) from {}", contents.labs().size(), from);
            contents.problems().forEach(problem -> log.warn("Lab problem: {}", problem));
            return contents;
        });
        if (properties.startupWait().isPositive()) {
            try {
                loading.get(properties.startupWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillLoading) {
                log.info("Labs still loading after {}; the server starts and they appear as they are verified", properties.startupWait());
            } catch (ExecutionException e) {
                log.warn("Loading the labs failed: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return catalog;
    }
}
