package com.ntprocesslab.ui.machine;

import com.ntprocesslab.lab.state.StopInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seven stages of process creation on the modern path with the current stop highlighted,
 * the stopped routine's call stack (the frames {@code k} prints) and the step buttons, which
 * send their debugger command to the console like typing it would.
 */
public class StageTimeline extends VerticalLayout {

    /** Windows 10 creates a process in seven stages; Windows XP (the classic kernel) in six phases. */
    static final int MODERN_STAGES = 7;
    static final int CLASSIC_PHASES = 6;
    /** Forward steps, then their reverse: the debugger's own commands. */
    static final List<String> STEP_COMMANDS = List.of("t", "p", "gu", "g", "t-", "p-", "g-");

    private final List<ListItem> stages = new ArrayList<>();
    private final OrderedList stageList = new OrderedList();
    private boolean classic;
    private final OrderedList stack = new OrderedList();
    private final Span where = new Span();
    private final HorizontalLayout buttons = new HorizontalLayout();

    public StageTimeline(Consumer<String> commandSender) {
        setId("stage-timeline");
        addClassName("stage-timeline");
        setPadding(false);
        setSpacing(false);
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("timeline.label"));
        add(configureStages(), configureStepButtons(commandSender), configureStack());
    }

    private OrderedList configureStages() {
        stageList.setId("stage-list");
        stageList.addClassName("stage-list");
        listStages();
        return stageList;
    }

    /** The modern stages, or the classic phases: the step tags of the kernel the machine runs. */
    private void listStages() {
        String key = classic ? "timeline.phase." : "timeline.stage.";
        stages.clear();
        stageList.removeAll();
        for (int stage = 1; stage <= (classic ? CLASSIC_PHASES : MODERN_STAGES); stage++) {
            ListItem item = new ListItem(new Span(String.valueOf(stage)), new Span(getTranslation(key + stage)));
            item.addClassName("stage");
            item.getElement().setAttribute("title", getTranslation(key + stage + ".detail"));
            stages.add(item);
            stageList.add(item);
        }
    }

    private HorizontalLayout configureStepButtons(Consumer<String> commandSender) {
        buttons.setId("step-buttons");
        buttons.setSpacing(false);
        buttons.addClassName("step-buttons");
        for (String command : STEP_COMMANDS) {
            Button step = new Button(command, click -> commandSender.accept(command));
            step.addThemeVariants(ButtonVariant.LUMO_SMALL, command.endsWith("-") ? ButtonVariant.LUMO_CONTRAST : ButtonVariant.LUMO_PRIMARY);
            step.addClassName("step-button");
            step.getElement().setAttribute("aria-label", getTranslation("timeline.step." + command.replace("-", "Back")));
            step.getElement().setAttribute("title", getTranslation("timeline.step." + command.replace("-", "Back")));
            buttons.add(step);
        }
        buttons.add(where);
        where.setId("stop-location");
        where.addClassName("stop-location");
        return buttons;
    }

    private Div configureStack() {
        stack.setId("call-stack");
        stack.addClassName("call-stack");
        stack.getElement().setAttribute("aria-label", getTranslation("timeline.stack"));
        Div frame = new Div(stack);
        frame.addClassName("call-stack-frame");
        return frame;
    }

    /**
     * Highlights the stage (phase, on a classic machine) the machine is stopped in and lists the
     * stopped thread's frames.
     */
    public void show(Optional<StopInfo> stop, boolean classicMachine) {
        if (classicMachine != classic) {
            classic = classicMachine;
            listStages();
        }
        int current = stop.map(StopInfo::stage).orElse(0);
        for (int i = 0; i < stages.size(); i++) {
            ListItem item = stages.get(i);
            boolean here = i + 1 == current;
            item.setClassName("current", here);
            item.setClassName("done", current > 0 && i + 1 < current);
            if (here) {
                item.getElement().setAttribute("aria-current", "step");
            } else {
                item.getElement().removeAttribute("aria-current");
            }
        }
        where.setText(stop.map(s -> getTranslation("timeline.stoppedAt", s.symbol()))
                .orElse(getTranslation("timeline.notStopped")));
        stack.removeAll();
        stop.ifPresent(s -> s.frames().forEach(frame -> stack.add(new ListItem(frame))));
    }

    /** A read-only view (an instructor's) shows where the machine is but cannot step it. */
    public void setStepping(boolean enabled) {
        buttons.getChildren().filter(Button.class::isInstance).forEach(b -> b.setVisible(enabled));
    }
}
