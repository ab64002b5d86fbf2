package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.Application;
import com.ntprocesslab.store.account.AccountService;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A machine is its log: after a restart on the same database file it is the same machine. */
class MachinePersistenceTest {

    private final String databaseUrl = "jdbc:h2:file:" + Path.of("target", "test-db", "restart-" + UUID.randomUUID()).toAbsolutePath()
            + ";WRITE_DELAY=0";

    @Test
    void aRestartedServerRestoresTheSameMachineAndHistory() {
        long machineId;
        String snapshotBefore;
        List<ConsoleEntry> historyBefore;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(AccountService.class).signUpStudent("grace", "password-123");
            MachineSessions sessions = first.getBean(MachineSessions.class);
            machineId = sessions.openSandbox("grace");
            sessions.submit(machineId, "grace", "!process 0 0");
            ConsoleEntry rejected = sessions.submit(machineId, "grace", "no-such-command");
            sessions.submit(machineId, "grace", "!process 0 0");
            assertThat(rejected.accepted()).isFalse();
            snapshotBefore = sessions.snapshot(machineId, "grace");
            historyBefore = sessions.history(machineId, "grace");
        }

        try (ConfigurableApplicationContext second = start()) {
            MachineSessions sessions = second.getBean(MachineSessions.class);

            assertThat(sessions.openSandbox("grace")).isEqualTo(machineId);
            assertThat(sessions.snapshot(machineId, "grace")).isEqualTo(snapshotBefore);
            assertThat(sessions.history(machineId, "grace")).isEqualTo(historyBefore)
                    .extracting(ConsoleEntry::command).containsExactly("!process 0 0", "!process 0 0");
        }
    }

    @Test
    void anotherStudentsMachineIsNotFoundAndStaysUntouched() {
        try (ConfigurableApplicationContext context = start()) {
            AccountService accounts = context.getBean(AccountService.class);
            accounts.signUpStudent("owner", "password-123");
            accounts.signUpStudent("intruder", "password-123");
            MachineSessions sessions = context.getBean(MachineSessions.class);
            long machineId = sessions.openSandbox("owner");
            String before = sessions.snapshot(machineId, "owner");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.submit(machineId, "intruder", "!process 0 0"))
                    .isInstanceOf(MachineNotFoundException.class)
                    .hasMessageContaining("not found");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.history(machineId, "intruder"))
                    .isInstanceOf(MachineNotFoundException.class);

            assertThat(sessions.snapshot(machineId, "owner")).isEqualTo(before);
            assertThat(sessions.history(machineId, "owner")).isEmpty();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + databaseUrl, "--server.port=0");
    }
}
