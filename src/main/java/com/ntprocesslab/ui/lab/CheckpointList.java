package com.ntprocesslab.ui.lab;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.progress.CheckOutcome;
import com.ntprocesslab.lab.text.Language;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/** The lab's checkpoints in order, each with its state: not checked yet, or passed/failed with feedback. */
class CheckpointList extends Div {

    CheckpointList() {
        setId("checkpoints");
        addClassName("checkpoints");
    }

    void showUnchecked(Lab lab, Language language) {
        removeAll();
        for (Checkpoint checkpoint : lab.checkpoints()) {
            add(item(checkpoint.id(), checkpoint.title().in(language), "not-checked",
                    getTranslation("lab.checkpoint.notChecked"), List.of()));
        }
    }

    void showOutcomes(List<CheckOutcome> outcomes, Language language) {
        removeAll();
        for (CheckOutcome outcome : outcomes) {
            String state = getTranslation(outcome.passed() ? "lab.checkpoint.passed" : "lab.checkpoint.failed");
            Div item = item(outcome.checkpointId(), outcome.title().in(language), outcome.passed() ? "passed" : "failed", state,
                    List.of(outcome.feedback().in(language).split("\n")));
            outcome.hint().ifPresent(hint -> {
                Paragraph paragraph = new Paragraph(getTranslation("lab.checkpoint.hint", hint.in(language)));
                paragraph.addClassName("checkpoint-hint");
                item.add(paragraph);
            });
            add(item);
        }
    }

    private static Div item(String id, String title, String stateClass, String stateText, List<String> feedback) {
        Div item = new Div();
        item.addClassNames("checkpoint", stateClass);
        item.setId("checkpoint-" + id);
        Span badge = new Span(stateText);
        badge.getElement().getThemeList().add(switch (stateClass) {
            case "passed" -> "badge success";
            case "failed" -> "badge error";
            default -> "badge contrast";
        });
        badge.addClassName("checkpoint-state");
        Span name = new Span(title);
        name.addClassName("checkpoint-title");
        item.add(badge, name);
        for (String line : feedback) {
            Paragraph paragraph = new Paragraph(line);
            paragraph.addClassName("checkpoint-feedback");
            item.add(paragraph);
        }
        return item;
    }
}
