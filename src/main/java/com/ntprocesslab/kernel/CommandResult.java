package com.ntprocesslab.kernel;

/**
 * The answer to one console command. A rejected command ({@code accepted == false}) left the
 * machine exactly as it was; its output names the problem.
 */
public record CommandResult(boolean accepted, String output) {

    public static CommandResult accepted(String output) {
        return new CommandResult(true, output);
    }

    public static CommandResult rejected(String message) {
        return new CommandResult(false, message);
    }
}
