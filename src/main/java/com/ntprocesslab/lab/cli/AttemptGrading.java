package com.ntprocesslab.lab.cli;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabFiles;
import com.ntprocesslab.lab.catalog.LabLoader;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.grading.CheckpointProgress;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LoggedCommand;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.lab.text.Language;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * {@code lab grade <lab folder> <attempt.cmd>}: the lab's setup, then the attempt (one console
 * command per line, {@code #} starts a comment), graded over the history exactly as a
 * student's machine is. Commands the kernel rejects are reported and, as on the server, not
 * part of the history.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class AttemptGrading {

    private final PrintStream out;
    private final PrintStream err;

    int run(Path labFolder, Path attempt) {
        List<String> commands;
        Lab lab;
        try {
            LabLoader.Result loaded = LabLoader.load(LabFiles.of(labFolder));
            if (loaded.lab().isEmpty()) {
                loaded.problems().forEach(problem -> err.println("PROBLEM " + problem));
                return 2;
            }
            lab = loaded.lab().get();
            commands = Files.readAllLines(attempt).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException | RuntimeException e) {
            err.println("Cannot read the lab or the attempt: " + e.getMessage());
            err.println(LabCli.USAGE);
            return 2;
        }
        List<LoggedCommand> log = new ArrayList<>();
        Machine machine = Machine.boot(lab.profile());
        for (ScriptLine line : lab.setup()) {
            machine.execute(line.command());
            log.add(LoggedCommand.of(line.command()));
        }
        for (String command : commands) {
            CommandResult result = machine.execute(command);
            if (result.accepted()) {
                log.add(LoggedCommand.of(command));
            } else {
                out.printf("  rejected: %s -> %s%n", command, result.output().strip());
            }
        }
        HistoryGrade grade = new HistoryGrader(new Grader(new ReferenceRuns())).grade(lab, log, lab.setup().size());
        out.printf("%s: %s%n", lab.id(), attempt);
        grade.checkpoints().forEach(progress -> print(out, progress));
        out.printf("%d of %d checkpoint(s) reached.%n", grade.passedCount(), grade.checkpoints().size());
        return grade.allPassed() ? 0 : 1;
    }

    /** "PASS id: at command 7 (g)", "FAIL id: <feedback>", or "---- id: not reached yet". */
    static void print(PrintStream out, CheckpointProgress progress) {
        String id = progress.checkpoint().id();
        if (progress.reached().isPresent()) {
            out.printf("  PASS %s: at command %d (%s)%n", id, progress.reached().get().position(), progress.reached().get().command());
        } else if (!progress.feedback().isEmpty()) {
            out.printf("  FAIL %s: %s%n", id, progress.feedbackIn(Language.EN).replace("\n", "\n        "));
        } else {
            out.printf("  ---- %s: not reached yet (the checkpoints before it come first)%n", id);
        }
    }
}
