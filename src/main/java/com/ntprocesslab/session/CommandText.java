package com.ntprocesslab.session;

import java.util.HexFormat;
import java.util.Optional;

/** Checks a typed command's text before any machine sees it: length and control characters. */
final class CommandText {

    private CommandText() {
    }

    /** Why the text cannot be a command, or empty when it may be run. */
    static Optional<String> problem(String command, int maxLength) {
        if (command.length() > maxLength) {
            return Optional.of("A command has at most " + maxLength + " characters; this one has " + command.length() + ".");
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                return Optional.of("A command cannot hold control characters; this one has U+"
                        + HexFormat.of().withUpperCase().toHexDigits(c) + " at column " + (i + 1) + ". Type or paste plain text.");
            }
        }
        return Optional.empty();
    }

    /** The command as the console may show it back: long text cut, control characters made visible. */
    static String shown(String command) {
        String cut = command.length() > 60 ? command.substring(0, 60) + "..." : command;
        StringBuilder shown = new StringBuilder();
        cut.chars().forEach(c -> shown.append(Character.isISOControl(c) && c != '\t'
                ? "\\u" + HexFormat.of().withUpperCase().toHexDigits((char) c) : String.valueOf((char) c)));
        return shown.toString();
    }
}
