package com.ntprocesslab.lab.catalog;

import com.ntprocesslab.kernel.exec.WorkBudget;
import com.ntprocesslab.kernel.exec.WorkBudgetExhaustedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The labs students can open, read from a source of lab folders and checked by a verifier
 * (which runs them on machines). Every folder is loaded and verified on its own, all at once,
 * each within a time budget: a lab is published the moment it is verified, a broken lab is
 * left out and reported, and a lab whose verification outlasts its budget is reported broken
 * then, so no lab (however bad) holds up start-up or another lab. While a folder is being
 * re-read its previous version stays available; readers always see a whole {@link Contents}.
 */
public final class LabCatalog {

    /**
     * What the catalog holds now: the valid labs in folder order, every problem found, and the
     * folders still being verified.
     */
    public record Contents(List<Lab> labs, List<LabProblem> problems, List<String> pending) {

        public boolean loaded() {
            return pending.isEmpty();
        }
    }

    /** Starts one folder's verification off the caller's thread (the server's machine-work lanes; a thread of its own elsewhere). */
    public interface Verifications {
        <T> CompletableFuture<T> start(String folder, Supplier<T> verification);

        /** A daemon thread per folder: for tests and tools, which have no executor of their own. */
        Verifications THREAD_PER_LAB = new Verifications() {
            @Override
            public <T> CompletableFuture<T> start(String folder, Supplier<T> verification) {
                CompletableFuture<T> result = new CompletableFuture<>();
                Thread.ofPlatform().daemon(true).name("lab-" + folder).start(() -> {
                    try {
                        result.complete(verification.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                });
                return result;
            }
        };
    }

    /** The default time a folder's loading and verification may take, all its runs together. */
    public static final Duration DEFAULT_LAB_TIME = Duration.ofSeconds(15);

    private final Supplier<List<LabFiles>> source;
    private final Function<Lab, List<LabProblem>> verifier;
    private final Verifications verifications;
    private final Duration labTime;
    private volatile Contents contents = new Contents(List.of(), List.of(), List.of());
    /** The newest reload's outcome per folder, in folder order; only its reload may change it. */
    private Map<String, Outcome> outcomes = new LinkedHashMap<>();
    /** The newest reload's verification of each folder, for a reader who needs one lab that is still pending. */
    private final Map<String, CompletableFuture<Void>> settling = new ConcurrentHashMap<>();
    private CompletableFuture<Contents> loading = CompletableFuture.completedFuture(contents);
    private long generation;

    public LabCatalog(Supplier<List<LabFiles>> source, Function<Lab, List<LabProblem>> verifier) {
        this(source, verifier, Verifications.THREAD_PER_LAB, DEFAULT_LAB_TIME);
    }

    public LabCatalog(Supplier<List<LabFiles>> source, Function<Lab, List<LabProblem>> verifier,
                      Verifications verifications, Duration labTime) {
        this.source = source;
        this.verifier = verifier;
        this.verifications = verifications;
        this.labTime = labTime;
    }

    /** Re-reads every folder and waits until each is verified or over its budget. */
    public Contents reload() {
        return reloadInBackground().join();
    }

    /**
     * Re-reads every folder without waiting: each lab appears (or is reported) as soon as its
     * own verification ends. The future completes when the last folder is done.
     */
    public synchronized CompletableFuture<Contents> reloadInBackground() {
        long reload = ++generation;
        List<LabFiles> folders;
        try {
            folders = source.get().stream().sorted(Comparator.comparing(LabFiles::folder)).toList();
        } catch (RuntimeException e) {
            LabProblem problem = new LabProblem("labs", "", 0, "the lab folders could not be listed: " + e.getMessage());
            contents = new Contents(contents.labs(), List.of(problem), List.of());
            loading = CompletableFuture.completedFuture(contents);
            return loading;
        }
        Map<String, Outcome> previous = outcomes;
        outcomes = new LinkedHashMap<>();
        for (LabFiles folder : folders) {
            Outcome before = previous.get(folder.folder());
            outcomes.put(folder.folder(), Outcome.pending(before == null ? Optional.empty() : before.lab()));
        }
        publish();
        List<CompletableFuture<Void>> done = new ArrayList<>();
        settling.clear();
        for (LabFiles folder : folders) {
            CompletableFuture<Void> settled = verifyWithinBudget(folder).thenAccept(outcome -> settle(reload, folder.folder(), outcome));
            settling.put(folder.folder(), settled);
            done.add(settled);
        }
        loading = CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).thenApply(ignored -> contents);
        return loading;
    }

    /** The newest reload's completion: tests and pages that must see every lab wait for it. */
    public synchronized CompletableFuture<Contents> loading() {
        return loading;
    }

    /** The folder's outcome; its budget runs from when a worker takes it up, not while it waits for one. */
    private CompletableFuture<Outcome> verifyWithinBudget(LabFiles folder) {
        CompletableFuture<Outcome> bounded = new CompletableFuture<>();
        Supplier<Outcome> verification = () -> {
            // Completing a future is all the timer does; the runs themselves stop at the same deadline.
            CompletableFuture.delayedExecutor(labTime.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> bounded.completeExceptionally(new TimeoutException()));
            long deadline = System.nanoTime() + labTime.toNanos();
            Outcome outcome;
            try {
                outcome = WorkBudget.run(Long.MAX_VALUE, () -> System.nanoTime() - deadline > 0, () -> loadOne(folder)).result();
            } catch (WorkBudgetExhaustedException e) {
                throw new CompletionException(new TimeoutException());
            }
            if (System.nanoTime() - deadline > 0) {
                // Whatever a run cut short by the lab's deadline reported, the lab's time is what ran out.
                throw new CompletionException(new TimeoutException());
            }
            return outcome;
        };
        try {
            verifications.start(folder.folder(), verification).whenComplete((outcome, failure) -> {
                if (failure == null) {
                    bounded.complete(outcome);
                } else {
                    bounded.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            bounded.completeExceptionally(e);
        }
        return bounded.handle((outcome, failure) -> {
            if (failure == null) {
                return outcome;
            }
            Throwable cause = failure instanceof CompletionException || failure instanceof ExecutionException
                    ? failure.getCause() : failure;
            String reason = cause instanceof TimeoutException
                    ? "took longer than " + labTime.toSeconds() + " s to load and verify, so it is left out: "
                    + "make its setup and solution shorter"
                    : "could not be loaded: " + cause;
            return Outcome.of(List.of(new LabProblem(folder.folder(), "", 0, reason)));
        });
    }

    /** Loads and verifies one folder: its lab, or the problems that keep it out. */
    private Outcome loadOne(LabFiles folder) {
        LabLoader.Result result = LabLoader.load(folder);
        if (result.lab().isEmpty()) {
            return Outcome.of(result.problems());
        }
        List<LabProblem> problems = verifier.apply(result.lab().get());
        return problems.isEmpty() ? new Outcome(false, result.lab(), List.of()) : Outcome.of(problems);
    }

    private synchronized void settle(long reload, String folder, Outcome outcome) {
        if (reload != generation) {
            return;
        }
        outcomes.put(folder, outcome);
        publish();
    }

    /** Builds the contents from the outcomes in folder order; a second folder claiming a lab's id is a problem. */
    private void publish() {
        List<Lab> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        outcomes.forEach((folder, outcome) -> {
            if (outcome.pending()) {
                pending.add(folder);
            }
            problems.addAll(outcome.problems());
            outcome.lab().ifPresent(lab -> {
                if (ids.add(lab.id())) {
                    labs.add(lab);
                } else if (!outcome.pending()) {
                    problems.add(new LabProblem(lab.folder(), LabLoader.LAB_YAML, 0, "id '" + lab.id() + "' is already used by another lab folder"));
                }
            });
        });
        contents = new Contents(List.copyOf(labs), List.copyOf(problems), List.copyOf(pending));
    }

    public Contents contents() {
        return contents;
    }

    public List<Lab> labs() {
        return contents.labs();
    }

    /**
     * The lab with this id. A lab still being verified for the first time (its folder bears its
     * id) is waited for, at most its budget: whoever opens it at start-up waits for that lab alone
     * (and, past the budget, is told it is not there).
     */
    public Optional<Lab> lab(String id) {
        Optional<Lab> lab = loadedLab(id);
        CompletableFuture<Void> settled = settling.get(id);
        if (lab.isEmpty() && settled != null && contents.pending().contains(id)) {
            try {
                // Bounded: a caller on a busy worker must not wait for a verification that waits for a worker.
                settled.get(labTime.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException stillPending) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            lab = loadedLab(id);
        }
        return lab;
    }

    private Optional<Lab> loadedLab(String id) {
        return contents.labs().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** One folder's state in a reload: still pending (showing its previous version), or its lab or its problems. */
    private record Outcome(boolean pending, Optional<Lab> lab, List<LabProblem> problems) {

        static Outcome pending(Optional<Lab> previous) {
            return new Outcome(true, previous, List.of());
        }

        static Outcome of(List<LabProblem> problems) {
            return new Outcome(false, Optional.empty(), List.copyOf(problems));
        }
    }
}
