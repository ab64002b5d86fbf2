package com.ntprocesslab.lab.catalog;

/** One console command of a setup or solution file, with its line number for error messages. */
public record ScriptLine(int line, String command) {
}
