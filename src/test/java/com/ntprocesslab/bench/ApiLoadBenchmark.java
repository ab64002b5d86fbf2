package com.ntprocesslab.bench;

import com.ntprocesslab.Application;
import com.ntprocesslab.CommandMix;
import com.ntprocesslab.store.token.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A class's load through the HTTP API: {@code ntlab.bench.api.students} (1,000) simulated
 * students, each with their own token and sandbox, each sending a console command every
 * {@code ntlab.bench.api.period} (3 s; the next one after the answer, on a fixed schedule, so a
 * slow server is not flooded), on virtual threads with java.net.http. After
 * {@code ntlab.bench.api.warmup} (15 s) it measures for {@code ntlab.bench.api.seconds} (45 s):
 * commands answered per second and the latency (HTTP round trip, including the durable commit)
 * at p50 and p99. Target: p99 at most 50 ms on one node.
 * <p>
 * The first target is always one node on H2 started here, in this JVM (so server and load share
 * this machine's cores). More targets run in the same invocation and print beside it:
 * {@code -Dntlab.bench.api.targets="2 nodes, nginx, PostgreSQL=http://127.0.0.1:8080/"} (several
 * separated by {@code ;}), whose database is given by {@code -Dntlab.bench.api.jdbc-url} (with
 * {@code .jdbc-user}, {@code .jdbc-password}): a short-lived node on that database creates the
 * students and their tokens through the application's own services before the load starts.
 */
public final class ApiLoadBenchmark {

    private static final int STUDENTS = Integer.getInteger("ntlab.bench.api.students", 1_000);
    private static final Duration PERIOD = Duration.parse("PT" + System.getProperty("ntlab.bench.api.period", "3s"));
    private static final Duration WARMUP = Duration.parse("PT" + System.getProperty("ntlab.bench.api.warmup", "15s"));
    private static final Duration MEASURED = Duration.parse("PT" + System.getProperty("ntlab.bench.api.seconds", "45") + "s");
    private static final Pattern MACHINE_ID = Pattern.compile("\"machineId\":(\\d+)");
    private static final String[] QUIET = {"--logging.level.root=WARN", "--spring.main.banner-mode=off"};

    private ApiLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== HTTP API load benchmark: " + STUDENTS + " students, a command every " + PERIOD.toMillis()
                + " ms each, measured " + MEASURED.toSeconds() + " s after " + WARMUP.toSeconds() + " s ==");
        List<Result> results = new ArrayList<>();
        try (ConfigurableApplicationContext node = start("--server.port=0")) {
            String baseUrl = "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + "/";
            results.add(drive("1 node, H2 (in this JVM)", baseUrl, seed(node, "api-load-h2")));
        }
        for (String target : System.getProperty("ntlab.bench.api.targets", "").split(";")) {
            if (!target.isBlank()) {
                results.add(driveRemote(target.strip()));
            }
        }
        print(results);
    }

    private static Result driveRemote(String target) throws Exception {
        int equals = target.lastIndexOf("=http");
        if (equals < 0) {
            throw new IllegalArgumentException("A target is 'label=http://host:port/', not '" + target + "'.");
        }
        String label = target.substring(0, equals);
        String baseUrl = target.substring(equals + 1);
        String jdbcUrl = System.getProperty("ntlab.bench.api.jdbc-url", "");
        if (jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("Target '" + label + "' needs -Dntlab.bench.api.jdbc-url (its database) to create the students.");
        }
        List<String> tokens;
        try (ConfigurableApplicationContext seeder = start("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + System.getProperty("ntlab.bench.api.jdbc-user", ""),
                "--spring.datasource.password=" + System.getProperty("ntlab.bench.api.jdbc-password", ""))) {
            tokens = seed(seeder, "api-load-" + Long.toString(System.currentTimeMillis(), 36));
        }
        return drive(label, baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", tokens);
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = Arrays.copyOf(args, args.length + QUIET.length);
        System.arraycopy(QUIET, 0, all, args.length, QUIET.length);
        return new SpringApplicationBuilder(Application.class).run(all);
    }

    /**
     * The students (inserted directly, with one password hash for all: BCrypt per account would
     * take a minute) and a token each, made by the application's token service.
     */
    private static List<String> seed(ConfigurableApplicationContext context, String prefix) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String hash = context.getBean(PasswordEncoder.class).encode("password-123");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            String student = prefix + "-" + i;
            rows.add(new Object[] {student, student, hash});
        }
        jdbc.batchUpdate("INSERT INTO account (username, username_key, password_hash, role, created_at) "
                + "VALUES (?, ?, ?, 'STUDENT', CURRENT_TIMESTAMP)", rows);
        AccessTokens tokens = context.getBean(AccessTokens.class);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            secrets.add(tokens.create(prefix + "-" + i, "load test").secret());
        }
        return secrets;
    }

    private static Result drive(String label, String baseUrl, List<String> tokens) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long start = System.nanoTime();
        long measureFrom = start + WARMUP.toNanos();
        long end = measureFrom + MEASURED.toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        try (ExecutorService students = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                students.submit(() -> student(http, baseUrl, token, measureFrom, end, latencies, failures, rejected));
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(label, tokens.size() / (PERIOD.toNanos() / 1e9), sorted.length / (MEASURED.toNanos() / 1e9),
                percentile(sorted, 0.50), percentile(sorted, 0.99), failures.get(), rejected.get());
    }

    /** One student: opens their sandbox, then types the command mix on schedule until the end. */
    private static Void student(HttpClient http, String baseUrl, String token, long measureFrom, long end,
                                ConcurrentLinkedQueue<Long> latencies, AtomicLong failures, AtomicLong rejected) throws Exception {
        HttpResponse<String> sandbox = http.send(request(baseUrl + "api/v1/sandbox", token, "").build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = MACHINE_ID.matcher(sandbox.body());
        if (sandbox.statusCode() != 200 || !id.find()) {
            failures.incrementAndGet();
            return null;
        }
        String commands = baseUrl + "api/v1/machines/" + id.group(1) + "/commands";
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(PERIOD.toNanos());
        for (long k = 0; ; k++) {
            long pause = next - System.nanoTime();
            if (pause > 0) {
                Thread.sleep(Duration.ofNanos(pause));
            }
            long sent = System.nanoTime();
            if (sent >= end) {
                return null;
            }
            String body = "{\"command\":\"" + CommandMix.command(k).replace("\\", "\\\\") + "\"}";
            HttpResponse<String> answer;
            try {
                answer = http.send(request(commands, token, body).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures.incrementAndGet();
                next = Math.max(next + PERIOD.toNanos(), System.nanoTime());
                continue;
            }
            long took = System.nanoTime() - sent;
            if (answer.statusCode() != 200) {
                failures.incrementAndGet();
            } else if (!answer.body().contains("\"accepted\":true")) {
                rejected.incrementAndGet();
            }
            if (sent >= measureFrom && answer.statusCode() == 200) {
                latencies.add(took);
            }
            next = Math.max(next + PERIOD.toNanos(), System.nanoTime());
        }
    }

    /**
     * Each student also sends a route cookie of their own, as a browser keeps the one nginx gives
     * it (docker/nginx): behind it a student's calls stay on one node, which holds their machine.
     */
    private static HttpRequest.Builder request(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Cookie", "ntlab_route=" + token.substring(token.length() - 12))
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static void print(List<Result> results) {
        System.out.println(String.format(Locale.ROOT, "  %-40s %10s %12s %9s %9s %8s %9s", "target", "offered/s", "answered/s",
                "p50 ms", "p99 ms", "errors", "rejected"));
        for (Result r : results) {
            System.out.println(String.format(Locale.ROOT, "  %-40s %10.1f %12.1f %9.2f %9.2f %8d %9d", r.label, r.offered, r.throughput,
                    r.p50, r.p99, r.failures, r.rejected));
        }
        for (Result r : results.subList(1, results.size())) {
            System.out.println(String.format(Locale.ROOT, "  throughput %s / %s: %.2fx (target for 2 nodes: >= 1.8x)", r.label,
                    results.getFirst().label, r.throughput / results.getFirst().throughput));
        }
        System.out.println("  target: p99 <= 50 ms on one node; errors: non-200 answers; rejected: commands the machine refused");
    }

    private record Result(String label, double offered, double throughput, double p50, double p99, long failures, long rejected) {
    }
}
