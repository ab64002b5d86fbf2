package com.ntprocesslab.ui.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The commands typed so far, walked with up and down like a shell's history. */
final class CommandHistory {

    private final List<String> commands = new ArrayList<>();
    /** Where up/down stands; commands.size() is the fresh line below the newest command. */
    private int cursor;

    void replace(List<String> all) {
        commands.clear();
        commands.addAll(all);
        cursor = commands.size();
    }

    void add(String command) {
        if (commands.isEmpty() || !commands.getLast().equals(command)) {
            commands.add(command);
        }
        cursor = commands.size();
    }

    Optional<String> older() {
        if (cursor == 0) {
            return Optional.empty();
        }
        return Optional.of(commands.get(--cursor));
    }

    /** The next newer command, or the empty fresh line after the newest. */
    Optional<String> newer() {
        if (cursor >= commands.size()) {
            return Optional.empty();
        }
        cursor++;
        return Optional.of(cursor == commands.size() ? "" : commands.get(cursor));
    }
}
