package com.ntprocesslab.bench;

import com.ntprocesslab.Application;
import com.ntprocesslab.CommandMix;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.ReplayProgress;
import com.ntprocesslab.store.account.AccountService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Session-layer figures, side by side in one run on a real H2 file database: replay speed,
 * restore of a 10,000-command machine with and without snapshots, command latency with the
 * durable commit under load on 1,000 live machines, and heap per live machine.
 */
public final class SessionBenchmark {

    private static final int LONG_LOG = 10_000;
    private static final int LIVE_MACHINES = 1_000;
    private static final int STUDENTS_TYPING = 8;
    private static final int COMMANDS_UNDER_LOAD = 20_000;

    private SessionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== Session benchmark ==");
        replaySpeed();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                        "--ntlab.sessions.snapshot-every=500", "--ntlab.sessions.max-live-machines=5000")) {
            MachineSessions sessions = context.getBean(MachineSessions.class);
            restoreLongLog(context, sessions);
            latencyUnderLoad(context, sessions);
        }
    }

    private static void replaySpeed() {
        Machine warmup = Machine.boot(Profile.MODERN);
        for (int i = 0; i < 20_000; i++) {
            warmup.execute(CommandMix.command(i));
        }
        Machine machine = Machine.boot(Profile.MODERN);
        long start = System.nanoTime();
        for (int i = 0; i < 50_000; i++) {
            machine.execute(CommandMix.command(i));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        print("replay, headless", 50_000 / seconds, "commands/s", "target >= 20,000");
    }

    private static void restoreLongLog(ConfigurableApplicationContext context, MachineSessions sessions) {
        context.getBean(AccountService.class).signUpStudent("long-log", "password-123");
        long machineId = sessions.openSandbox("long-log");
        for (int i = 0; i < LONG_LOG; i++) {
            sessions.submit(machineId, "long-log", CommandMix.command(i));
        }
        String expected = sessions.snapshot(machineId, "long-log");
        double withSnapshots = timeRestore(sessions, machineId, expected);
        context.getBean(JdbcTemplate.class).update("DELETE FROM machine_snapshot WHERE machine_id = ?", machineId);
        double fromLogOnly = timeRestore(sessions, machineId, expected);
        print("restore 10,000 commands, with snapshots", withSnapshots * 1000, "ms", "target < 500 ms");
        print("restore 10,000 commands, log only", fromLogOnly * 1000, "ms", "");
    }

    private static double timeRestore(MachineSessions sessions, long machineId, String expected) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            sessions.evict(machineId);
            long start = System.nanoTime();
            String restored = sessions.snapshot(machineId, "long-log");
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (!restored.equals(expected)) {
                throw new IllegalStateException("A restored machine differs from the live one");
            }
        }
        return best;
    }

    private static void latencyUnderLoad(ConfigurableApplicationContext context, MachineSessions sessions) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String hash = context.getBean(PasswordEncoder.class).encode("password-123");
        List<Long> machines = new ArrayList<>();
        for (int i = 0; i < LIVE_MACHINES; i++) {
            String student = "load-" + i;
            jdbc.update("INSERT INTO account (username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'STUDENT', CURRENT_TIMESTAMP)",
                    student, student, hash);
            long machineId = sessions.openSandbox(student);
            sessions.open(machineId, student, ReplayProgress.NONE);
            machines.add(machineId);
        }
        long heapLive = usedHeapAfterGc();
        machines.forEach(sessions::evict);
        long heapEvicted = usedHeapAfterGc();
        print("heap per live idle machine", (heapLive - heapEvicted) / 1024.0 / LIVE_MACHINES, "KB", "target <= 256 KB");
        for (int i = 0; i < LIVE_MACHINES; i++) {
            sessions.open(machines.get(i), "load-" + i, ReplayProgress.NONE);
        }

        ExecutorService students = Executors.newFixedThreadPool(STUDENTS_TYPING);
        List<Future<long[]>> results = new ArrayList<>();
        int perStudent = COMMANDS_UNDER_LOAD / STUDENTS_TYPING;
        long start = System.nanoTime();
        for (int s = 0; s < STUDENTS_TYPING; s++) {
            int seed = s;
            results.add(students.submit(() -> {
                long[] latencies = new long[perStudent];
                for (int i = 0; i < perStudent; i++) {
                    int index = (int) Math.floorMod((long) (seed * 7919 + i * 104_729), LIVE_MACHINES);
                    long t0 = System.nanoTime();
                    sessions.submit(machines.get(index), "load-" + index, CommandMix.command(i));
                    latencies[i] = System.nanoTime() - t0;
                }
                return latencies;
            }));
        }
        long[] all = new long[COMMANDS_UNDER_LOAD];
        int k = 0;
        for (Future<long[]> result : results) {
            for (long latency : result.get()) {
                all[k++] = latency;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        students.shutdown();
        Arrays.sort(all);
        print("throughput, " + STUDENTS_TYPING + " students typing on " + LIVE_MACHINES + " machines", COMMANDS_UNDER_LOAD / seconds, "commands/s", "");
        print("latency p50 (incl. durable commit)", all[all.length / 2] / 1e6, "ms", "");
        print("latency p99 (incl. durable commit)", all[(int) (all.length * 0.99)] / 1e6, "ms", "target <= 50 ms");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static void print(String what, double value, String unit, String target) {
        System.out.println(String.format(Locale.ROOT, "  %-62s %12.3f %-11s %s", what, value, unit, target));
    }
}
