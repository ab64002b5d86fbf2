package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.lab.progress.MachineReview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.dom.Element;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Two sliders over a machine's whole history, one by command and one by step, with the
 * checkpoints marked where they were first reached. Plain range inputs: the browser draws
 * them, keyboard and screen readers work, and no frontend build is needed.
 */
class HistoryScrubber extends Div {

    private final Element commandRange = range("scrub-command");
    private final Element stepRange = range("scrub-step");
    private final Div markers = new Div();
    private final Span moment = new Span();
    private final Button previous = new Button();
    private final Button next = new Button();
    private IntConsumer onCommand = command -> { };
    private LongConsumer onStep = step -> { };
    private int commands;
    private int current;

    HistoryScrubber() {
        setId("scrubber");
        addClassName("history-scrubber");
        getStyle().set("width", "100%");
        commandRange.setAttribute("aria-label", getTranslation("scrub.command.label"));
        stepRange.setAttribute("aria-label", getTranslation("scrub.step.label"));
        commandRange.addEventListener("change", e -> onCommand.accept((int) e.getEventData().get("element.valueAsNumber").asLong()))
                .addEventData("element.valueAsNumber");
        stepRange.addEventListener("change", e -> onStep.accept(e.getEventData().get("element.valueAsNumber").asLong()))
                .addEventData("element.valueAsNumber");
        previous.setText(getTranslation("scrub.previous"));
        previous.setId("scrub-previous");
        previous.addClickListener(click -> onCommand.accept(Math.max(0, current - 1)));
        next.setText(getTranslation("scrub.next"));
        next.setId("scrub-next");
        next.addClickListener(click -> onCommand.accept(Math.min(commands, current + 1)));
        moment.setId("moment");
        markers.setId("checkpoint-markers");
        markers.getStyle().set("position", "relative").set("height", "2.2em");
        Span byCommand = new Span(getTranslation("scrub.command"));
        Span byStep = new Span(getTranslation("scrub.step"));
        byCommand.setWidth("6em");
        byStep.setWidth("6em");
        // the markers sit under the command slider's own track, so each points at its command
        Div commandSlot = new Div(markers);
        commandSlot.getElement().insertChild(0, commandRange);
        Div stepSlot = new Div();
        stepSlot.getElement().appendChild(stepRange);
        HorizontalLayout commandRow = new HorizontalLayout(byCommand, previous, commandSlot, next);
        commandRow.expand(commandSlot);
        commandRow.setWidthFull();
        commandRow.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout stepRow = new HorizontalLayout(byStep, stepSlot);
        stepRow.expand(stepSlot);
        stepRow.setWidthFull();
        stepRow.setAlignItems(FlexComponent.Alignment.CENTER);
        add(moment, commandRow, stepRow);
    }

    void setCommandListener(IntConsumer listener) {
        onCommand = listener;
    }

    void setStepListener(LongConsumer listener) {
        onStep = listener;
    }

    /** The history's extent: {@code commands} commands, steps from {@code firstStep} to {@code lastStep}, and its checkpoint markers. */
    void setHistory(int commands, long firstStep, long lastStep, List<MachineReview.Marker> reached) {
        this.commands = commands;
        commandRange.setAttribute("min", "0");
        commandRange.setAttribute("max", String.valueOf(commands));
        stepRange.setAttribute("min", String.valueOf(firstStep));
        stepRange.setAttribute("max", String.valueOf(lastStep));
        markers.removeAll();
        // checkpoints reached by the same command share one marker, or they would cover each other
        Map<Long, List<String>> byCommand = reached.stream().collect(Collectors.groupingBy(MachineReview.Marker::command, TreeMap::new,
                Collectors.mapping(MachineReview.Marker::checkpointId, Collectors.toList())));
        byCommand.forEach((command, checkpoints) -> {
            String names = String.join(", ", checkpoints);
            Button button = new Button(names, click -> onCommand.accept((int) (long) command));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            button.addClassName("checkpoint-marker");
            button.getElement().setAttribute("aria-label", getTranslation("scrub.marker.label", names, command));
            button.getElement().setAttribute("title", getTranslation("scrub.marker.label", names, command));
            double fraction = commands == 0 ? 0 : (double) command / commands;
            // the thumb's centre runs from 8px to 8px before the end of the input
            button.getStyle().set("position", "absolute").set("left", "calc(8px + (100% - 16px) * " + fraction + ")")
                    .set("transform", "translateX(-50%)").set("margin", "0").set("white-space", "nowrap");
            markers.add(button);
        });
    }

    /** Moves both sliders to the moment shown and describes it. */
    void showMoment(int command, long step, String description) {
        current = command;
        commandRange.setProperty("value", String.valueOf(command));
        stepRange.setProperty("value", String.valueOf(step));
        previous.setEnabled(command > 0);
        next.setEnabled(command < commands);
        moment.setText(description);
    }

    private static Element range(String id) {
        Element input = new Element("input");
        input.setAttribute("type", "range");
        input.setAttribute("id", id);
        input.setAttribute("step", "1");
        input.getStyle().set("width", "100%");
        return input;
    }
}
