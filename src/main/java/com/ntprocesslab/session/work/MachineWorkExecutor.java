package com.ntprocesslab.session.work;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that run all machine work (commands, restores, replays, re-grades, lab runs),
 * owned by the application and shared fairly. Work is submitted to a lane (one per student,
 * one per instructor's re-grade ...); a lane runs one piece at a time, and a lane with more
 * waiting goes to the back of the line after each piece. So one lane never holds more than
 * one of the few workers, a lane with a thousand commands queued waits its turn like the
 * others, and as there are more workers than cores a long command shares a core with the
 * others rather than locking them out. Each piece is itself bounded by its budget
 * ({@link MachineWorkProperties}).
 */
@Component
public class MachineWorkExecutor implements DisposableBean {

    private static final ThreadLocal<Boolean> ON_WORKER = ThreadLocal.withInitial(() -> false);

    private final ExecutorService workers;
    private final int queuedPerLane;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public MachineWorkExecutor(MachineWorkProperties properties) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(() -> {
                ON_WORKER.set(true);
                runnable.run();
            }, "machine-work-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(properties.workers(), factory);
        this.queuedPerLane = properties.queuedPerLane();
    }

    /** The lane of a student's own machines: what they type never waits behind another student. */
    public static String studentLane(String username) {
        return "student:" + username;
    }

    /** The lane of an instructor's (or the server's) work on machines that are not theirs: replays, re-grades. */
    public static String observerLane(String who) {
        return "observer:" + who;
    }

    /** The lane of one lab folder's verification: labs load side by side, none waits behind a slow one. */
    public static String labLane(String folder) {
        return "lab:" + folder;
    }

    /**
     * Runs the work on a worker in its lane, after the lane's earlier work.
     *
     * @throws RejectedExecutionException when the lane already has its maximum waiting
     */
    public <T> CompletableFuture<T> submit(String lane, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        };
        boolean[] start = new boolean[1];
        lanes.compute(lane, (key, existing) -> {
            Lane l = existing == null ? new Lane() : existing;
            if (l.waiting.size() >= queuedPerLane) {
                throw new RejectedExecutionException("Too much work is waiting in " + key + " (" + queuedPerLane + " pieces).");
            }
            l.waiting.add(task);
            if (!l.running) {
                l.running = true;
                start[0] = true;
            }
            return l;
        });
        if (start[0]) {
            workers.execute(() -> runNext(lane));
        }
        return result;
    }

    /**
     * Runs the work in its lane and waits for it. Work already running on a worker runs nested
     * work itself, so no worker ever waits for another (which could leave none to run it).
     */
    public <T> T call(String lane, Supplier<T> work) {
        if (ON_WORKER.get()) {
            return work.get();
        }
        try {
            return submit(lane, work).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** True on a worker thread (work that must not block one can check). */
    public static boolean onWorker() {
        return ON_WORKER.get();
    }

    private void runNext(String lane) {
        Runnable[] next = new Runnable[1];
        lanes.computeIfPresent(lane, (key, l) -> {
            next[0] = l.waiting.poll();
            return l;
        });
        if (next[0] != null) {
            next[0].run();
        }
        boolean[] more = new boolean[1];
        lanes.computeIfPresent(lane, (key, l) -> {
            more[0] = !l.waiting.isEmpty();
            l.running = more[0];
            return more[0] ? l : null;
        });
        if (more[0]) {
            // To the back of the line: every other lane with work gets a worker first.
            workers.execute(() -> runNext(lane));
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** Work waiting in one lane; {@code running} while a worker holds (or is about to take) the lane. */
    private static final class Lane {
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        boolean running;
    }
}
