package com.ntprocesslab.ui.workspace;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kernel answers a rejected command in WinDbg's English ("Syntax error at 'x': ...",
 * "Couldn't resolve error at 'x': ...") and stays free of UI concerns; the console shows that
 * answer in the student's language. Each known form of a rejection is a pattern whose groups
 * fill a text of the translation bundle ({@code console.error.*}); the explanation after
 * "Syntax error at 'x':" is translated by a second list of patterns. English is the kernel's
 * own text, unchanged. A form not listed here keeps its English explanation under a
 * translated frame rather than being guessed at.
 */
final class KernelErrors {

    private record Rule(Pattern pattern, String key) {
        Rule(String regex, String key) {
            this(Pattern.compile(regex), key);
        }
    }

    private static final List<Rule> LINES = List.of(
            new Rule("Unknown command '(.*)'\\. Debugger: (.*); machine: (.*)\\.", "console.error.unknown"),
            new Rule("Syntax error at '(.*?)': (.*)", "console.error.syntax"),
            new Rule("Couldn't resolve error at '(.*?)': (.*)", "console.error.resolve"),
            new Rule("Nothing to run: every thread is waiting\\. Start something with \\.call, e\\.g\\. (.*)", "console.error.nothingToRun"),
            new Rule("Every thread is waiting and no thread context is set; choose one with \\.thread <address> \\(!process 0 7 lists them\\)\\.",
                    "console.error.noThreadContext"),
            new Rule("Already at position (\\d+), the end of boot: there is no earlier step to go back to\\.", "console.error.startOfTime"),
            new Rule("File (.*) already exists\\.", "console.error.fileExists"),
            new Rule("The thread of (\\S+) has not started running yet \\(resume it and run g first\\)\\.", "console.error.threadNotStarted"),
            // The session's refusals before or while running a command (CommandText, CommandBudget).
            new Rule("Refused: this command needs more than (\\d+) steps, the most one command may run\\. Nothing was saved and the machine"
                    + " is as before it; set a breakpoint or use a narrower command\\.", "console.error.tooManySteps"),
            new Rule("Refused: this command ran longer than (\\d+) ms, the most one command may take\\. Nothing was saved and the machine"
                    + " is as before it; use a narrower command\\.", "console.error.tooLong"),
            new Rule("A command has at most (\\d+) characters; this one has (\\d+)\\.", "console.error.commandTooLong"),
            new Rule("A command cannot hold control characters; this one has (U\\+\\p{XDigit}+) at column (\\d+)\\. Type or paste plain text\\.",
                    "console.error.controlCharacter"));

    /** What may follow "Syntax error at 'x':" or "Couldn't resolve error at 'x':". */
    private static final List<Rule> EXPLANATIONS = List.of(
            new Rule("expected (.*?), e\\.g\\. (.*) or (.*)", "console.error.expectedTwoExamples"),
            new Rule("expected (.*?), e\\.g\\. (.*)", "console.error.expectedExample"),
            new Rule("expected (.*)", "console.error.expected"),
            new Rule("(\\S+) takes (.*?), e\\.g\\. (.*)", "console.error.takesExample"),
            new Rule("(\\S+) takes (.*)", "console.error.takes"),
            new Rule("no live process with that image name or PID\\.", "console.error.noSuchCaller"),
            new Rule("unknown API\\. Callable APIs: (.*)\\.", "console.error.unknownApi"),
            new Rule("unknown allocation kind; use one of (.*)", "console.error.unknownFailure"),
            new Rule("no (\\S+) lives at that address", "console.error.nothingAtAddress"),
            new Rule("no such symbol \\(bu keeps an unresolved breakpoint\\)", "console.error.noSuchSymbol"),
            new Rule("no symbol matches the pattern", "console.error.noSymbolMatches"),
            new Rule("no such registry key", "console.error.noSuchKey"),
            new Rule("the key has no such value", "console.error.noSuchValue"),
            new Rule("there is no breakpoint (\\S+) \\(bl lists them\\)", "console.error.noSuchBreakpoint"),
            new Rule("(\\S+) has no handle with that value", "console.error.noSuchHandle"),
            new Rule("no process has that client id \\(!process 0 0 lists them\\)", "console.error.noSuchCid"),
            new Rule("a value name is required", "console.error.valueNameRequired"));

    private KernelErrors() {
    }

    /**
     * @param translate the page's translation (key and arguments), in the student's language
     * @param english   true when the student reads English: the kernel's text is shown as it is
     */
    static String in(String output, boolean english, BiFunction<String, Object[], String> translate) {
        if (english) {
            return output;
        }
        return output.lines().map(line -> translateLine(line, translate)).collect(Collectors.joining("\n"));
    }

    private static String translateLine(String line, BiFunction<String, Object[], String> translate) {
        for (Rule rule : LINES) {
            Matcher m = rule.pattern().matcher(line);
            if (m.matches()) {
                Object[] args = groups(m);
                if (rule.key().equals("console.error.syntax") || rule.key().equals("console.error.resolve")) {
                    args[1] = explanation((String) args[1], translate);
                }
                return translate.apply(rule.key(), args);
            }
        }
        return line;
    }

    private static String explanation(String text, BiFunction<String, Object[], String> translate) {
        for (Rule rule : EXPLANATIONS) {
            Matcher m = rule.pattern().matcher(text);
            if (m.matches()) {
                return translate.apply(rule.key(), groups(m));
            }
        }
        return text;
    }

    private static Object[] groups(Matcher m) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.group(i + 1);
        }
        return args;
    }
}
