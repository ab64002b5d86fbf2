package com.ntprocesslab.session;

import com.ntprocesslab.CommandMix;
import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.List;

/** Commands the tests drive machines with, and the headless replay they are checked against. */
final class SessionTestCommands {

    private SessionTestCommands() {
    }

    /** The i-th command of a deterministic mix of accepted commands. */
    static String command(int i) {
        return CommandMix.command(i);
    }

    /** The machine a log should give: a fresh boot replaying every command, with no server involved. */
    static String headlessReplay(List<String> commands) {
        return headlessReplay(Profile.MODERN, commands);
    }

    /** The same for a machine of {@code profile}. */
    static String headlessReplay(Profile profile, List<String> commands) {
        return headlessReplay(Machine.boot(profile), commands);
    }

    /** The same for a per-student machine booted with {@code seed}. */
    static String headlessReplay(Profile profile, long seed, List<String> commands) {
        return headlessReplay(Machine.boot(profile, seed), commands);
    }

    private static String headlessReplay(Machine machine, List<String> commands) {
        for (String command : commands) {
            CommandResult result = machine.execute(command);
            if (!result.accepted()) {
                throw new AssertionError("The log holds a command the kernel rejects: " + command);
            }
        }
        return machine.snapshotJson();
    }
}
