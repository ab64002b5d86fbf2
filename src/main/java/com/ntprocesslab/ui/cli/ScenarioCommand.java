package com.ntprocesslab.ui.cli;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code java -jar nt-process-lab.jar scenario FILE.cmd [--profile modern]}: runs a file of
 * console commands on a freshly booted machine, without the web server, and prints the
 * transcript (prompt, command, answer) as the console would show it. Blank lines and lines
 * starting with {@code #} are skipped. Exit status: 0 when every command was accepted, 1
 * when at least one was rejected (the run goes on, as a script in WinDbg does), 2 for a
 * usage error.
 */
public final class ScenarioCommand {
    public static final String PROMPT = "0: kd> ";
    static final int ALL_ACCEPTED = 0;
    static final int SOME_REJECTED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "Usage: scenario FILE.cmd [--profile modern]";

    /** The printed transcript and whether every command was accepted. */
    public record Transcript(String text, boolean allAccepted) {
    }

    private ScenarioCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--profile"))) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Profile profile;
        try {
            profile = args.length == 3 ? Profile.valueOf(args[2].toUpperCase(Locale.ROOT)) : Profile.MODERN;
        } catch (IllegalArgumentException e) {
            err.println("Unknown profile '" + args[2] + "': use modern or classic.\n" + USAGE_TEXT);
            return USAGE;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read scenario file " + args[0] + ": " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        Machine machine;
        try {
            machine = Machine.boot(profile);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        // Each command's part of the transcript is printed as soon as it is answered: a long or failing run still shows what came before.
        boolean allAccepted = play(machine, lines, part -> {
            out.print(part);
            out.flush();
        });
        return allAccepted ? ALL_ACCEPTED : SOME_REJECTED;
    }

    /** Runs the scenario's commands on {@code machine} and returns what the console would show. */
    public static Transcript play(Machine machine, List<String> lines) {
        StringBuilder text = new StringBuilder();
        boolean allAccepted = play(machine, lines, text::append);
        return new Transcript(text.toString(), allAccepted);
    }

    /**
     * Runs the commands one by one, handing each one's transcript to {@code sink} when it is
     * answered; returns whether every command was accepted. A line the kernel fails on is
     * reported in the transcript as rejected and the run goes on.
     */
    public static boolean play(Machine machine, List<String> lines, Consumer<String> sink) {
        boolean allAccepted = true;
        for (String line : lines) {
            String command = line.strip();
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            CommandResult result;
            try {
                result = machine.execute(command);
            } catch (RuntimeException e) {
                result = new CommandResult(false, "The kernel failed on this command (" + e + "); it is a bug, please report it.");
            }
            allAccepted &= result.accepted();
            StringBuilder part = new StringBuilder(PROMPT).append(command).append('\n');
            if (!result.output().isEmpty()) {
                part.append(result.output()).append('\n');
            }
            sink.accept(part.toString());
        }
        return allAccepted;
    }
}
