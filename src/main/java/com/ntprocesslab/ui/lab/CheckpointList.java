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
                    language == Language.ZH_CN ? "未检查" : "not checked", List.of()));
        }
    }

    void showOutcomes(List<CheckOutcome> outcomes, Language language) {
        removeAll();
        for (CheckOutcome outcome : outcomes) {
            String state = outcome.passed() ? (language == Language.ZH_CN ? "通过" : "passed") : (language == Language.ZH_CN ? "未通过" : "failed");
            List<String> lines = new java.util.ArrayList<>(List.of(outcome.feedback().in(language).split("\n")));
            outcome.hint().ifPresent(hint -> lines.add((language == Language.ZH_CN ? "提示：" : "Hint: ") + hint.in(language)));
            add(item(outcome.checkpointId(), outcome.title().in(language), outcome.passed() ? "passed" : "failed", state, lines));
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
            paragraph.addClassName(line.startsWith("Hint") || line.startsWith("提示") ? "checkpoint-hint" : "checkpoint-feedback");
            item.add(paragraph);
        }
        return item;
    }
}
