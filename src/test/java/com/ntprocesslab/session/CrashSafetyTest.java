package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.Application;
import com.ntprocesslab.store.machine.CommandLogEntry;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * kill -9 of the server in the middle of a burst loses no command that got an answer, and the
 * restored machine equals a headless replay of what the log holds.
 */
class CrashSafetyTest {

    private static final int KILL_AFTER_ACKS = 300;

    @Test
    void everyAnsweredCommandSurvivesKillMinus9() throws Exception {
        String databaseUrl = "jdbc:h2:file:" + Path.of("target", "test-db", "crash-" + UUID.randomUUID()).toAbsolutePath()
                + ";WRITE_DELAY=0";
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashDriver.class.getName(), databaseUrl, "crash-student", "1000000")
                .redirectErrorStream(true)
                .start();

        long machineId = -1;
        List<Integer> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("MACHINE ")) {
                    machineId = Long.parseLong(line.substring(8).strip());
                } else if (line.startsWith("ACK ")) {
                    acknowledged.add(Integer.parseInt(line.substring(4).strip()));
                    if (acknowledged.size() == KILL_AFTER_ACKS) {
                        // SIGKILL: no shutdown hook, no flush. Keep reading: acks already in the pipe count too.
                        new ProcessBuilder("kill", "-9", Long.toString(server.pid())).start().waitFor();
                    }
                }
            }
        }
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + databaseUrl, "--server.port=0", "--ntlab.node-id=" + CrashDriver.CRASH_NODE)) {
            List<CommandLogEntry> log = restarted.getBean(CommandLogRepository.class).findByMachineIdOrderBySeq(machineId);
            assertThat(log).hasSizeGreaterThanOrEqualTo(acknowledged.size());
            for (int ack : acknowledged) {
                CommandLogEntry entry = log.get(ack);
                assertThat(entry.getSeq()).isEqualTo(ack + 1L);
                assertThat(entry.getCommand()).isEqualTo(SessionTestCommands.command(ack));
            }
            List<String> commands = log.stream().map(CommandLogEntry::getCommand).toList();
            assertThat(restarted.getBean(MachineSessions.class).snapshot(machineId, "crash-student"))
                    .isEqualTo(SessionTestCommands.headlessReplay(commands));
        }
    }
}
