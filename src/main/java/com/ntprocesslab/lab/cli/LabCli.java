package com.ntprocesslab.lab.cli;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabFiles;
import com.ntprocesslab.lab.catalog.LabFolders;
import com.ntprocesslab.lab.catalog.LabLoader;
import com.ntprocesslab.lab.catalog.LabProblem;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lombok.RequiredArgsConstructor;

/**
 * {@code lab check <folder>}: validates a lab (or a folder of labs), runs each reference
 * solution and prints every checkpoint's result. {@code lab grade <lab folder> <attempt.cmd>}:
 * runs the lab's setup, then the attempt's commands, grades over the whole history as the
 * server grades a student, and prints each checkpoint. Plain Java wiring, no Spring and no web
 * server, so authors and CI can run it anywhere. Exit status 0 when every lab is fine (every
 * checkpoint reached), 1 otherwise, 2 for a usage error.
 */
@RequiredArgsConstructor
public final class LabCli {

    static final String USAGE = "usage: lab check <lab folder | folder of labs>\n       lab grade <lab folder> <attempt.cmd>";

    private final PrintStream out;
    private final PrintStream err;

    public int run(String... args) {
        if (args.length == 3 && args[0].equals("grade")) {
            return new AttemptGrading(out, err).run(Path.of(args[1]), Path.of(args[2]));
        }
        if (args.length != 2 || !args[0].equals("check")) {
            err.println(USAGE);
            return 2;
        }
        List<LabFiles> folders;
        try {
            folders = LabFolders.in(Path.of(args[1]));
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ReferenceRuns references = new ReferenceRuns();
        LabVerifier verifier = new LabVerifier(references, new Grader(references));
        int broken = 0;
        for (LabFiles folder : folders) {
            broken += check(folder, verifier) ? 0 : 1;
        }
        out.printf("%nChecked %d lab(s): %d ok, %d with problems.%n", folders.size(), folders.size() - broken, broken);
        return broken == 0 ? 0 : 1;
    }

    private boolean check(LabFiles folder, LabVerifier verifier) {
        out.println(folder.folder());
        List<LabProblem> problems;
        try {
            LabLoader.Result loaded = LabLoader.load(folder);
            if (loaded.lab().isEmpty()) {
                problems = loaded.problems();
            } else {
                Lab lab = loaded.lab().get();
                out.printf("  %s [%s, %s, %d checkpoint(s)]%n", lab.title().en(), lab.difficulty(), lab.profile().name().toLowerCase(),
                        lab.checkpoints().size());
                LabVerifier.Report report = verifier.verify(lab);
                report.solution().checkpoints().forEach(progress -> AttemptGrading.print(out, progress));
                problems = report.problems();
            }
        } catch (RuntimeException e) {
            problems = List.of(new LabProblem(folder.folder(), "", 0, "could not be checked: " + e));
        }
        problems.forEach(problem -> out.println("  PROBLEM " + problem));
        return problems.isEmpty();
    }

    public static void main(String[] args) {
        System.exit(new LabCli(System.out, System.err).run(args));
    }
}
