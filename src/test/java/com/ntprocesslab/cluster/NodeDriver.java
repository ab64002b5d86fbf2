package com.ntprocesslab.cluster;

import com.ntprocesslab.Application;
import com.ntprocesslab.CommandMix;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Node A of {@link NodeFailoverTest}, in a JVM of its own so the test can kill it with SIGKILL:
 * it serves one student (args: student, commands, then the node's Spring arguments), prints what
 * the student saw, then keeps running (holding the machine's lease) until it is killed.
 */
public final class NodeDriver {

    private NodeDriver() {
    }

    public static void main(String[] args) throws Exception {
        String student = args[0];
        int commands = Integer.parseInt(args[1]);
        ConfigurableApplicationContext node = new SpringApplicationBuilder(Application.class).run(Arrays.copyOfRange(args, 2, args.length));
        node.getBean(AccountService.class).signUpStudent(student, "password-123");
        MachineSessions sessions = node.getBean(MachineSessions.class);
        long machine = sessions.openSandbox(student);
        System.out.println("MACHINE " + machine);
        for (int i = 0; i < commands; i++) {
            if (!sessions.submit(machine, student, CommandMix.command(i)).accepted()) {
                throw new IllegalStateException("command refused: " + CommandMix.command(i));
            }
        }
        System.out.println("SNAPSHOT " + sha256(sessions.snapshot(machine, student)));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
