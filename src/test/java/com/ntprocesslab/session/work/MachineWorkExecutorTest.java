package com.ntprocesslab.session.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lanes take turns: a lane with much work waiting never keeps another lane's work waiting behind all of it. */
class MachineWorkExecutorTest {

    private final MachineWorkExecutor oneWorker = new MachineWorkExecutor(
            new MachineWorkProperties(1, 3, 0, null, Duration.ofSeconds(1), 0, null));

    @AfterEach
    void stop() {
        oneWorker.destroy();
    }

    @Test
    void aLaneGoesToTheBackOfTheLineAfterEachPiece() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        oneWorker.submit("a", () -> {
            firstRunning.countDown();
            await(release);
            return ran.add("a1");
        });
        firstRunning.await(5, TimeUnit.SECONDS);
        oneWorker.submit("a", () -> ran.add("a2"));
        oneWorker.submit("a", () -> ran.add("a3"));
        CompletableFuture<Boolean> b = oneWorker.submit("b", () -> ran.add("b1"));
        CompletableFuture<Boolean> lastOfA = oneWorker.submit("a", () -> ran.add("a4"));

        release.countDown();
        CompletableFuture.allOf(b, lastOfA).get(5, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("a1", "b1", "a2", "a3", "a4");
    }

    @Test
    void aLaneWithTooMuchWaitingIsRefusedVisibly() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        oneWorker.submit("busy", () -> {
            running.countDown();
            return await(release);
        });
        running.await(5, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            oneWorker.submit("busy", () -> true);
        }

        assertThatThrownBy(() -> oneWorker.submit("busy", () -> true)).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("Too much work is waiting");
        assertThat(oneWorker.submit("other", () -> "still served")).isNotNull();
        release.countDown();
    }

    @Test
    void workOnAWorkerRunsNestedWorkItselfInsteadOfWaitingForAnotherWorker() throws Exception {
        String nested = oneWorker.submit("outer", () -> oneWorker.call("inner", () -> Thread.currentThread().getName()))
                .get(5, TimeUnit.SECONDS);

        assertThat(nested).startsWith("machine-work-");
    }

    @Test
    void aFailureReachesTheCallerAsItself() {
        assertThatThrownBy(() -> oneWorker.call("failing", () -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
