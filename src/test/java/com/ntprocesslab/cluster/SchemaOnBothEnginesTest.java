package com.ntprocesslab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.Application;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountService;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations give the schema the entities expect (Hibernate validates it) on H2 and on
 * PostgreSQL, and an H2 database made by the released migrations (V1..V13 at their old place,
 * copied verbatim into src/test/resources/db/released-h2) migrates on with the new layout: the
 * moved files keep their checksums.
 */
class SchemaOnBothEnginesTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void postgresqlGetsTheSchemaTheEntitiesExpect() {
        // the nodes validate the schema: PostgresServer.nodeArguments sets ddl-auto=validate
        try (ConfigurableApplicationContext node = PostgresServer.node(postgres.newDatabase(), "schema-node")) {
            assertThat(versions(node)).containsExactly("1", "2", "4", "5", "10", "13", "14", "16", "19", "20");
            assertWorks(node);
        }
    }

    @Test
    void anH2DatabaseOfTheReleasedMigrationsMigratesOnAndValidates() {
        String url = "jdbc:h2:file:" + Path.of("target", "test-db", "released-" + UUID.randomUUID()).toAbsolutePath() + ";WRITE_DELAY=0";
        Flyway released = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/released-h2").load();
        released.migrate();
        assertThat(released.info().current().getVersion().getVersion()).isEqualTo("13");

        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class).run("--spring.datasource.url=" + url,
                "--spring.datasource.username=sa", "--spring.datasource.password=", "--server.port=0", "--spring.jpa.hibernate.ddl-auto=validate", "--logging.level.root=WARN")) {
            assertThat(versions(node)).containsExactly("1", "2", "4", "5", "10", "13", "14", "16", "19", "20");
            List<Boolean> succeeded = node.getBean(JdbcTemplate.class).queryForList("SELECT \"success\" FROM \"flyway_schema_history\"", Boolean.class);
            assertThat(succeeded).doesNotContain(false);
            assertWorks(node);
        }
    }

    private static List<String> versions(ConfigurableApplicationContext node) {
        String history = node.getEnvironment().getActiveProfiles().length > 0 ? "flyway_schema_history" : "\"flyway_schema_history\"";
        String version = history.startsWith("\"") ? "\"version\"" : "version";
        String rank = history.startsWith("\"") ? "\"installed_rank\"" : "installed_rank";
        // the released run also wrote a row without version: Flyway's note that it created the schema
        return node.getBean(JdbcTemplate.class).queryForList("SELECT " + version + " FROM " + history + " WHERE " + version
                + " IS NOT NULL ORDER BY " + rank, String.class);
    }

    /** Every column type round-trips: a command's answer (text), a snapshot (bytes), a lease. */
    private static void assertWorks(ConfigurableApplicationContext node) {
        node.getBean(AccountService.class).signUpStudent("schema-student", "password-123");
        MachineSessions sessions = node.getBean(MachineSessions.class);
        long machine = sessions.openSandbox("schema-student");
        assertThat(sessions.submit(machine, "schema-student", "!process 0 0").accepted()).isTrue();
        assertThat(sessions.history(machine, "schema-student")).hasSize(1);
        sessions.evict(machine);
        assertThat(sessions.history(machine, "schema-student").getFirst().output()).contains("PROCESS");
    }
}
