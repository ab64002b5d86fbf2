package com.ntprocesslab.lab.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setup or solution file: one console command per line, {@code #} starts a comment line,
 * blank lines are ignored. {@code # @checkpoint <id>} marks where, in a solution, a checkpoint
 * is reached (a student checks it at that moment; later commands may undo it).
 */
record CommandScript(List<ScriptLine> commands, Map<String, Integer> marks, Map<String, Integer> markLines) {

    private static final Pattern MARK = Pattern.compile("#\\s*@checkpoint\\s+(\\S+)\\s*");

    static CommandScript parse(String text) {
        List<ScriptLine> commands = new ArrayList<>();
        Map<String, Integer> marks = new LinkedHashMap<>();
        Map<String, Integer> markLines = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher mark = MARK.matcher(line);
            if (mark.matches()) {
                marks.put(mark.group(1), commands.size());
                markLines.put(mark.group(1), i + 1);
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                commands.add(new ScriptLine(i + 1, line));
            }
        }
        return new CommandScript(List.copyOf(commands), marks, markLines);
    }
}
