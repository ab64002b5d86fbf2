package com.ntprocesslab.bench;

import com.ntprocesslab.Application;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabFiles;
import com.ntprocesslab.lab.catalog.LabLoader;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LoggedCommand;
import com.ntprocesslab.lab.progress.ClassRegrade;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.lab.progress.RegradeSummary;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Grading figures: one checkpoint graded by state comparison on a machine whose log holds
 * 1,000 commands, and a re-grade of a class of 100 students whose machines each have a
 * 1,000-command log in the H2 database, through the same service the instructor uses.
 */
public final class GradingBenchmark {

    private static final String LAB = "08-csrss";
    private static final int LOG_LENGTH = 1_000;
    private static final int CLASS_SIZE = 100;
    private static final Pattern HANDLES = Pattern.compile("hProcess: (0x[0-9a-f]+)\\s+hThread: (0x[0-9a-f]+)");

    private GradingBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("== Grading benchmark ==");
        Lab lab = LabLoader.load(LabFiles.of(Path.of("labs", LAB))).lab().orElseThrow();
        Checkpoint comparison = lab.checkpoint("same-records").orElseThrow();
        List<String[]> log = studentLog(lab);
        // Compared where the comparison holds: notepad.exe registered, before the termination (the last two commands).
        gradeOneCheckpoint(lab, comparison, log.subList(0, log.size() - 2));
        gradeTheWholeHistory(lab, log, "lab done at the end");
        gradeTheWholeHistory(lab, studentLog(lab, true), "lab done first, then exploring");
        regradeClass(log);
    }

    /**
     * The lab's setup, then cycles of starting, inspecting, terminating and closing calc.exe (so
     * the machine stays a realistic size), then the lab's own path: notepad.exe started and terminated. Each entry
     * is a command and the answer the kernel gave, as the command log stores them.
     */
    private static List<String[]> studentLog(Lab lab) {
        return studentLog(lab, false);
    }

    /** With {@code pathFirst} the lab's own path comes right after the setup and the calc.exe cycles follow: a student exploring after the lab is done. */
    private static List<String[]> studentLog(Lab lab, boolean pathFirst) {
        Machine machine = Machine.boot(lab.profile());
        List<String[]> log = new ArrayList<>();
        lab.setup().stream().map(ScriptLine::command).forEach(command -> run(machine, command, log));
        if (pathFirst) {
            String answer = run(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", log);
            run(machine, "g", log);
            run(machine, ".call explorer.exe TerminateProcess " + handlesIn(answer)[0] + " 1", log);
            run(machine, "g", log);
        }
        int ending = pathFirst ? 0 : 4;
        while (log.size() + 7 + ending <= LOG_LENGTH) {
            String[] handles = startAndStop(machine, "calc.exe", log);
            run(machine, ".call explorer.exe CloseHandle " + handles[1], log);
            run(machine, ".call explorer.exe CloseHandle " + handles[0], log);
        }
        while (log.size() + ending < LOG_LENGTH) {
            run(machine, "!process 0 0", log);
        }
        if (pathFirst) {
            return log;
        }
        // The lab's own path at the end: notepad.exe registered with csrss, then terminated with status 1.
        String answer = run(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", log);
        run(machine, "g", log);
        run(machine, ".call explorer.exe TerminateProcess " + handlesIn(answer)[0] + " 1", log);
        run(machine, "g", log);
        return log;
    }

    /** Starts the image, lists the processes and terminates it: five commands; returns its handles, still open. */
    private static String[] startAndStop(Machine machine, String image, List<String[]> log) {
        String[] handles = handlesIn(run(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\" + image, log));
        run(machine, "g", log);
        run(machine, "!process 0 0", log);
        run(machine, ".call explorer.exe TerminateProcess " + handles[0] + " 0", log);
        run(machine, "g", log);
        return handles;
    }

    private static String[] handlesIn(String answer) {
        Matcher handles = HANDLES.matcher(answer);
        if (!handles.find()) {
            throw new IllegalStateException("CreateProcessW printed no handles: " + answer);
        }
        return new String[] {handles.group(1), handles.group(2)};
    }

    private static String run(Machine machine, String command, List<String[]> log) {
        CommandResult result = machine.execute(command);
        if (!result.accepted()) {
            throw new IllegalStateException("The benchmark log's command was rejected: " + command + " -> " + result.output());
        }
        log.add(new String[] {command, result.output()});
        return result.output();
    }

    /**
     * Every checkpoint of the lab over the whole 1,000-command history, evaluated after every
     * command (a replay from boot), as a student's Check and a re-grade do.
     */
    private static void gradeTheWholeHistory(Lab lab, List<String[]> log, String shape) {
        List<LoggedCommand> history = log.stream().map(entry -> LoggedCommand.of(entry[0])).toList();
        HistoryGrader grader = new HistoryGrader(new Grader(new ReferenceRuns()));
        HistoryGrade first = grader.grade(lab, history, lab.setup().size());
        if (!first.allPassed()) {
            throw new IllegalStateException("The benchmark student should reach every checkpoint: " + first.next());
        }
        for (int i = 0; i < 5; i++) {
            grader.grade(lab, history, lab.setup().size());
        }
        int rounds = 20;
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            grader.grade(lab, history, lab.setup().size());
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        SessionBenchmark.print("grade " + lab.checkpoints().size() + " checkpoints over a " + history.size() + "-cmd history (" + shape + "), median",
                times[rounds / 2] / 1e6, "ms", "target < 1 s");
    }

    private static void gradeOneCheckpoint(Lab lab, Checkpoint checkpoint, List<String[]> log) {
        Machine machine = Machine.boot(lab.profile());
        log.forEach(entry -> machine.execute(entry[0]));
        ReferenceRuns references = new ReferenceRuns();
        Grader grader = new Grader(references);
        long first = System.nanoTime();
        boolean passed = grader.grade(lab, checkpoint, machine.snapshotJson()).passed();
        double coldMs = (System.nanoTime() - first) / 1e6;
        if (!passed) {
            throw new IllegalStateException("The benchmark student should pass " + checkpoint.id());
        }
        for (int i = 0; i < 300; i++) {
            grader.grade(lab, checkpoint, machine.snapshotJson());
        }
        int rounds = 1_000;
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            grader.grade(lab, checkpoint, machine.snapshotJson());
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        SessionBenchmark.print("grade 1 checkpoint by comparison, cold (incl. reference run)", coldMs, "ms", "");
        SessionBenchmark.print("grade 1 checkpoint by comparison, median (1,000-cmd machine)", times[rounds / 2] / 1e6, "ms", "target < 50 ms");
        SessionBenchmark.print("grade 1 checkpoint by comparison, p99", times[(int) (rounds * 0.99)] / 1e6, "ms", "");
    }

    /**
     * One student types the log through the session layer (so the machine gets the snapshots
     * the app stores every 500 commands); the other 99 machines are copies of its rows. The
     * class is re-graded twice: as stored, and with the snapshots deleted (replay from the log
     * alone, the worst case).
     */
    private static void regradeClass(List<String[]> log) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run("--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                        "--spring.datasource.url=jdbc:h2:file:./target/bench-db/grading-" + ProcessHandle.current().pid() + ";WRITE_DELAY=0")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            MachineSessions sessions = context.getBean(MachineSessions.class);
            LabMachines labs = context.getBean(LabMachines.class);
            ClassRegrade regrades = context.getBean(ClassRegrade.class);
            context.getBean(AccountService.class).create("regrade-teacher", "password-123", Role.INSTRUCTOR);
            ClassroomService classrooms = context.getBean(ClassroomService.class);
            Classroom classroom = classrooms.create("regrade-teacher", "Benchmark class");
            context.getBean(AccountService.class).signUpStudent("regrade-0", "password-123", classroom.getJoinCode());
            long typed = labs.openLab("regrade-0", LAB);
            for (String[] entry : log.subList(jdbc.queryForObject("SELECT COUNT(*) FROM command_log WHERE machine_id = ?", Integer.class, typed), log.size())) {
                sessions.submit(typed, "regrade-0", entry[0]);
            }
            String hash = context.getBean(PasswordEncoder.class).encode("password-123");
            Timestamp now = Timestamp.from(Instant.now());
            for (int s = 1; s < CLASS_SIZE; s++) {
                String student = "regrade-" + s;
                jdbc.update("INSERT INTO account (username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'STUDENT', ?)",
                        student, student, hash, now);
                long ownerId = jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, student);
                jdbc.update("INSERT INTO enrollment (classroom_id, student_id, joined_at) VALUES (?, ?, ?)", classroom.getId(), ownerId, now);
                jdbc.update("INSERT INTO machine (owner_id, profile, purpose, kernel_version, active, created_at) VALUES (?, 'MODERN', ?, ?, TRUE, ?)",
                        ownerId, LAB, Machine.KERNEL_VERSION, now);
                long machineId = jdbc.queryForObject("SELECT MAX(id) FROM machine WHERE owner_id = ?", Long.class, ownerId);
                jdbc.update("INSERT INTO command_log (machine_id, seq, command, output, kernel_version, accepted_at) "
                        + "SELECT ?, seq, command, output, kernel_version, accepted_at FROM command_log WHERE machine_id = ?", machineId, typed);
                jdbc.update("INSERT INTO machine_snapshot (machine_id, seq, kernel_version, data, sha256, created_at) "
                        + "SELECT ?, seq, kernel_version, data, sha256, created_at FROM machine_snapshot WHERE machine_id = ?", machineId, typed);
            }
            int snapshots = jdbc.queryForObject("SELECT COUNT(*) FROM machine_snapshot WHERE machine_id = ?", Integer.class, typed);
            double stored = timeRegrade(regrades);
            jdbc.update("DELETE FROM machine_snapshot");
            double logOnly = timeRegrade(regrades);
            SessionBenchmark.print("re-grade " + CLASS_SIZE + " students, " + LOG_LENGTH + "-cmd logs, " + snapshots + " snapshot(s) each", stored, "s", "target < 10 s");
            SessionBenchmark.print("re-grade " + CLASS_SIZE + " students, " + LOG_LENGTH + "-cmd logs, log only (worst case)", logOnly, "s", "");
        }
    }

    private static double timeRegrade(ClassRegrade labs) {
        long start = System.nanoTime();
        RegradeSummary summary = labs.regrade("regrade-teacher", LAB, (done, total, student) -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (summary.students().size() != CLASS_SIZE || summary.students().stream().anyMatch(s -> s.passed() != summary.students().getFirst().passed())) {
            throw new IllegalStateException("The re-grade did not grade " + CLASS_SIZE + " identical machines alike: " + summary.students());
        }
        return seconds;
    }
}
