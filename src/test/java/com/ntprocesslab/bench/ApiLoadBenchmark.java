package com.ntprocesslab.bench;

import com.ntprocesslab.Application;
import com.ntprocesslab.CommandMix;
import com.ntprocesslab.cluster.LoopbackCluster;
import com.ntprocesslab.store.token.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * {@code ntlab.bench.api.warmup} (10 s) it measures for {@code ntlab.bench.api.seconds} (30 s):
 * commands answered per second and the latency (HTTP round trip, including the durable commit)
 * at p50 and p99. Target: p99 at most 50 ms on one node.
 * <p>
 * Targets, side by side: (a) one node on H2 started here, in this JVM; then docker/cluster.sh's
 * loopback topology (Debian's PostgreSQL, the built jar twice, Debian's nginx; skipped with the
 * reason when one is missing, or with {@code -Dntlab.bench.api.cluster=false}): (b) its node-1
 * alone, straight on its port, and (c) both nodes behind nginx, each with students of their own
 * (created, with their tokens, through the application's own services by a short-lived node on
 * the cluster's database). After (c) it kills node-1 with SIGKILL and times, for each student
 * whose machine node-1 served, the kill to their next command answered by node-2 (the client
 * tries again every {@code ntlab.bench.api.retry}, 500 ms, while the answer is 503 "open on
 * another server"): the failover time at the cluster's default lease.
 * <p>
 * More targets: {@code -Dntlab.bench.api.targets="label=http://host:port/"} (several separated by
 * {@code ;}), whose database is given by {@code -Dntlab.bench.api.jdbc-url} (with
 * {@code .jdbc-user}, {@code .jdbc-password}).
 */
public final class ApiLoadBenchmark {

    private static final int STUDENTS = Integer.getInteger("ntlab.bench.api.students", 1_000);
    private static final Duration PERIOD = Duration.parse("PT" + System.getProperty("ntlab.bench.api.period", "3s"));
    private static final Duration WARMUP = Duration.parse("PT" + System.getProperty("ntlab.bench.api.warmup", "10s"));
    private static final Duration MEASURED = Duration.parse("PT" + System.getProperty("ntlab.bench.api.seconds", "30") + "s");
    private static final Duration RETRY = Duration.parse("PT" + System.getProperty("ntlab.bench.api.retry", "0.5s"));
    private static final int CLUSTER_PORT = Integer.getInteger("ntlab.bench.api.cluster-port", 18190);
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
            results.add(drive("1 node, H2 (in this JVM)", baseUrl, seed(node, "api-load-h2")).result());
        }
        String skipped = Boolean.parseBoolean(System.getProperty("ntlab.bench.api.cluster", "true"))
                ? LoopbackCluster.unavailable() : "-Dntlab.bench.api.cluster=false";
        String failover = "  failover: not measured (loopback cluster skipped: " + skipped + ")";
        if (skipped == null) {
            System.out.println("  starting docker/cluster.sh's topology on 127.0.0.1:" + CLUSTER_PORT + " (nginx) ...");
            try (LoopbackCluster cluster = LoopbackCluster.start(Path.of("target", "bench-cluster"), CLUSTER_PORT,
                    Map.of("NTLAB_NODE_XMX", "1g"))) {
                String prefix = "api-load-" + Long.toString(System.currentTimeMillis(), 36);
                List<String> alone;
                List<String> behindNginx;
                try (ConfigurableApplicationContext seeder = seeder(cluster.jdbcUrl(), cluster.jdbcUser(), cluster.jdbcPassword())) {
                    alone = seed(seeder, prefix + "-one");
                    behindNginx = seed(seeder, prefix + "-two");
                }
                results.add(drive("1 node, PostgreSQL (jar, node-1)", cluster.nodeUrl(1), alone).result());
                Run two = drive("2 nodes, nginx, PostgreSQL (jars)", cluster.baseUrl(), behindNginx);
                results.add(two.result());
                failover = failover(cluster, two.students());
            }
        }
        for (String target : System.getProperty("ntlab.bench.api.targets", "").split(";")) {
            if (!target.isBlank()) {
                results.add(driveRemote(target.strip()));
            }
        }
        print(results);
        System.out.println(failover);
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
        try (ConfigurableApplicationContext seeder = seeder(jdbcUrl, System.getProperty("ntlab.bench.api.jdbc-user", ""),
                System.getProperty("ntlab.bench.api.jdbc-password", ""))) {
            tokens = seed(seeder, "api-load-" + Long.toString(System.currentTimeMillis(), 36));
        }
        return drive(label, baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", tokens).result();
    }

    /** A short-lived node on another target's database, which creates that target's students. */
    private static ConfigurableApplicationContext seeder(String jdbcUrl, String user, String password) {
        return start("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--ntlab.node-id=bench-seeder");
    }

    /**
     * Kills node-1 and times each of its students' next answered command, from the kill: nginx
     * sends them to node-2, which says the machine is open elsewhere while node-1's lease looks
     * renewed, then waits out the rest of it and restores the machine from the log.
     */
    private static String failover(LoopbackCluster cluster, List<Student> students) throws Exception {
        Map<Long, String> holders = cluster.holders();
        List<Student> onNodeOne = students.stream().filter(s -> s.machine() > 0 && "node-1".equals(holders.get(s.machine()))).toList();
        HttpClient http = client();
        ConcurrentLinkedQueue<Long> waits = new ConcurrentLinkedQueue<>();
        AtomicLong gaveUp = new AtomicLong();
        long killedAt = System.nanoTime();
        cluster.killNode(1);
        long deadline = killedAt + Duration.ofSeconds(90).toNanos();
        try (ExecutorService retrying = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Student student : onNodeOne) {
                retrying.submit(() -> {
                    String commands = cluster.baseUrl() + "api/v1/machines/" + student.machine() + "/commands";
                    String body = commandJson(student.next());
                    while (System.nanoTime() < deadline) {
                        try {
                            if (http.send(request(commands, student.token(), body).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                                waits.add(System.nanoTime() - killedAt);
                                return null;
                            }
                        } catch (IOException e) {
                            // the connection nginx had open to node-1 broke: as a client would, try again
                        }
                        Thread.sleep(RETRY);
                    }
                    gaveUp.incrementAndGet();
                    return null;
                });
            }
        }
        long[] sorted = waits.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "  failover (kill -9 of node-1 to the student's next command answered on node-2, lease 10 s"
                        + " renewed every 2 s): %d students, p50 %.1f s, max %.1f s, %d not answered within 90 s",
                sorted.length, percentile(sorted, 0.5) / 1e3, sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e9,
                gaveUp.get());
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

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    private static Run drive(String label, String baseUrl, List<String> tokens) throws InterruptedException {
        HttpClient http = client();
        long start = System.nanoTime();
        long measureFrom = start + WARMUP.toNanos();
        long end = measureFrom + MEASURED.toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        List<Future<Student>> students = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                students.add(threads.submit(() -> student(http, baseUrl, token, measureFrom, end, latencies, failures, rejected)));
            }
        }
        List<Student> done = new ArrayList<>();
        for (Future<Student> student : students) {
            if (student.state() == Future.State.SUCCESS) {
                done.add(student.resultNow());
            } else {
                failures.incrementAndGet();
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run(new Result(label, tokens.size() / (PERIOD.toNanos() / 1e9), sorted.length / (MEASURED.toNanos() / 1e9),
                percentile(sorted, 0.50), percentile(sorted, 0.99), failures.get(), rejected.get()), done);
    }

    /** One student: opens their sandbox, then types the command mix on schedule until the end; returns where they stopped. */
    private static Student student(HttpClient http, String baseUrl, String token, long measureFrom, long end,
                                   ConcurrentLinkedQueue<Long> latencies, AtomicLong failures, AtomicLong rejected) throws Exception {
        HttpResponse<String> sandbox = http.send(request(baseUrl + "api/v1/sandbox", token, "").build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = MACHINE_ID.matcher(sandbox.body());
        if (sandbox.statusCode() != 200 || !id.find()) {
            failures.incrementAndGet();
            return new Student(token, -1, 0);
        }
        long machine = Long.parseLong(id.group(1));
        String commands = baseUrl + "api/v1/machines/" + machine + "/commands";
        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(PERIOD.toNanos());
        for (long k = 0; ; k++) {
            long pause = next - System.nanoTime();
            if (pause > 0) {
                Thread.sleep(Duration.ofNanos(pause));
            }
            long sent = System.nanoTime();
            if (sent >= end) {
                return new Student(token, machine, k);
            }
            HttpResponse<String> answer;
            try {
                answer = http.send(request(commands, token, commandJson(k)).build(), HttpResponse.BodyHandlers.ofString());
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

    private static String commandJson(long k) {
        return "{\"command\":\"" + CommandMix.command(k).replace("\\", "\\\\") + "\"}";
    }

    /** nginx picks a token's node by the token alone (docker/nginx): its calls stay on the node that holds its machine. */
    private static HttpRequest.Builder request(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
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
            System.out.println(String.format(Locale.ROOT, "  throughput %s / %s: %.2fx", r.label, results.getFirst().label,
                    r.throughput / results.getFirst().throughput));
        }
        Result onePg = results.stream().filter(r -> r.label.startsWith("1 node, PostgreSQL")).findFirst().orElse(null);
        Result twoPg = results.stream().filter(r -> r.label.startsWith("2 nodes, nginx")).findFirst().orElse(null);
        if (onePg != null && twoPg != null) {
            System.out.println(String.format(Locale.ROOT, "  throughput 2 nodes / 1 node, both on PostgreSQL: %.2fx (target >= 1.8x)",
                    twoPg.throughput / onePg.throughput));
        }
        System.out.println("  target: p99 <= 50 ms on one node; errors: non-200 answers; rejected: commands the machine refused");
    }

    /** A student after the load: their token, machine (-1 when the sandbox did not open) and next command of the mix. */
    private record Student(String token, long machine, long next) {
    }

    private record Run(Result result, List<Student> students) {
    }

    private record Result(String label, double offered, double throughput, double p50, double p99, long failures, long rejected) {
    }
}
