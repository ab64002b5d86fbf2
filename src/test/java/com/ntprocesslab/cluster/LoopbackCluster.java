package com.ntprocesslab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * docker/cluster.sh's topology (Debian's PostgreSQL, the built jar as node-1 and node-2, Debian's
 * nginx in front) on loopback ports {@code port} (nginx), {@code port + 1}, {@code port + 2}
 * (the nodes) and {@code port + 3} (PostgreSQL), with its state in a folder of its own; for the
 * cluster test and the API benchmark. Closing it stops everything.
 */
public final class LoopbackCluster implements AutoCloseable {

    private final Path state;
    private final int port;
    private final Map<String, String> environment;

    private LoopbackCluster(Path state, int port, Map<String, String> environment) {
        this.state = state;
        this.port = port;
        this.environment = environment;
    }

    /**
     * Starts the topology afresh (a run that was killed may have left one running: it is stopped
     * first, and its state deleted).
     *
     * @param environment settings for cluster.sh and the nodes (e.g. NTLAB_LEASE_DURATION)
     */
    public static LoopbackCluster start(Path state, int port, Map<String, String> environment) throws IOException, InterruptedException {
        LoopbackCluster cluster = new LoopbackCluster(state.toAbsolutePath(), port, environment);
        cluster.run("stop");
        FileSystemUtils.deleteRecursively(cluster.state);
        cluster.run("start");
        return cluster;
    }

    /** Why this machine cannot run the topology (no jar, nginx or PostgreSQL), or null when it can. */
    public static String unavailable() {
        if (!Files.isExecutable(Path.of("/usr/sbin/nginx"))) {
            return "no nginx (apt-get install nginx)";
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            if (versions.findAny().isEmpty()) {
                return "no PostgreSQL (apt-get install postgresql)";
            }
        } catch (IOException e) {
            return "no PostgreSQL (apt-get install postgresql)";
        }
        try (var jars = Files.list(Path.of("target"))) {
            if (jars.noneMatch(p -> p.getFileName().toString().matches("nt-process-lab-.*\\.jar"))) {
                return "no jar in target/ (mvn package)";
            }
        } catch (IOException e) {
            return "no target/ folder (mvn package)";
        }
        return null;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** Node n (1 or 2) itself, not through nginx. */
    public String nodeUrl(int n) {
        return "http://127.0.0.1:" + (port + n) + "/";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + (port + 3) + "/ntlab";
    }

    public String jdbcUser() {
        return "ntlab";
    }

    public String jdbcPassword() throws IOException {
        return Files.readString(state.resolve("db-password")).strip();
    }

    /** SIGKILL of node n: what a crash looks like (its leases stay behind in the table). */
    public void killNode(int n) throws IOException, InterruptedException {
        run("kill-node", Integer.toString(n));
    }

    /** The node whose lease names the machine, or null when no node holds it. */
    public String holderOf(long machine) throws SQLException, IOException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT node_id FROM machine_lease WHERE machine_id = ?")) {
            query.setLong(1, machine);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Every lease: machine to node. */
    public Map<Long, String> holders() throws SQLException, IOException {
        Map<Long, String> holders = new HashMap<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT machine_id, node_id FROM machine_lease");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                holders.put(rows.getLong(1), rows.getString(2));
            }
        }
        return holders;
    }

    private Connection connect() throws SQLException, IOException {
        return DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("stop");
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "docker/cluster.sh"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("NTLAB_CLUSTER_DIR", state.toString());
        builder.environment().put("NTLAB_CLUSTER_PORT", Integer.toString(port));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("docker/cluster.sh " + String.join(" ", args) + " failed; see " + state);
        }
    }
}
