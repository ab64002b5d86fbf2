package com.ntprocesslab.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.cluster.PostgresServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes started at once on one empty PostgreSQL database both race to create the first
 * administrator: both must come up, and there must be one administrator (one password file).
 */
class FirstStartRaceTest {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";
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
    void twoNodesStartingAtOnceOnAnEmptyDatabaseBothStartWithOneAdministrator() throws Exception {
        String database = postgres.newDatabase();
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        // two Spring Boot applications starting at once in one JVM race in re-initialising the shared
        // logging system ("Unable to find Spring Environment in logger context"); real nodes are separate
        // JVMs, so these two keep the logging the JVM already has
        String loggingSystem = System.getProperty(LOGGING_SYSTEM);
        System.setProperty(LOGGING_SYSTEM, "none");
        try {
            List<Future<ConfigurableApplicationContext>> starting = List.of(
                    starter.submit(() -> PostgresServer.node(database, "first-a")),
                    starter.submit(() -> PostgresServer.node(database, "first-b")));
            for (Future<ConfigurableApplicationContext> node : starting) {
                nodes.add(node.get(5, TimeUnit.MINUTES));
            }
            assertThat(nodes).allMatch(ConfigurableApplicationContext::isRunning);
            assertOneAdministrator(nodes.getFirst().getBean(JdbcTemplate.class));
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
            starter.shutdownNow();
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
        }
    }

    /**
     * The same race made certain: both nodes' bootstraps count the accounts (none) before
     * either inserts, so one insert meets the other's account.
     */
    @Test
    void whenBothNodesCountNoAccountOneCreatesTheAdministratorAndTheOtherGoesOn(@TempDir Path folderA, @TempDir Path folderB)
            throws Exception {
        String database = postgres.newDatabase();
        try (ConfigurableApplicationContext nodeA = PostgresServer.node(database, "count-a");
             ConfigurableApplicationContext nodeB = PostgresServer.node(database, "count-b")) {
            JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM account");
            CyclicBarrier bothCounted = new CyclicBarrier(2);
            List<InstructorBootstrap> bootstraps = List.of(bootstrapAfterBothCounted(nodeA, bothCounted, folderA),
                    bootstrapAfterBothCounted(nodeB, bothCounted, folderB));
            ExecutorService racers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = bootstraps.stream().<Future<?>>map(bootstrap -> racers.submit(() -> bootstrap.run(null))).toList();
                for (Future<?> run : runs) {
                    run.get(2, TimeUnit.MINUTES);
                }
            } finally {
                racers.shutdownNow();
            }
            assertOneAdministrator(jdbc);
            assertThat(List.of(folderA, folderB)).filteredOn(folder -> Files.exists(folder.resolve(InstructorBootstrap.PASSWORD_FILE)))
                    .as("the winner, and only it, wrote the password file").hasSize(1);
        }
    }

    /** The node's own bootstrap, on its real repository, held at its count until the other node has counted too. */
    private static InstructorBootstrap bootstrapAfterBothCounted(ConfigurableApplicationContext node, CyclicBarrier bothCounted,
                                                                 Path dataFolder) {
        AccountRepository real = node.getBean(AccountRepository.class);
        AccountRepository heldAtCount = (AccountRepository) Proxy.newProxyInstance(AccountRepository.class.getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("count")) {
                        bothCounted.await(1, TimeUnit.MINUTES);
                    }
                    return result;
                });
        return new InstructorBootstrap(heldAtCount, node.getBean(AccountService.class), "", dataFolder);
    }

    private static void assertOneAdministrator(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForList("SELECT username FROM account WHERE admin", String.class))
                .containsExactly(InstructorBootstrap.INSTRUCTOR_USERNAME);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Long.class)).isEqualTo(1L);
    }
}
