package com.ntprocesslab.session;

import com.ntprocesslab.Application;
import com.ntprocesslab.store.account.AccountService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server under test for {@link CrashSafetyTest}, run in its own JVM: it submits commands
 * through the session API and prints {@code ACK <n>} only after each answer came back, i.e.
 * after the command was committed. The test kills this JVM with SIGKILL mid-burst.
 */
public final class CrashDriver {

    /** The restarted server keeps the killed one's node name, so it takes the machine's lease back at once. */
    static final String CRASH_NODE = "crash-node";

    private CrashDriver() {
    }

    public static void main(String[] args) {
        String databaseUrl = args[0];
        String student = args[1];
        int commands = Integer.parseInt(args[2]);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + databaseUrl, "--server.port=0", "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off", "--ntlab.sessions.snapshot-every=25", "--ntlab.node-id=" + CRASH_NODE);
        context.getBean(AccountService.class).signUpStudent(student, "password-123");
        MachineSessions sessions = context.getBean(MachineSessions.class);
        long machineId = sessions.openSandbox(student);
        System.out.println("MACHINE " + machineId);
        System.out.flush();
        for (int i = 0; i < commands; i++) {
            if (sessions.submit(machineId, student, SessionTestCommands.command(i)).accepted()) {
                System.out.println("ACK " + i);
                System.out.flush();
            }
        }
        context.close();
    }
}
