package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.LabFolders;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Wires the plain-Java lab loader and grader into the server; the CLI wires the same classes by hand. */
@Configuration
class LabConfiguration {

    static final String REGRADE_EXECUTOR = "labRegradeExecutor";

    private static final Logger log = LoggerFactory.getLogger(LabConfiguration.class);

    @Bean
    ReferenceRuns referenceRuns() {
        return new ReferenceRuns();
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
     * Re-grades replay machines: CPU work, so no more threads than cores, and a bounded queue
     * (a class of a few hundred machines fits; beyond it the submitter is told, not the heap).
     * The session layer's shared executor for machine work will replace it once it is on main.
     */
    @Bean(REGRADE_EXECUTOR)
    ThreadPoolTaskExecutor regradeExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(Runtime.getRuntime().availableProcessors());
        executor.setMaxPoolSize(Runtime.getRuntime().availableProcessors());
        executor.setQueueCapacity(10_000);
        executor.setThreadNamePrefix("lab-regrade-");
        return executor;
    }

    @Bean
    LabCatalog labCatalog(LabProperties properties, ReferenceRuns references, Grader grader) {
        LabVerifier verifier = new LabVerifier(references, grader);
        Path folder = Path.of(properties.path());
        LabCatalog catalog = new LabCatalog(
                () -> Files.isDirectory(folder) ? LabFolders.in(folder) : PackagedLabs.list(),
                lab -> verifier.verify(lab).problems());
        LabCatalog.Contents contents = catalog.reload();
        log.info("Loaded {} lab(s) from {}", contents.labs().size(),
                Files.isDirectory(folder) ? folder.toAbsolutePath() : "the packaged labs");
        contents.problems().forEach(problem -> log.warn("Lab problem: {}", problem));
        return catalog;
    }
}
