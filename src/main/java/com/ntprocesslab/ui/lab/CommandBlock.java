package com.ntprocesslab.ui.lab;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.util.List;
import java.util.function.Consumer;

/** A block of console commands in the instructions, with Copy (to the clipboard) and Run (in the console, in order). */
class CommandBlock extends Div {

    CommandBlock(List<String> commands, Consumer<List<String>> run) {
        addClassName("command-block");
        String text = String.join("\n", commands);
        Pre code = new Pre(text);
        Button copy = new Button(getTranslation("lab.block.copy"),
                click -> getElement().executeJs("if (navigator.clipboard) { navigator.clipboard.writeText($0); }", text));
        copy.addClassName("command-copy");
        Button runButton = new Button(getTranslation("lab.block.run"), click -> run.accept(commands));
        runButton.addClassName("command-run");
        for (Button button : List.of(copy, runButton)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        Div actions = new Div(copy, runButton);
        actions.addClassName("command-actions");
        add(code, actions);
    }
}
