package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.ConsoleEntry;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.ntprocesslab.session.TimePosition;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.component.KeyModifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A WinDbg-style console: the transcript above, the command line below, with history on
 * up/down and completion on Tab (its list shown above the line). As in WinDbg: Enter on an
 * empty line repeats the last g/t/p-style command, {@code ;} separates commands on one line,
 * F5, F10, F11 and Shift+F11 run g, p, t and gu, {@code .cls} clears the view (never the log),
 * and pasted lines run one by one in order. Shared by the sandbox and lab pages.
 */
public class Console extends VerticalLayout {

    static final String PROMPT = "0: kd> ";
    /** The commands an empty line repeats, as WinDbg repeats stepping and running. */
    private static final Set<String> REPEATABLE = Set.of("g", "t", "p", "gu", "t-", "p-", "g-");

    private final Div transcript = new Div();
    private final TextField input = new TextField();
    private final Span completions = new Span();
    /** The prompt, and while the machine stands in the past its position and the present, as TTD shows them. */
    private final Span promptArea = new Span(PROMPT.strip());
    private final ProgressBar running = new ProgressBar();
    private final CommandHistory history = new CommandHistory();
    private String lastRepeatable;

    public Console() {
        setPadding(false);
        setSpacing(false);
        setSizeFull();
        configureTranscript();
        configureCommandLine();
        configureRunningIndicator();
        addAndExpand(transcript);
        add(running, completions, input);
    }

    private void configureTranscript() {
        transcript.addClassName("console");
        transcript.setId("console-transcript");
        transcript.setWidthFull();
        transcript.getElement().setAttribute("role", "log");
        transcript.getElement().setAttribute("aria-label", getTranslation("console.output"));
        // A scrolling region is reachable by keyboard (arrow keys scroll it once focused).
        transcript.getElement().setAttribute("tabindex", "0");
    }

    private void configureCommandLine() {
        input.setLabel(getTranslation("console.command"));
        input.setId("console-input");
        input.setWidthFull();
        promptArea.setId("console-prompt");
        promptArea.addClassName("console-prompt");
        input.setPrefixComponent(promptArea);
        // a hint, not a command: in words, so the prompt beside it never reads as "0: kd> !process 0 0" already typed
        input.setPlaceholder(getTranslation("console.placeholder"));
        input.setClearButtonVisible(true);
        input.setHelperText(getTranslation("console.help"));
        input.getElement().setAttribute("autocomplete", "off");
        input.getElement().setAttribute("spellcheck", "false");
        // Up, down and Tab read the line on the server, so it must be there before the key arrives.
        input.setValueChangeMode(ValueChangeMode.EAGER);
        // Enter reads and clears the line in the browser (the input event tells the server) and sends what it read: a command typed right after
        // another can then never be wiped by the server clearing the line for the one before it.
        // A paste of several lines would be joined into one by a one-line field: its lines are sent to the server instead, to run in order.
        input.addAttachListener(event -> input.getElement().executeJs("""
                if (!this.__consoleSubmit) {
                    this.__consoleSubmit = true;
                    this.addEventListener('keydown', e => {
                        if (e.key === 'Enter' && !e.isComposing) {
                            const line = this.value;
                            this.value = '';
                            this.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
                            this.dispatchEvent(new CustomEvent('console-submit', {detail: line}));
                        }
                    });
                    this.addEventListener('paste', e => {
                        const text = (e.clipboardData || window.clipboardData).getData('text');
                        if (/[\\r\\n]/.test(text)) {
                            e.preventDefault();
                            const typed = this.value;
                            this.value = '';
                            this.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
                            this.dispatchEvent(new CustomEvent('console-paste', {detail: typed + text}));
                        }
                    });
                }"""));
        input.getElement().addEventListener("console-submit", event -> submit(event.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
        input.getElement().addEventListener("console-paste", event -> paste(event.getEventData().get("event.detail").asString()))
                .addEventData("event.detail");
        Shortcuts.addShortcutListener(this, () -> send("g"), Key.F5).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> send("p"), Key.F10).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> send("t"), Key.F11).listenOn(this);
        Shortcuts.addShortcutListener(this, () -> send("gu"), Key.F11, KeyModifier.SHIFT).listenOn(this);
        Shortcuts.addShortcutListener(input, () -> history.older().ifPresent(this::setLine), Key.ARROW_UP).listenOn(input);
        Shortcuts.addShortcutListener(input, () -> history.newer().ifPresent(this::setLine), Key.ARROW_DOWN).listenOn(input);
        Shortcuts.addShortcutListener(input, this::complete, Key.TAB).listenOn(input);
        completions.setId("console-completions");
        completions.addClassName("console-completions");
        completions.getElement().setAttribute("aria-live", "polite");
    }

    private void configureRunningIndicator() {
        running.setIndeterminate(true);
        running.setId("command-running");
        running.getElement().setAttribute("aria-label", getTranslation("console.running"));
        running.setVisible(false);
    }

    public void show(List<ConsoleEntry> entries) {
        transcript.removeAll();
        entries.forEach(this::append);
        history.replace(entries.stream().map(ConsoleEntry::command).toList());
        stickToNewestLine();
    }

    public void append(ConsoleEntry entry) {
        Pre block = new Pre();
        Span prompt = new Span(PROMPT + entry.command());
        prompt.addClassName("prompt");
        Span answer = new Span("\n" + shown(entry));
        if (!entry.accepted()) {
            answer.addClassName("rejected");
            block.getElement().setAttribute("role", "alert");
        }
        block.add(prompt, answer);
        transcript.add(block);
        scrollToNewestLine(block);
    }

    /**
     * Shows a typed command at once, before its answer: the returned line receives the answer
     * when the machine has run it. Commands typed meanwhile queue behind it, each shown waiting.
     */
    public PendingLine appendPending(String command, boolean waiting) {
        Pre block = new Pre();
        Span prompt = new Span(PROMPT + command);
        prompt.addClassName("prompt");
        Span answer = new Span(waiting ? "\n" + getTranslation("console.pending") : "");
        block.addClassName("pending");
        block.add(prompt, answer);
        transcript.add(block);
        scrollToNewestLine(block);
        return new PendingLine(block, answer, this::shown);
    }

    /** An answer as the student reads it: a rejection in the student's language, everything else as the kernel printed it. */
    private String shown(ConsoleEntry entry) {
        if (entry.accepted()) {
            return entry.output();
        }
        boolean english = !Locale.CHINESE.getLanguage().equals(getLocale().getLanguage());
        return KernelErrors.in(entry.output(), english, this::getTranslation);
    }

    /**
     * Opened (or reopened after a reload), the transcript shows its newest line, and keeps doing so
     * while the page lays itself out and answers arrive, until the student scrolls up to read.
     */
    private void stickToNewestLine() {
        transcript.getElement().executeJs("""
                const t = this;
                if (!t.__stick) {
                    t.__stick = {stuck: true};
                    const follow = () => { if (t.__stick.stuck) { t.scrollTop = t.scrollHeight; } };
                    t.addEventListener('scroll', () => { t.__stick.stuck = t.scrollTop + t.clientHeight >= t.scrollHeight - 4; });
                    new ResizeObserver(follow).observe(t);
                    new MutationObserver(follow).observe(t, {childList: true, subtree: true, characterData: true});
                }
                t.__stick.stuck = true;
                t.scrollTop = t.scrollHeight;""");
    }

    /** The newest line, not the top of the newest answer: a long answer ends where the student reads on. */
    private static void scrollToNewestLine(Pre block) {
        block.getElement().executeJs("const t = this.parentElement; if (t) { t.scrollTop = t.scrollHeight; }");
    }

    /** A command shown before its answer: see {@link #appendPending}. */
    public static final class PendingLine {
        private final Pre block;
        private final Span answer;
        private final Function<ConsoleEntry, String> shown;

        private PendingLine(Pre block, Span answer, Function<ConsoleEntry, String> shown) {
            this.block = block;
            this.answer = answer;
            this.shown = shown;
        }

        public void answer(ConsoleEntry entry) {
            block.removeClassName("pending");
            answer.setText("\n" + shown.apply(entry));
            if (!entry.accepted()) {
                answer.addClassName("rejected");
                block.getElement().setAttribute("role", "alert");
            }
            scrollToNewestLine(block);
        }
    }

    /** While commands run a bar moves, so a slow command never looks frozen; the line stays open for the next ones. */
    public void setRunning(boolean isRunning) {
        running.setVisible(isRunning);
    }

    /** An instructor's view of a student's machine: the transcript only, nothing to type into. */
    public void setCommandLineVisible(boolean visible) {
        input.setVisible(visible);
        completions.setVisible(visible);
    }

    public void focus() {
        input.focus();
    }

    public Registration addCommandListener(ComponentEventListener<CommandEvent> listener) {
        return addListener(CommandEvent.class, listener);
    }

    /** Sends a command as if typed (the step buttons use this), so it lands in the history too. */
    public void send(String command) {
        history.add(command);
        if (REPEATABLE.contains(command.strip().toLowerCase(Locale.ROOT))) {
            lastRepeatable = command.strip();
        }
        fireEvent(new CommandEvent(this, command));
    }

    /** Clears the view, as WinDbg's .cls does: the machine's log and history keep every command. */
    void clearView() {
        transcript.removeAll();
    }

    /** Shows where the machine stands in time: the plain prompt at the present, position and present in the past. */
    void showTime(TimePosition time) {
        if (time.inThePast()) {
            promptArea.setText(PROMPT.strip() + " " + getTranslation("console.past", time.position(), time.present()));
            promptArea.addClassName("in-the-past");
        } else {
            promptArea.setText(PROMPT.strip());
            promptArea.removeClassName("in-the-past");
        }
        promptArea.getElement().setAttribute("title", getTranslation("console.position", time.position(), time.present()));
    }

    private void submit(String line) {
        if (line == null) {
            return;
        }
        completions.setText("");
        if (line.isBlank()) {
            if (lastRepeatable != null) {
                send(lastRepeatable);
            }
            return;
        }
        for (String command : commandsOf(line)) {
            if (command.equalsIgnoreCase(".cls")) {
                clearView();
            } else {
                send(command);
            }
        }
    }

    /** A paste of several lines: each non-empty line runs in order, as if typed and sent. */
    private void paste(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                submit(line);
            }
        }
    }

    /** The commands of one line: WinDbg separates them with {@code ;}, except inside double quotes. */
    static List<String> commandsOf(String line) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                commands.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        commands.add(current.toString().strip());
        return commands.stream().filter(c -> !c.isEmpty()).toList();
    }

    private void complete() {
        Completion completion = Completion.of(input.getValue());
        setLine(completion.line());
        completions.setText(completion.candidates().size() > 1 ? String.join("  ", completion.candidates().stream().limit(12).toList())
                + (completion.candidates().size() > 12 ? "  … (" + completion.candidates().size() + ")" : "") : "");
    }

    private void setLine(String line) {
        input.setValue(line);
    }

    public static final class CommandEvent extends ComponentEvent<Console> {
        private final String command;

        CommandEvent(Console source, String command) {
            super(source, false);
            this.command = command;
        }

        public String command() {
            return command;
        }
    }
}
