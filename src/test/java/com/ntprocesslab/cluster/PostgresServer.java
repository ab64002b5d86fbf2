package com.ntprocesslab.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.ntprocesslab.Application;

/**
 * A real PostgreSQL for the tests (zonky's embedded binaries from Maven Central: no server
 * installed), started once per test class; each test gets a database of its own on it.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty database; returns its JDBC URL. */
    public String newDatabase() {
        String name = "ntlab_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** The Spring arguments of a node on that database (profile postgres), with a data folder of its own. */
    public static List<String> nodeArguments(String jdbcUrl, String nodeId, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--ntlab.node-id=" + nodeId,
                "--ntlab.data.path=" + Path.of("target", "test-db", "node-" + UUID.randomUUID()).toAbsolutePath(),
                "--logging.level.root=WARN", "--spring.main.banner-mode=off", "--spring.jpa.hibernate.ddl-auto=validate"));
        args.addAll(List.of(more));
        return args;
    }

    /** A node (an application context with its own web server) in this JVM. */
    public static ConfigurableApplicationContext node(String jdbcUrl, String nodeId, String... more) {
        return new SpringApplicationBuilder(Application.class).run(nodeArguments(jdbcUrl, nodeId, more).toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
