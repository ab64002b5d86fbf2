package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.lab.progress.MachineReview;
import com.ntprocesslab.session.ObservedHistory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** What an instructor can do with the moment shown: fork it, hand it back to the student, download the history. */
class MomentActions extends HorizontalLayout {

    private final MachineReview reviews;
    private final String instructor;
    private final Button fork = new Button();
    private final Button handOver = new Button();
    private final Anchor csv = new Anchor();
    private final Anchor json = new Anchor();
    private final HorizontalLayout outcome = new HorizontalLayout();
    private Runnable onFork = () -> { };
    private Runnable onHandOver = () -> { };

    MomentActions(MachineReview reviews, String instructor) {
        this.reviews = reviews;
        this.instructor = instructor;
        fork.setText(getTranslation("fork.mine"));
        fork.setId("fork-mine");
        fork.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fork.addClickListener(click -> {
            fork.setEnabled(false);
            onFork.run();
        });
        handOver.setText(getTranslation("fork.student"));
        handOver.setId("fork-student");
        handOver.addClickListener(click -> {
            handOver.setEnabled(false);
            onHandOver.run();
        });
        csv.setText(getTranslation("history.csv"));
        csv.setId("history-csv");
        csv.getElement().setAttribute("download", true);
        json.setText(getTranslation("history.json"));
        json.setId("history-json");
        json.getElement().setAttribute("download", true);
        outcome.setId("fork-outcome");
        outcome.setAlignItems(FlexComponent.Alignment.BASELINE);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        setWidthFull();
        add(fork, handOver, csv, json, outcome);
    }

    void setForkListener(Runnable listener) {
        onFork = listener;
    }

    void setHandOverListener(Runnable listener) {
        onHandOver = listener;
    }

    /** Offers the actions that fit the machine: handing back only a student's machine. */
    void show(ObservedHistory machine) {
        handOver.getElement().setAttribute("aria-label", getTranslation("fork.student.label", machine.ownerName()));
        handOver.setVisible(!machine.ownerName().equalsIgnoreCase(instructor));
        long id = machine.machineId();
        csv.setHref(DownloadHandler.fromInputStream(download -> {
            StringBuilder text = new StringBuilder();
            try {
                reviews.writeHistoryCsv(instructor, id, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file(text.toString(), "history-" + machine.ownerName() + "-" + id + ".csv", "text/csv");
        }));
        json.setHref(DownloadHandler.fromInputStream(download ->
                file(reviews.historyJson(instructor, id), "history-" + machine.ownerName() + "-" + id + ".json", "application/json")));
    }

    /** A new moment is shown: the actions apply to it. */
    void momentShown() {
        fork.setEnabled(true);
        handOver.setEnabled(true);
    }

    void forked(long machineId, Component open) {
        say(getTranslation("fork.made", machineId), open);
        fork.setEnabled(true);
    }

    void handedOver(long machineId, String student) {
        say(getTranslation("fork.handedOver", student, machineId));
        handOver.setEnabled(true);
    }

    void problem(String message) {
        Span text = new Span(message);
        text.getElement().setAttribute("role", "alert");
        text.getStyle().set("color", "var(--lumo-error-text-color)");
        outcome.removeAll();
        outcome.add(text);
        fork.setEnabled(true);
        handOver.setEnabled(true);
    }

    private void say(String message, Component... more) {
        Span text = new Span(message);
        text.getElement().setAttribute("role", "status");
        outcome.removeAll();
        outcome.add(text);
        outcome.add(more);
    }

    private static DownloadResponse file(String text, String name, String type) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
    }
}
