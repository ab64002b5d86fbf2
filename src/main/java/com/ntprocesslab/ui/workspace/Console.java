package com.ntprocesslab.ui.workspace;

import com.ntprocesslab.session.ConsoleEntry;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/** A WinDbg-style console: the transcript above, the command line below. Shared by the sandbox and lab pages. */
public class Console extends VerticalLayout {

    static final String PROMPT = "0: kd> ";

    private final Div transcript = new Div();
    private final TextField input = new TextField();

    public Console() {
        setPadding(false);
        setSizeFull();
        transcript.addClassName("console");
        transcript.setId("console-transcript");
        transcript.setWidthFull();
        transcript.getElement().setAttribute("role", "log");
        transcript.getElement().setAttribute("aria-label", getTranslation("console.output"));
        input.setLabel(getTranslation("console.command"));
        input.setId("console-input");
        input.setWidthFull();
        input.setPrefixComponent(new Span(PROMPT.strip()));
        input.setPlaceholder("!process 0 0");
        input.setClearButtonVisible(true);
        input.getElement().setAttribute("autocomplete", "off");
        input.addKeyDownListener(Key.ENTER, event -> submit());
        addAndExpand(transcript);
        add(input);
    }

    public void show(List<ConsoleEntry> entries) {
        transcript.removeAll();
        entries.forEach(this::append);
    }

    public void append(ConsoleEntry entry) {
        Pre block = new Pre();
        Span prompt = new Span(PROMPT + entry.command());
        prompt.addClassName("prompt");
        Span answer = new Span("\n" + entry.output());
        if (!entry.accepted()) {
            answer.addClassName("rejected");
        }
        block.add(prompt, answer);
        transcript.add(block);
        block.scrollIntoView();
    }

    public void focus() {
        input.focus();
    }

    public Registration addCommandListener(ComponentEventListener<CommandEvent> listener) {
        return addListener(CommandEvent.class, listener);
    }

    private void submit() {
        String command = input.getValue();
        if (command.isBlank()) {
            return;
        }
        input.clear();
        fireEvent(new CommandEvent(this, command));
    }

    public static final class CommandEvent extends com.vaadin.flow.component.ComponentEvent<Console> {
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
