package com.ntprocesslab.session;

/** One line of a machine's console: what was typed and what the machine answered. */
public record ConsoleEntry(String command, String output, boolean accepted) {}
