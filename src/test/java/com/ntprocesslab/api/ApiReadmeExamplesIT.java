package com.ntprocesslab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.token.AccessTokens;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's curl examples of the HTTP API, run by bash as they are written against the
 * running server: only the token line gets a real token and the port the test server's.
 * {@code curl -f} and {@code pipefail} make any refused call fail the block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiReadmeExamplesIT {

    private static final String TOKEN_LINE = "TOKEN=ntlab_paste-the-token-your-profile-page-showed-you";
    private static final String PASSWORD = "readme-pass-4242";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    AccessTokens tokens;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LabMachines labMachines;
    @Autowired
    ClassResults results;

    @Test
    void theStudentsExamplesRunAsWritten() throws Exception {
        String student = account("readme-student", Role.STUDENT);

        Ran ran = run(blocks().get(0), tokens.create(student, "readme").secret());

        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(ran.output()).contains("\"id\":\"01-tour\"", "\"accepted\":true", "notepad.exe", "\"logPosition\":1",
                "\"labId\":\"01-tour\"", "\"complete\":false", "\"status\":\"next\"");
    }

    @Test
    void theInstructorsExamplesRunAsWritten() throws Exception {
        String instructor = account("readme-teacher", Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(instructor, "README class");
        String student = uniqueName("readme-pupil");
        classrooms.enroll(classroom, accounts.create(student, PASSWORD, Role.STUDENT));
        labMachines.openLab(student, "01-tour");

        Ran ran = run(blocks().get(1), tokens.create(instructor, "readme").secret());

        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(ran.output()).contains("\"className\":\"README class\"", "\"student\":\"" + student + "\"");
        StringWriter csv = new StringWriter();
        results.writeCsv(results.grid(instructor, classroom.getId(), "01-tour"), csv);
        assertThat(Files.readString(ran.folder().resolve("results.csv"))).isEqualTo(csv.toString());
    }

    /** The shell blocks of the README's HTTP API section, in order. */
    private static List<String> blocks() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## HTTP API\n");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher matcher = SHELL_BLOCK.matcher(readme.substring(start, end));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).hasSize(2);
        return blocks;
    }

    private Ran run(String block, String token) throws Exception {
        assertThat(block).startsWith(TOKEN_LINE + "\n").contains("http://localhost:8080/");
        String script = block.replace(TOKEN_LINE, "TOKEN=" + token).replace("http://localhost:8080/", "http://localhost:" + port + "/");
        Path folder = Files.createTempDirectory("readme-api");
        Process bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script).directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(bash.exitValue(), output, folder);
    }

    private String account(String prefix, Role role) {
        String name = uniqueName(prefix);
        accounts.create(name, PASSWORD, role);
        return name;
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + USERS.incrementAndGet();
    }

    private record Ran(int exit, String output, Path folder) {
    }
}
